/**
 * The search index of the offline bundle, for pages opened from disk (file://), where Pagefind cannot
 * load. Built from the same records as Pagefind's (`buildSearchRecord`: search spelling, entity
 * aliases appended), split so a query loads only what it needs, and written as classic scripts that
 * call a global registration function (fetch, XHR and ES modules all fail on file://):
 *
 * - `manifest.js` — the shard keys (term prefixes) and the number of articles;
 * - `shards/<key>.js` — a MiniSearch index of the terms that start with that key, one per shard,
 *   its shards sized by splitting any prefix whose postings are too many on its next letter;
 * - `docs/<n>.js` — one article's URL, indexed words and display fields, loaded per shown result.
 */
import MiniSearch, { type Options } from 'minisearch';
import { rebuildContent, separableAppendix, type SearchRecord } from './record';

/** The global that every offline index script calls. */
export const OFFLINE_GLOBAL = 'arshifOffline';

/** Folder of the offline index below the site root. */
export const OFFLINE_DIR = 'offline-search';

/** Roughly how many postings (article × term) a shard may hold before its prefix is split further. */
const SHARD_POSTINGS = 6000;

/** MiniSearch options shared by the index builder and the browser: words arrive in search spelling already. */
export const MINISEARCH_OPTIONS: Options = {
  fields: ['w'],
  tokenize: (text: string): string[] => text.split(' ').filter(Boolean),
  processTerm: (term: string): string => term,
};

/** What the manifest script registers. */
export interface OfflineManifest {
  /** Number of articles (documents are numbered 0 … articles − 1). */
  articles: number;
  /** Every shard key, sorted by code unit. */
  keys: string[];
}

/**
 * What a document script registers: what the search page needs to show one result. The indexed
 * words are not stored twice: the browser rebuilds them from the title and text (`rebuildContent`)
 * plus the entity appendix; only where that would not give the record's words exactly is `content` stored.
 */
export interface OfflineDocument {
  /** Site path of the article ("articles/x/"). */
  path: string;
  meta: Record<string, string>;
  /** The indexed words after the title and body (entity and source spellings), space-separated. */
  appendix?: string;
  /** The indexed words (search spelling), space-separated, as Pagefind's `content`, when they cannot be rebuilt. */
  content?: string;
}

/** The indexed words of a document, stored or rebuilt. */
export function documentContent(document: OfflineDocument): string {
  return document.content ?? rebuildContent(document.meta['title'] ?? '', document.meta['text'] ?? '', document.appendix ?? '');
}

/** The document of a record, storing its words only when rebuilding them would not give them back exactly. */
export function offlineDocument(record: SearchRecord): OfflineDocument {
  const path = record.url.replace(/^\/+/, '');
  const appendix = separableAppendix(record.content, record.meta);
  return appendix === null ? { path, meta: record.meta, content: record.content } : { path, meta: record.meta, appendix };
}

/** A file of the offline index: its path below the site and its text. */
export interface OfflineFile {
  path: string;
  text: string;
}

/** File-name-safe form of a shard key: its code points in hex ("" → "_"). */
export function shardFileName(key: string): string {
  if (key === '') return '_.js';
  return `${[...key].map((char) => char.codePointAt(0)!.toString(16)).join('-')}.js`;
}

/** The shard holding `term`: the longest key that is a prefix of it, or null. `keys` sorted or not. */
export function shardOf(term: string, keys: ReadonlySet<string>): string | null {
  for (let length = term.length; length >= 0; length -= 1) {
    const prefix = term.slice(0, length);
    if (keys.has(prefix)) return prefix;
  }
  return null;
}

/** More shards than this for one short word (say «ال»), and it is matched in its own shard only. */
const MAX_PREFIX_SHARDS = 12;

/** The shards a query term needs: the one holding it, and those holding longer words that start with it (prefix search). */
export function shardsFor(term: string, keys: readonly string[], keySet: ReadonlySet<string>): string[] {
  const own = shardOf(term, keySet);
  const longer = keys.filter((key) => key.length > term.length && key.startsWith(term));
  if (longer.length > MAX_PREFIX_SHARDS) return own === null ? [] : [own];
  return own === null ? longer : [own, ...longer.filter((key) => key !== own)];
}

