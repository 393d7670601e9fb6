/**
 * The archive's data exports, as pure functions over the articles and the gazetteer: metadata as
 * JSON and CSV (UTF-8 with a BOM and CRLF, RFC 4180 quoting, so spreadsheet software reads Arabic
 * right), full text as JSON Lines, entities as JSON, a Frictionless Data Package describing them, and
 * CITATION.cff. Served by src/pages/data/* and carried in the offline bundle.
 */
import { createHash } from 'node:crypto';
import type { ArticleFrontmatter, Entity } from '../schema';

/** One article's metadata row, the same in articles.json, articles.csv and articles.jsonl. */
export interface ArticleMetadata {
  id: string;
  slug: string;
  title: string;
  summary: string;
  published: string | null;
  publishedPrecision: string;
  sourceId: string | null;
  sourceAr: string | null;
  sourceEn: string | null;
  category: string | null;
  wordCount: number;
  people: string[];
  places: string[];
  organizations: string[];
  /** Every known entity the article mentions, frontmatter and body, in first-seen order. */
  mentions: string[];
  shortLink: string | null;
  /** The article page on the hosted site. */
  url: string;
  /** Site paths (below the site root) of the page, the raw seed and the MDX. */
  page: string;
  seed: string;
  seedSha256: string;
  mdx: string;
}

/** A Frictionless Table Schema field. */
export interface FieldDescription {
  name: keyof ArticleMetadata;
  type: 'string' | 'integer' | 'date';
  description: string;
}

/** The columns of articles.csv in order, described once for the CSV header and the data package. */
export const ARTICLE_FIELDS: readonly FieldDescription[] = [
  { name: 'id', type: 'string', description: "The seed file's stem; stable for the life of the archive." },
  { name: 'slug', type: 'string', description: 'URL segment of the article page; primary key.' },
  { name: 'title', type: 'string', description: 'Headline in Arabic.' },
  { name: 'summary', type: 'string', description: 'Lead sentence in Arabic.' },
  { name: 'published', type: 'date', description: 'Publication date (YYYY-MM-DD); empty when the text gives none.' },
  { name: 'publishedPrecision', type: 'string', description: 'How much of the date is known: day, month, year or unknown.' },
  { name: 'sourceId', type: 'string', description: 'Id of the news agency or site credited.' },
  { name: 'sourceAr', type: 'string', description: 'Arabic name of the source.' },
  { name: 'sourceEn', type: 'string', description: 'English name of the source.' },
  { name: 'category', type: 'string', description: 'Section the source filed it under, if stated.' },
  { name: 'wordCount', type: 'integer', description: 'Words in the body.' },
  { name: 'people', type: 'string', description: 'Gazetteer ids of people in the frontmatter, separated by ";".' },
  { name: 'places', type: 'string', description: 'Gazetteer ids of places in the frontmatter, separated by ";".' },
  { name: 'organizations', type: 'string', description: 'Gazetteer ids of organizations in the frontmatter, separated by ";".' },
  { name: 'mentions', type: 'string', description: 'Gazetteer ids of every entity mentioned (frontmatter and body), separated by ";".' },
  { name: 'shortLink', type: 'string', description: "The source's short link, if the text gave one." },
  { name: 'url', type: 'string', description: 'The article page on the hosted site.' },
  { name: 'page', type: 'string', description: 'Path of the article page below the site root.' },
  { name: 'seed', type: 'string', description: 'Path of the raw seed text below the site root.' },
  { name: 'seedSha256', type: 'string', description: 'SHA-256 of the raw seed file.' },
  { name: 'mdx', type: 'string', description: 'Path of the article MDX below the site root.' },
];

/** Site paths the exports live at (below the site root). */
export const exportPaths = {
  articlesJson: 'data/articles.json',
  articlesCsv: 'data/articles.csv',
  articlesJsonl: 'data/articles.jsonl',
  entitiesJson: 'data/entities.json',
  dataPackage: 'data/datapackage.json',
  citation: 'CITATION.cff',
} as const;

/** Site path of an article's MDX. */
export function mdxPath(slug: string): string {
  return `mdx/${slug}.mdx`;
}

/** The metadata row of one article. `mentions` are its known entity ids; `url` its hosted page; `page`/`seed` its site paths. */
export function articleMetadata(article: ArticleFrontmatter, mentions: readonly string[], url: string, page: string, seed: string): ArticleMetadata {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    published: article.published,
    publishedPrecision: article.publishedPrecision,
    sourceId: article.source?.id ?? null,
    sourceAr: article.source?.ar ?? null,
    sourceEn: article.source?.en ?? null,
    category: article.category,
    wordCount: article.wordCount,
    people: [...article.people],
    places: [...article.places],
    organizations: [...article.organizations],
    mentions: [...mentions],
    shortLink: article.shortLink,
    url,
    page,
    seed,
    seedSha256: article.provenance.sha256,
    mdx: mdxPath(article.slug),
  };
}

