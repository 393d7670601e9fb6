/**
 * The search page's engine when the archive is opened from disk (file://), where Pagefind cannot
 * load: the offline index of src/search/offline-index.ts, loaded piece by piece with classic
 * <script> tags, behind the same browser API as Pagefind, so the search page (src/browser/search-page.ts)
 * reads the query, ranks, renders and keeps the URL exactly as it does online. Compiled into one
 * classic script (`offline-search/client.js`) by src/integrations/offline-search.ts.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { searchStrings as t } from '../i18n/search';
import { combineTerms, documentContent, MINISEARCH_OPTIONS, OFFLINE_GLOBAL, shardFileName, shardsFor, type OfflineDocument, type OfflineManifest, type TermHit } from '../search/offline-index';
import { filePath } from '../site/urls';
import { startSearchPage, type PagefindApi, type PagefindData, type PagefindResult, type PagefindSearch } from './search-page';

/** This script's own address: the index lives beside it and the site root one folder up. */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
const indexUrl = new URL('./', scriptUrl);
const siteRoot = new URL('../', scriptUrl);

let manifest: OfflineManifest | null = null;
const shards = new Map<string, Promise<MiniSearch>>();
const shardData = new Map<string, AsPlainObject>();
const documents = new Map<number, OfflineDocument>();
const loading = new Map<string, Promise<void>>();

// The index scripts call these as they run, before their load event fires.
(globalThis as Record<string, unknown>)[OFFLINE_GLOBAL] = {
  manifest(value: OfflineManifest): void {
    manifest = value;
  },
  shard(key: string, value: AsPlainObject): void {
    shardData.set(key, value);
  },
  doc(id: number, value: OfflineDocument): void {
    documents.set(id, value);
  },
};

/** Load one script of the index once (a classic <script> works from file://, fetch does not). */
function loadScript(path: string): Promise<void> {
  let promise = loading.get(path);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(path, indexUrl).href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${script.src} could not be loaded; the offline search index is incomplete.`));
      document.head.append(script);
    });
    loading.set(path, promise);
  }
  return promise;
}

/** The manifest: which shard keys exist. */
async function loadManifest(): Promise<OfflineManifest> {
  await loadScript('manifest.js');
  if (!manifest) throw new Error('offline-search/manifest.js did not register a manifest.');
  return manifest;
}

/** One shard as a MiniSearch index, made once even when two words of a query need it at the same time. */
function loadShard(key: string): Promise<MiniSearch> {
  let promise = shards.get(key);
  if (!promise) {
    promise = loadScript(`shards/${shardFileName(key)}`).then(() => {
      const data = shardData.get(key);
      if (!data) throw new Error(`offline-search/shards/${shardFileName(key)} did not register its shard.`);
      shardData.delete(key);
      return MiniSearch.loadJS(data, MINISEARCH_OPTIONS);
    });
    shards.set(key, promise);
  }
  return promise;
}

/** One article's document. */
async function loadDocument(id: number): Promise<OfflineDocument> {
  await loadScript(`docs/${id}.js`);
  const document = documents.get(id);
  if (!document) throw new Error(`offline-search/docs/${id}.js did not register its article.`);
  return document;
}

/** Scores and matched index words per article for one term, over its shards. */
async function searchTerm(term: string, current: OfflineManifest, keySet: ReadonlySet<string>): Promise<Map<number, TermHit>> {
  const hits = new Map<number, TermHit>();
  for (const index of await Promise.all(shardsFor(term, current.keys, keySet).map(loadShard))) {
    for (const result of index.search(term, { prefix: true })) {
      const id = Number(result.id);
      const hit = hits.get(id) ?? { score: 0, words: new Set<string>() };
      hit.score += result.score;
      for (const word of result.terms) hit.words.add(word);
      hits.set(id, hit);
    }
  }
  return hits;
}

/** What the search page renders from: Pagefind's result data, made from the article's document. */
function resultData(document: OfflineDocument, words: ReadonlySet<string>): PagefindData {
  const content = documentContent(document);
  const locations: number[] = [];
  content.split(' ').forEach((word, position) => {
    if (words.has(word)) locations.push(position);
  });
  return { url: new URL(filePath(document.path), siteRoot).href, content, meta: document.meta, locations };
}

/** The offline engine, shaped like Pagefind's API. Filters and sorting need Pagefind (a server). */
const offlineApi: PagefindApi = {
  async options() {},
  async init() {
    await loadManifest();
  },
  async search(text: string | null): Promise<PagefindSearch | null> {
    // A quoted phrase is Pagefind's phrase tier; here every result comes from the word search.
    if (text === null || text.startsWith('"')) return null;
    // The search page already sends the query in search spelling (normalizeQuery → searchForm).
    const terms = text.split(' ').filter(Boolean);
    const current = await loadManifest();
    const keySet = new Set(current.keys);
    const perTerm = await Promise.all(terms.map((term) => searchTerm(term, current, keySet)));
    const ranked = combineTerms(perTerm);
    const results: PagefindResult[] = ranked.map(({ id, words }) => ({
      id: String(id),
      data: async () => resultData(await loadDocument(id), words),
    }));
    return { results };
  },
};

/** Opened from disk: say so, fold away the filters (they need Pagefind) and start the page on the offline index. */
function startOffline(): void {
  const filters = document.querySelector<HTMLElement>('.search-filters');
  if (filters) filters.hidden = true;
  const note = document.createElement('p');
  note.className = 'search-offline-note';
  note.textContent = t.offlineNote;
  document.getElementById('search-form')?.after(note);
  startSearchPage('', async () => {
    await offlineApi.init();
    return offlineApi;
  });
}

// Served over HTTP the page's own module script runs Pagefind; this script only takes over from disk.
if (location.protocol === 'file:') startOffline();
