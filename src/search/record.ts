/**
 * One article → one Pagefind custom record. The record's content is the title and body in search
 * spelling (one word per original word), followed by an appendix of every spelling of every entity
 * the article is annotated with, so "Rahmon", "رحمن" or "CSTO" find it. The original words travel in
 * `meta.text`, from which the page builds excerpts in the reader's spelling.
 */
import type { ArticleFrontmatter, Entity, EntityKind } from '../schema';
import { formatEntitySpans, mentionsOfEntities } from './excerpt';
import { indexWords, splitWords } from './normalize';

/** What the index needs of an article's frontmatter. */
export type SearchableArticle = Pick<
  ArticleFrontmatter,
  'slug' | 'title' | 'published' | 'publishedPrecision' | 'source' | 'people' | 'places' | 'organizations'
>;

/** The gazetteer fields used for search. */
export type SearchableEntity = Pick<Entity, 'id' | 'kind' | 'name' | 'nameEn' | 'aliases' | 'aliasesEn'>;

/** The record handed to Pagefind's `addCustomRecord` (its `CustomRecord` shape). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'ar';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Filter names, also the URL parameter names of the search page. */
export const FACETS = ['year', 'source', 'person', 'place', 'organization'] as const;
export type Facet = (typeof FACETS)[number];

const FACET_OF_KIND: Readonly<Record<EntityKind, Facet>> = { person: 'person', place: 'place', organization: 'organization' };

/**
 * Separates appendix entries: a punctuation word takes a position, so Pagefind's phrase search
 * never joins the end of one name to the start of the next.
 */
const APPENDIX_SEPARATOR = '؛';

/** Sort keys: unknown dates sort last both ways (Pagefind drops pages that lack a sort key). */
const UNKNOWN_NEWEST = '0000-00-00';
const UNKNOWN_OLDEST = '9999-12-31';

/** Every spelling of an entity, Arabic first, then English. */
function spellings(entity: SearchableEntity): string[] {
  return [entity.name, ...entity.aliases, entity.nameEn, ...entity.aliasesEn];
}

/** Each entity's appended words, made once per gazetteer entry rather than once per article that names it. */
const appendedOfEntity = new WeakMap<SearchableEntity, readonly string[]>();

/** The words an article's appendix gets for an entity: each distinct spelling in search form, each after a separator. */
function appendedSpellings(entity: SearchableEntity): readonly string[] {
  let appended = appendedOfEntity.get(entity);
  if (appended === undefined) {
    const words: string[] = [];
    const seenSpellings = new Set<string>();
    for (const spelling of spellings(entity)) {
      const indexed = indexWords(splitWords(spelling));
      const key = indexed.join(' ');
      if (indexed.length === 0 || seenSpellings.has(key)) continue;
      seenSpellings.add(key);
      words.push(APPENDIX_SEPARATOR, ...indexed);
    }
    appended = words;
    appendedOfEntity.set(entity, appended);
  }
  return appended;
}

/**
 * The filter values of one article: its year, its source, and each entity it is annotated with, by
 * the entity's name (an id missing from the gazetteer is still a value, under its id). What the
 * search record carries, and what the search page's build-time counts are made of.
 */
export function searchFilters(article: SearchableArticle, entities: ReadonlyMap<string, Pick<SearchableEntity, 'kind' | 'name'>>): Record<Facet, string[]> {
  const filters: Record<Facet, string[]> = { year: [], source: [], person: [], place: [], organization: [] };
  const seen = new Set<string>();
  const annotated: Array<[EntityKind, readonly string[]]> = [
    ['person', article.people],
    ['place', article.places],
    ['organization', article.organizations],
  ];
  for (const [kind, ids] of annotated) {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const entity = entities.get(id);
      filters[FACET_OF_KIND[entity?.kind ?? kind]].push(entity?.name ?? id);
    }
  }
  if (article.source) filters.source.push(article.source.ar);
  if (article.published) filters.year.push(article.published.slice(0, 4));
  return filters;
}