/** One term's hit in one article: its score and the indexed words it matched (for marking the excerpt). */
export interface TermHit {
  score: number;
  words: Set<string>;
}

/**
 * The articles that match every term (as Pagefind does), best first: scores summed over the terms,
 * ties in document order so the result list never depends on timing.
 */
export function combineTerms(perTerm: ReadonlyArray<ReadonlyMap<number, TermHit>>): Array<{ id: number } & TermHit> {
  const [first, ...rest] = perTerm;
  const ranked: Array<{ id: number } & TermHit> = [];
  for (const [id, hit] of first ?? new Map<number, TermHit>()) {
    if (!rest.every((hits) => hits.has(id))) continue;
    const words = new Set(hit.words);
    let score = hit.score;
    for (const hits of rest) {
      const other = hits.get(id)!;
      score += other.score;
      for (const word of other.words) words.add(word);
    }
    ranked.push({ id, score, words });
  }
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * Split terms into shards by prefix: a prefix whose terms hold more than `limit` postings is split on
 * its next letter (terms that end at the prefix stay in its own shard). Returns key → terms.
 */
export function partitionTerms(postings: ReadonlyMap<string, number>, limit = SHARD_POSTINGS): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  const split = (key: string, terms: string[]): void => {
    const size = terms.reduce((sum, term) => sum + postings.get(term)!, 0);
    if (size <= limit || terms.every((term) => term.length <= key.length)) {
      shards.set(key, terms);
      return;
    }
    const own: string[] = [];
    const children = new Map<string, string[]>();
    for (const term of terms) {
      if (term.length <= key.length) own.push(term);
      else {
        const child = term.slice(0, key.length + 1);
        const list = children.get(child);
        if (list) list.push(term);
        else children.set(child, [term]);
      }
    }
    if (own.length > 0) shards.set(key, own);
    for (const [child, list] of children) split(child, list);
  };
  split('', [...postings.keys()].sort());
  return shards;
}

/** A classic script that registers `value` with the global: `arshifOffline.kind(args…)`. */
function registration(kind: string, ...args: unknown[]): string {
  // JSON is valid JavaScript; U+2028/9 are escaped so old parsers never see a line break in a string.
  const json = args.map((arg) => JSON.stringify(arg).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
  return `${OFFLINE_GLOBAL}.${kind}(${json.join(',')});\n`;
}

/** Every file of the offline index for these records (in their order: document n is records[n]). */
export function buildOfflineIndex(records: readonly SearchRecord[]): OfflineFile[] {
  const words = records.map((record) => record.content.split(' ').filter(Boolean));
  const postings = new Map<string, number>();
  for (const list of words) for (const term of new Set(list)) postings.set(term, (postings.get(term) ?? 0) + 1);
  const shards = partitionTerms(postings);
  const keys = [...shards.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keySet = new Set(keys);

  // Each article's words, grouped by the shard they belong to (repeated words kept: term frequency counts).
  const byShard = new Map<string, Map<number, string[]>>(keys.map((key) => [key, new Map()]));
  words.forEach((list, id) => {
    for (const term of list) {
      const docs = byShard.get(shardOf(term, keySet)!)!;
      const mine = docs.get(id);
      if (mine) mine.push(term);
      else docs.set(id, [term]);
    }
  });

  const files: OfflineFile[] = [{ path: `${OFFLINE_DIR}/manifest.js`, text: registration('manifest', { articles: records.length, keys } satisfies OfflineManifest) }];
  for (const key of keys) {
    const index = new MiniSearch<{ id: number; w: string }>(MINISEARCH_OPTIONS);
    const docs = byShard.get(key)!;
    index.addAll([...docs].sort(([a], [b]) => a - b).map(([id, list]) => ({ id, w: list.join(' ') })));
    files.push({ path: `${OFFLINE_DIR}/shards/${shardFileName(key)}`, text: registration('shard', key, index.toJSON()) });
  }
  records.forEach((record, id) => {
    files.push({ path: `${OFFLINE_DIR}/docs/${id}.js`, text: registration('doc', id, offlineDocument(record)) });
  });
  return files;
}
