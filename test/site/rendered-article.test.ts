import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGregorianDate } from '../../src/arabic/dates-format';
import { loadGazetteer } from '../../src/loaders/content';
import { articleSchema } from '../../src/schema';
import { parseArticleFile } from '../../src/search/article-file';
import { buildSearchRecord, type SearchableEntity } from '../../src/search/record';
import { renderArticleHtml } from '../../src/site/article-html';
import { answerJob, renderArticle, type RenderContext } from '../../src/site/rendered-article';
import { FOUNDING_SEEDS, root } from '../setup/founding-archive';

const { entities } = loadGazetteer(path.join(root, 'content/gazetteer'));
const context: RenderContext = {
  links: new Map(entities.map((entity) => [entity.id, { kind: entity.kind, href: `/${entity.kind}/${entity.id}/` }])),
  entities: new Map<string, SearchableEntity>(entities.map((entity) => [entity.id, entity])),
};

describe('the render step of one article', () => {
  it('gives the HTML, headings, text and search record the parts give', () => {
    for (const seed of FOUNDING_SEEDS) {
      const file = path.join(root, 'content/articles', `${seed.replace('_', '-').replace(/\.txt$/, '')}.mdx`);
      const { data, body } = parseArticleFile(readFileSync(file, 'utf8'));
      const article = articleSchema.parse(data);
      const rendered = renderArticle(body, article, context);
      const html = renderArticleHtml(body, (id) => context.links.get(id) ?? null);
      expect(rendered).toEqual({ ...html, record: buildSearchRecord(article, html.text.text, context.entities, formatGregorianDate) });
      expect(rendered.html).toContain('class="entity entity--');
      expect(answerJob({ body, article: null }, context)).toEqual({ rendered: { ...html, record: null } });
    }
  });

  it('answers a body ingest would not write with what is wrong, instead of throwing', () => {
    expect(answerJob({ body: 'نص <Box>x</Box>.\n', article: null }, context)).toEqual({ error: 'unknown MDX component <Box>; articles use only Entity, Quote, Question and Answer' });
    expect(answerJob({ body: 'نص {1 + 1}.\n', article: null }, context)).toEqual({ error: 'an {expression} is not allowed in an article body' });
  });
});
