/**
 * The render step of the content sync, one article at a time: its MDX body → HTML, headings, plain
 * text with entity mentions (src/site/article-html.ts) and search record (src/search/record.ts).
 * Pure and self-contained — everything it needs of the site arrives in a `RenderContext` of plain
 * data — so that a render thread (src/loaders/render-pool.ts) and the main thread give the same
 * bytes for the same article.
 */
import { formatGregorianDate } from '../arabic/dates-format';
import type { EntityKind } from '../schema';
import { buildSearchRecord, type SearchableArticle, type SearchableEntity, type SearchRecord } from '../search/record';
import { renderArticleHtml, type ArticleHeading } from './article-html';
import type { ArticleText } from './article-text';

/** What every article's render depends on besides its own text; the same for the whole sync. */
export interface RenderContext {
  /** Each gazetteer entity's kind and page address, as the site links it (src/site/urls.ts). */
  links: ReadonlyMap<string, { kind: EntityKind; href: string }>;
  /** The gazetteer's spellings, for the search record's appendix and filters. */
  entities: ReadonlyMap<string, SearchableEntity>;
}

/** One article to render: its MDX body, and its checked frontmatter (null: no search record). */
export interface ArticleJob {
  body: string;
  article: SearchableArticle | null;
}

/** A rendered article. */
interface RenderedArticle {
  html: string;
  headings: ArticleHeading[];
  text: ArticleText;
  record: SearchRecord | null;
}

/** What rendering one article gave: the article, or the message of what made it fail. */
export type RenderAnswer = { rendered: RenderedArticle } | { error: string };

/** Render one article. Throws on a body ingest would not write (see `renderArticleHtml`). */
export function renderArticle(body: string, article: SearchableArticle | null, context: RenderContext): RenderedArticle {
  const { html, headings, text } = renderArticleHtml(body, (id) => context.links.get(id) ?? null);
  return { html, headings, text, record: article === null ? null : buildSearchRecord(article, text.text, context.entities, formatGregorianDate) };
}

/** Render one job; a failure is an answer, not an exception, so that it can cross threads. */
export function answerJob(job: ArticleJob, context: RenderContext): RenderAnswer {
  try {
    return { rendered: renderArticle(job.body, job.article, context) };
  } catch (error) {
    return { error: String((error as Error | undefined)?.message) };
  }
}