/**
 * One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180), quotes doubled. Text a
 * pull request wrote that starts like a formula (= + - @, tab, CR) gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it (the JSON exports keep every value exactly).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file: a UTF-8 BOM (so spreadsheet software reads the text as UTF-8), then CRLF-ended records. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`;
}

/** A cell of articles.csv: lists joined by ";", null as empty. */
function cell(value: ArticleMetadata[keyof ArticleMetadata]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/** articles.csv. */
export function articlesCsv(rows: readonly ArticleMetadata[]): string {
  return toCsv([ARTICLE_FIELDS.map((field) => field.name), ...rows.map((row) => ARTICLE_FIELDS.map((field) => cell(row[field.name])))]);
}

/** articles.json: every article's metadata, pretty-printed for a reader. */
export function articlesJson(rows: readonly ArticleMetadata[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** articles.jsonl: one article per line, its metadata and the full text of its body. */
export function articlesJsonl(rows: ReadonlyArray<{ metadata: ArticleMetadata; text: string }>): string {
  // JSON.stringify escapes line breaks inside strings, so each record stays on one line.
  return rows.map(({ metadata, text }) => `${JSON.stringify({ ...metadata, text })}\n`).join('');
}

/** entities.json: the gazetteer, each entity with the slugs of the articles that mention it. */
export function entitiesJson(entities: readonly Entity[], articlesOf: (id: string) => readonly string[], pageOf: (entity: Entity) => string): string {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify(sorted.map((entity) => ({ ...entity, page: pageOf(entity), articles: [...articlesOf(entity.id)] })), null, 2)}\n`;
}

/** Size and SHA-256 of a text as UTF-8, as a data package records them. */
function integrity(text: string): { bytes: number; hash: string } {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes: bytes.length, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** What the data package says about the archive. */
export interface PackageFacts {
  title: string;
  description: string;
  homepage: string;
}

/** datapackage.json (Frictionless Data Package v1) describing the exports, each with its size and hash. */
export function dataPackage(facts: PackageFacts, files: { articlesCsv: string; articlesJson: string; articlesJsonl: string; entitiesJson: string }): string {
  // Paths are relative to datapackage.json, which sits beside the files.
  const name = (path: string): string => path.replace(/^data\//, '');
  const descriptor = {
    profile: 'data-package',
    name: 'arshif',
    title: facts.title,
    description: facts.description,
    homepage: facts.homepage,
    resources: [
      {
        name: 'articles',
        path: name(exportPaths.articlesCsv),
        profile: 'tabular-data-resource',
        title: 'Article metadata (CSV)',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...integrity(files.articlesCsv),
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: ARTICLE_FIELDS.map((field) => ({ ...field, ...(field.type === 'date' ? { format: 'default' } : {}) })), primaryKey: 'slug', missingValues: [''] },
      },
      { name: 'articles-json', path: name(exportPaths.articlesJson), title: 'Article metadata (JSON)', format: 'json', mediatype: 'application/json', encoding: 'utf-8', ...integrity(files.articlesJson) },
      {
        name: 'articles-full-text',
        path: name(exportPaths.articlesJsonl),
        title: 'Articles with full text (JSON Lines, one article per line)',
        format: 'jsonl',
        mediatype: 'application/jsonl',
        encoding: 'utf-8',
        ...integrity(files.articlesJsonl),
      },
      { name: 'entities', path: name(exportPaths.entitiesJson), title: 'People, places and organizations (gazetteer)', format: 'json', mediatype: 'application/json', encoding: 'utf-8', ...integrity(files.entitiesJson) },
    ],
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** CITATION.cff (Citation File Format 1.2.0) for the archive as a dataset; no date, so no clock. */
export function citationCff(facts: { title: string; abstract: string; url: string; author: string }): string {
  // JSON strings are valid YAML double-quoted scalars: any Arabic or punctuation is safe.
  const q = JSON.stringify;
  return [
    'cff-version: 1.2.0',
    `message: ${q('If you use this archive, please cite it as below.')}`,
    'type: dataset',
    `title: ${q(facts.title)}`,
    `abstract: ${q(facts.abstract)}`,
    'authors:',
    `  - name: ${q(facts.author)}`,
    `url: ${q(facts.url)}`,
    'keywords:',
    `  - ${q('Arabic')}`,
    `  - ${q('news archive')}`,
    `  - ${q('أرشيف')}`,
    '',
  ].join('\n');
}