/**
 * Build the search record of one article. `bodyText` is the visible text of the body; `entities`
 * is the gazetteer by id (an id missing from it is still a filter value, under its id);
 * `formatDate` renders the dateline shown in results.
 */
export function buildSearchRecord(
  article: SearchableArticle,
  bodyText: string,
  entities: ReadonlyMap<string, SearchableEntity>,
  formatDate: (iso: string, precision: SearchableArticle['publishedPrecision']) => string,
): SearchRecord {
  const titleWords = splitWords(article.title);
  const bodyWords = splitWords(bodyText);

  const filters = searchFilters(article, entities);
  const appendix: string[] = [];
  /** [start, end) of each entity's spellings, counted within the appendix. */
  const spans: Array<[number, number]> = [];
  for (const id of new Set([...article.people, ...article.places, ...article.organizations])) {
    const entity = entities.get(id);
    if (!entity) continue;
    const start = appendix.length;
    appendix.push(...appendedSpellings(entity));
    spans.push([start, appendix.length]);
  }
  if (article.source) {
    appendix.push(APPENDIX_SEPARATOR, ...indexWords(splitWords(article.source.ar)));
    appendix.push(APPENDIX_SEPARATOR, ...indexWords(splitWords(article.source.en)));
  }
  const indexed = [...indexWords(titleWords), ...indexWords(bodyWords), ...appendix];
  const appendixStart = titleWords.length + bodyWords.length;
  const appendedSpans = spans.map(([start, end]): [number, number] => [appendixStart + start, appendixStart + end]);
  // Every mention of each entity in the body, as a hit on any of its names would mark it.
  const mentions = mentionsOfEntities(indexed, titleWords.length, appendixStart, appendedSpans, APPENDIX_SEPARATOR);
  const entitySpans = appendedSpans.map(([start, end], i) => ({ start, end, mentions: mentions[i]! }));
  const meta: Record<string, string> = {
    title: article.title,
    slug: article.slug,
    date: article.published ? formatDate(article.published, article.publishedPrecision) : '',
    source: article.source?.ar ?? '',
    // Where the body starts among the indexed words, and the body in its original spelling.
    offset: String(titleWords.length),
    text: bodyWords.join(' '),
    // Where each entity's spellings sit among the indexed words, and where the body mentions it
    // ("start-end:p,p start-end"), so a hit on "Tajikistan" can light up طاجيكستان in the excerpt.
    entities: formatEntitySpans(entitySpans),
  };
  const nonEmptyFilters = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
  return {
    url: `/articles/${article.slug}/`,
    content: indexed.join(' '),
    language: 'ar',
    meta,
    filters: nonEmptyFilters,
    sort: {
      newest: article.published ?? UNKNOWN_NEWEST,
      oldest: article.published ?? UNKNOWN_OLDEST,
    },
  };
}

/** The indexed words of an article from its title, body text and appendix, as `buildSearchRecord` writes them. */
export function rebuildContent(title: string, text: string, appendix: string): string {
  return [...indexWords(splitWords(title)), ...indexWords(splitWords(text)), ...splitWords(appendix)].join(' ');
}

/**
 * The appendix of a record's content (the indexed words after the title and body), when the title
 * and `meta.text` give the rest of the content back exactly (`rebuildContent`); otherwise null.
 * Where it is not null, the content need not be stored beside the text: the browser rebuilds it.
 */
export function separableAppendix(content: string, meta: Readonly<Record<string, string | undefined>>): string | null {
  const words = content.split(' ');
  const bodyStart = Number(meta['offset'] ?? Number.NaN);
  if (!Number.isInteger(bodyStart) || meta['text'] === undefined) return null;
  const appendix = words.slice(bodyStart + splitWords(meta['text']).length).join(' ');
  return rebuildContent(meta['title'] ?? '', meta['text'], appendix) === content ? appendix : null;
}
