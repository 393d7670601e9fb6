import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/search/article-file';
import { renderArticleHtml, type EntityLink } from '../../src/site/article-html';

const root = join(import.meta.dirname, '..', '..');
const links: EntityLink = (id) => (id === 'tajikistan' ? { kind: 'place', href: '/places/tajikistan/' } : null);

describe('rendering an article body to HTML at content sync', () => {
  it('turns the four components into the elements their pages render', () => {
    const { html } = renderArticleHtml('قال إن <Entity id="tajikistan">طاجيكستان</Entity> و<Entity id="nowhere">مكان</Entity> <Quote>"نص"</Quote>.\n\n<Question>\n– سؤال؟\n</Question>\n\n<Answer>\n– جواب.\n</Answer>\n', links);
    expect(html).toContain('<a href="/places/tajikistan/" class="entity entity--place">طاجيكستان</a>');
    expect(html).toContain('<span class="entity entity--unknown" data-entity-id="nowhere">مكان</span>');
    expect(html).toContain('<span class="quote">"نص"</span>');
    expect(html).toMatch(/<div class="qa qa--question"><p>– سؤال؟<\/p><\/div>/u);
    expect(html).toMatch(/<div class="qa qa--answer"><p>– جواب.<\/p><\/div>/u);
  });

  it('gives headings the ids Astro gives them, and reports them', () => {
    const { html, headings } = renderArticleHtml('## الوضع على الحدود\n\nنص.\n\n## الوضع على الحدود\n', links);
    expect(headings).toEqual([
      { depth: 2, slug: 'الوضع-على-الحدود', text: 'الوضع على الحدود' },
      { depth: 2, slug: 'الوضع-على-الحدود-1', text: 'الوضع على الحدود' },
    ]);
    expect(html).toContain('<h2 id="الوضع-على-الحدود-1">');
  });

  it('isolates Latin runs, inside links too', () => {
    expect(renderArticleHtml('منظمة (<Entity id="tajikistan">CSTO</Entity>) و NATO.\n', links).html).toBe(
      '<p>منظمة (<a href="/places/tajikistan/" class="entity entity--place"><bdi>CSTO</bdi></a>) و <bdi>NATO.</bdi></p>\n',
    );
  });

  it('keeps escaped markup as text', () => {
    const { html } = renderArticleHtml('\\<script>alert(1)\\</script> \\{x}\n', links);
    expect(html).not.toContain('<script');
    expect(html.replace(/<\/?bdi>/g, '')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; {x}</p>\n');
  });

  it.each([
    ['an unknown component', '<Script>x</Script>\n', 'unknown MDX component <Script>'],
    ['an expression', 'نص {alert(1)}\n', 'an {expression} is not allowed'],
    ['an import', 'import x from "y"\n\nنص\n', 'import/export is not allowed'],
    ['an attribute expression', '<Entity id={x}>ا</Entity>\n', 'only literal string attributes'],
  ])('refuses %s, which ingest never writes', (_what, body, message) => {
    expect(() => renderArticleHtml(body, links)).toThrow(message);
  });

  it('renders every golden article', () => {
    for (const slug of ['000-8441eef74626a7fb', '003-4e564ebf53c50bd9', '004-7e73e5d89ee22f4a']) {
      const { body } = parseArticleFile(readFileSync(join(root, 'test/golden', `${slug}.mdx`), 'utf8'));
      const { html } = renderArticleHtml(body, links);
      expect(html.length, slug).toBeGreaterThan(1000);
      expect(html, slug).not.toContain('<Entity');
    }
  });
});
