/** Article pages: the text is the seed's text, the metadata is valid and honest. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { ArticleFrontmatter } from '../../src/schema';
import { builtArticles, byClass, listFiles, readPage, scriptText, textContent } from './dist';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const contentDir = inject('contentDir');
const seedsDir = inject('seedsDir');

const articles = builtArticles(contentDir);
const seedNames = new Set(readdirSync(seedsDir));
const withSeed = articles.filter((a) => seedNames.has(a.provenance.seed));

/** Whitespace-insensitive form: the page may reflow lines, never change characters. */
const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The seed as the reader should see it: decoded, normalized as recorded, removed lines dropped. */
function expectedBody(article: ArticleFrontmatter): string {
  let text = readFileSync(path.join(seedsDir, article.provenance.seed), 'utf8').replace(/^\uFEFF/, '');
  const removed = new Set(article.provenance.removed.map((r) => r.line));
  const lines = text.split(/\r\n|\r|\n/).filter((_, i) => !removed.has(i + 1));
  text = lines.join('\n');
  // Characters the reader changed (bidi controls, NBSP, presentation forms) are recorded in provenance.
  if (article.provenance.normalized.length > 0) {
    text = text.normalize('NFKC').replace(/[\u202A-\u202E\u2066-\u2069\u0000]/g, '');
  }
  return squash(text);
}

describe('article pages', () => {
  it('show exactly the text of their seed, minus the lines recorded as removed', () => {
    expect(withSeed.length).toBeGreaterThan(0);
    for (const article of withSeed) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      const [body] = byClass(page, 'article-body');
      expect(body, article.slug).toBeDefined();
      const shown = textContent(body as never);
      const expected = expectedBody(article);
      const normalizedShown = article.provenance.normalized.length > 0 ? squash(shown.normalize('NFKC')) : squash(shown);
      expect(normalizedShown, article.slug).toBe(expected);
    }
  });

  it('keep straight quotes and dashes as the source wrote them', () => {
    for (const article of withSeed) {
      const seed = readFileSync(path.join(seedsDir, article.provenance.seed), 'utf8');
      const shown = textContent(byClass(readPage(siteDir, `articles/${article.slug}/index.html`), 'article-body')[0] as never);
      for (const mark of ['"', '“', '”', '«', '»', '–', '-', '...']) {
        if (!seed.includes(mark)) expect(shown.includes(mark), `${article.slug} invented ${mark}`).toBe(false);
      }
    }
  });

  it('carry valid NewsArticle JSON-LD that states a date only when it is known', () => {
    for (const article of articles) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      const scripts = page.elements.filter((el) => el.name === 'script' && el.attributes['type'] === 'application/ld+json');
      expect(scripts, article.slug).toHaveLength(1);
      const data = JSON.parse(scriptText(scripts[0]!)) as Record<string, unknown>;
      expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: article.title, inLanguage: 'ar' });
      expect(new URL(String(data['url'])).pathname).toBe(`${base}articles/${article.slug}/`);
      if (article.published === null) expect(data).not.toHaveProperty('datePublished');
      else expect(String(data['datePublished'])).toBe(article.published.slice(0, article.publishedPrecision === 'day' ? 10 : article.publishedPrecision === 'month' ? 7 : 4));
      if (article.shortLink) expect(data['isBasedOn']).toBe(article.shortLink);
      else expect(data).not.toHaveProperty('isBasedOn');
    }
  });

  it('have a canonical URL and OpenGraph article tags', () => {
    for (const article of articles) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      const canonical = page.elements.find((el) => el.name === 'link' && el.attributes['rel'] === 'canonical');
      expect(new URL(canonical!.attributes['href']!).pathname).toBe(`${base}articles/${article.slug}/`);
      const og = (p: string) => page.elements.find((el) => el.name === 'meta' && el.attributes['property'] === p)?.attributes['content'];
      expect(og('og:type')).toBe('article');
      expect(og('og:title')).toBe(article.title);
      expect(og('article:published_time')).toBe(article.published === null ? undefined : article.published);
    }
  });

  it('say "date unknown" when the text gives no date', () => {
    for (const article of articles.filter((a) => a.published === null)) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      expect(textContent(byClass(page, 'dateline')[0] as never), article.slug).toContain('غير معروف');
    }
  });

  it('say when an editor, not the text, set the date', () => {
    const overridden = articles.filter((a) => a.provenance.overrides.some((o) => o.field === 'published'));
    for (const article of articles) {
      const dateline = textContent(byClass(readPage(siteDir, `articles/${article.slug}/index.html`), 'dateline')[0] as never);
      expect(dateline.includes('حدّده محرّر'), article.slug).toBe(overridden.includes(article));
      if (overridden.includes(article)) expect(dateline, article.slug).not.toContain('مأخوذ من عبارة');
    }
  });

  it('link every annotated mention to its entity page', () => {
    for (const article of articles) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      for (const link of byClass(page, 'entity')) {
        if (link.name !== 'a') continue;
        expect(link.attributes['href'], article.slug).toMatch(new RegExp(`^${base}(people|places|organizations)/[a-z0-9-]+/$`));
      }
    }
  });

  it('find every annotated mention in the gazetteer', () => {
    for (const article of articles) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      const unknown = byClass(page, 'entity--unknown').map((el) => el.attributes['data-entity-id']);
      expect(unknown, article.slug).toEqual([]);
    }
  });

  it('load no script on article pages but the theme toggle and search', () => {
    for (const article of articles) {
      const page = readPage(siteDir, `articles/${article.slug}/index.html`);
      const scripts = page.elements.filter((el) => el.name === 'script' && el.attributes['type'] !== 'application/ld+json');
      for (const script of scripts) {
        const code = scriptText(script);
        const src = script.attributes['src'] ?? '';
        expect(/theme|search|pagefind/i.test(code + src), `${article.slug}: unexpected script ${src || code.slice(0, 80)}`).toBe(true);
      }
    }
  });
});

describe('the site files', () => {
  it('contain no JSON-LD that fails to parse', () => {
    for (const file of listFiles(siteDir).filter((f) => f.endsWith('.html'))) {
      const page = readPage(siteDir, file);
      for (const el of page.elements.filter((e) => e.name === 'script' && e.attributes['type'] === 'application/ld+json')) {
        expect(() => JSON.parse(scriptText(el)), file).not.toThrow();
      }
    }
  });
});
