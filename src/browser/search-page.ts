/**
 * The search page in the browser: reads the state from the URL, keeps the URL in step as the reader
 * types, asks Pagefind (loaded from this site's own /pagefind/) and renders results, filter counts
 * and the result count. All decisions about spelling and ranking live in the pure modules it calls
 * (src/search/). Filter counts are the archive's, counted at build time and written into the page
 * (src/search/facets.ts): Pagefind fetches a filter's index only once a reader uses that filter, and
 * a search fetches no more than its words' index chunks and its results' fragments.
 */
import { searchStrings as t } from '../i18n/search';
import { splitLatinRuns } from '../site/latin-runs';
import { buildExcerpt, findPhrase, hitMentions, parseEntitySpans } from '../search/excerpt';
import { shownFacetValues, type FacetCounts } from '../search/facets';
import { normalizeQuery, type NormalizedQuery } from '../search/normalize';
import { mergeTiers } from '../search/ranking';
import { FACETS, rebuildContent, type Facet } from '../search/record';
import { isActive, pagefindOptions, RESULTS_PER_PAGE, parseSearchState, serializeSearchState, SORTS, type SearchState, type SortOrder } from '../search/url-state';

/** The part of Pagefind's browser API used here (the offline fallback implements the same). */
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  /**
   * The indexed (search-form) words of the record, space-separated; empty where the build left
   * them out of the fragment (src/integrations/pagefind.ts) because the title and text rebuild them.
   */
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
export interface PagefindSearch {
  results: PagefindResult[];
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  /** Add another bundle's pages to every search (Pagefind's multisite search). */
  mergeIndex?(bundlePath: string, options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: Record<string, unknown>): Promise<PagefindSearch | null>;
}

const TYPING_DELAY_MS = 180;

/** The page's elements, found by id. */
interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  facets: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

/** One search page: its elements, the state the URL mirrors, and the search under way. */
interface SearchPage {
  el: Elements;
  base: string;
  load: (base: string) => Promise<PagefindApi>;
  /** The archive's filter counts, from the page (see src/pages/search/index.astro). */
  totals: FacetCounts;
  state: SearchState;
  /** Number of the latest search; an older one that finishes late renders nothing. */
  run: number;
  /** Results per page (`data-page-size` on the result list). */
  pageSize: number;
  /** Results not rendered yet ("more" renders the next page of them). */
  pending: PagefindResult[];
  /** How many results the search found, and how many are shown. */
  total: number;
  shown: number;
  /** A page of results is being fetched: "more" waits for it, so pages never interleave. */
  loading: boolean;
  /** The query's words in search spelling, for the excerpts. */
  terms: string[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

function required<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The search page lacks #${id}.`);
  return element as T;
}

function findElements(): Elements {
  return {
    form: required('search-form'),
    input: required('search-q'),
    sort: required('search-sort'),
    facets: required('search-facets'),
    status: required('search-status'),
    results: required('search-results'),
    more: required('search-more'),
  };
}

let pagefindPromise: Promise<PagefindApi> | null = null;

/**
 * Load Pagefind once, from the site's own bundle under the base path. No `filters()` call: it would
 * fetch every filter file for counts the page already has; `search()` fetches the ones a search uses.
 */
function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    const options = { baseUrl: base, excerptLength: 0 };
    await api.options(options);
    await api.init();
    // A sharded build (src/shards/plan.ts) left one bundle per article shard beside `pagefind/`.
    for (const bundle of bundlesToMerge()) await api.mergeIndex?.(`${base}${bundle}`, options);
    return api;
  })();
  return pagefindPromise;
}

/** The extra search bundles the page names (`data-merge-bundles` on the form), relative to the base. */
export function bundlesToMerge(form: HTMLElement | null = document.getElementById('search-form')): string[] {
  const raw = form?.dataset['mergeBundles'];
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && /^pagefind-[a-z0-9-]+\/$/.test(item)) : [];
  } catch {
    return [];
  }
}

/** The archive's filter counts the build wrote into the page (`#search-facet-totals`); none if absent or unreadable. */
export function readFacetTotals(script: HTMLElement | null = document.getElementById('search-facet-totals')): FacetCounts {
  try {
    const parsed: unknown = JSON.parse(script?.textContent ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const totals: FacetCounts = {};
    for (const facet of FACETS) {
      const counts: unknown = (parsed as Record<string, unknown>)[facet];
      if (typeof counts !== 'object' || counts === null) continue;
      totals[facet] = Object.fromEntries(Object.entries(counts).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
    }
    return totals;
  } catch {
    return {};
  }
}

/** Put the URL's state into the form; filters stay folded on phones (results first) unless the URL uses them. */
function showState(page: SearchPage): void {
  const { el, state } = page;
  el.input.value = state.q;
  el.sort.value = state.sort;
  const panel = document.getElementById('search-filters-panel');
  if (panel instanceof HTMLDetailsElement) {
    panel.open = matchMedia('(min-width: 60rem)').matches || state.sort !== 'relevance' || FACETS.some((facet) => state.filters[facet].length > 0);
  }
}

function writeUrl(state: SearchState): void {
  history.replaceState(history.state, '', `${location.pathname}${serializeSearchState(state)}`);
}

/** The live region's text for a search with results: the count, and how many are shown while some wait. */
function countMessage(page: SearchPage): string {
  const count = t.count(page.total, page.state.q.trim());
  return page.shown < page.total ? `${count}. ${t.shown(page.shown, page.total)}` : count;
}

/**
 * Render the next `count` results (each fetches its fragment only now); `focusFirst` moves focus
 * to the first of them (after "more" was pressed), and the live region says how many are shown.
 */
async function showMore(page: SearchPage, count: number, focusFirst = false): Promise<void> {
  const batch = page.pending.slice(0, count);
  page.pending = page.pending.slice(count);
  const thisRun = page.run;
  page.loading = true;
  try {
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data(), page.terms)));
    if (thisRun !== page.run) return;
    page.el.results.append(...items);
    page.shown += items.length;
    page.el.more.hidden = page.pending.length === 0;
    page.el.status.textContent = countMessage(page);
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  } finally {
    if (thisRun === page.run) page.loading = false;
  }
}

/** "More" pressed: one page more, kept in the URL so a reload or a shared link shows as many. */
async function loadNextPage(page: SearchPage): Promise<void> {
  if (page.loading || page.pending.length === 0) return;
  const thisRun = page.run;
  page.el.results.setAttribute('aria-busy', 'true');
  page.state = { ...page.state, pages: Math.min(page.state.pages + 1, Math.ceil(page.total / page.pageSize)) };
  writeUrl(page.state);
  await showMore(page, page.pageSize, true);
  settle(page, thisRun);
}

/** `aria-busy` on the result list tells assistive technology (and tests) when a search settles. */
function settle(page: SearchPage, thisRun: number): void {
  if (thisRun === page.run) page.el.results.setAttribute('aria-busy', 'false');
}

/** Empty the result list, with `message` in the live region. */
function clearResults(page: SearchPage, message: string): void {
  page.pending = [];
  page.total = 0;
  page.shown = 0;
  page.el.results.replaceChildren();
  page.el.more.hidden = true;
  page.el.status.textContent = message;
}

/**
 * Whole-phrase matches first: folding makes على and علي one word, so "علي رحمون" must rank the
 * articles that contain the name above those that merely contain both words. Rendered from the loose
 * results: their match positions cover every word, not just one phrase.
 */
async function rankedSearch(api: PagefindApi, query: NormalizedQuery, options: Record<string, unknown>): Promise<PagefindResult[] | null> {
  const [phrase, loose] = await Promise.all([query.phrase ? api.search(query.phrase, options) : Promise.resolve(null), api.search(query.text || null, options)]);
  if (!loose) return null;
  const byId = new Map(loose.results.map((result) => [result.id, result]));
  return mergeTiers([phrase?.results ?? [], loose.results], (result) => result.id).map((result) => byId.get(result.id) ?? result);
}

/** Run the search the state asks for and render it; the live region changes only once a count is known. */
async function update(page: SearchPage): Promise<void> {
  const { el } = page;
  const thisRun = ++page.run;
  page.loading = false;
  el.results.setAttribute('aria-busy', 'true');
  const query = normalizeQuery(page.state.q);
  page.terms = query.terms;
  if (!isActive(page.state)) {
    // Nothing asked: the prompt and the archive's counts need no Pagefind. It loads meanwhile (its
    // runtime, no index), as a reader on an empty search page is about to type.
    clearResults(page, t.prompt);
    renderFacets(el.facets, page.totals, page.state);
    settle(page, thisRun);
    page.load(page.base).catch(() => undefined);
    return;
  }
  const options = pagefindOptions(page.state);
  if (!query.text && Object.keys(options.filters).length === 0) {
    // Only punctuation typed: nothing to search for, and "everything" would be a wrong answer.
    clearResults(page, t.noResults(page.state.q.trim()));
    settle(page, thisRun);
    return;
  }
  let api: PagefindApi;
  try {
    api = await page.load(page.base);
  } catch {
    el.status.textContent = t.unavailable;
    settle(page, thisRun);
    return;
  }
  const results = await rankedSearch(api, query, options);
  if (thisRun !== page.run) return;
  if (!results) {
    settle(page, thisRun);
    return;
  }
  renderFacets(el.facets, page.totals, page.state);
  el.results.replaceChildren();
  page.pending = results;
  page.total = results.length;
  page.shown = 0;
  if (results.length === 0) {
    el.more.hidden = true;
    el.status.textContent = t.noResults(page.state.q.trim());
  } else await showMore(page, page.pageSize * page.state.pages);
  settle(page, thisRun);
}

/** Run a search; a failure inside Pagefind is reported to the reader, never left spinning. */
function search(page: SearchPage): void {
  update(page).catch(() => {
    page.el.status.textContent = t.unavailable;
    page.el.results.setAttribute('aria-busy', 'false');
  });
}

/** The state changed: write it to the URL and search after `delay` (typing waits for a pause). */
function changed(page: SearchPage, state: SearchState, delay: number): void {
  // Another query, filter or order starts again from the first page.
  page.state = { ...state, pages: 1 };
  // The results shown no longer answer the state in the URL: busy until the new search settles.
  page.el.results.setAttribute('aria-busy', 'true');
  writeUrl(page.state);
  clearTimeout(page.timer);
  page.timer = setTimeout(() => search(page), delay);
}

/** The state a checkbox change leaves: its value added to or taken from its facet. */
function toggledFilter(state: SearchState, box: HTMLInputElement): SearchState | null {
  if (!(FACETS as readonly string[]).includes(box.name)) return null;
  const facet = box.name as Facet;
  const values = new Set(state.filters[facet]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  return { ...state, filters: { ...state.filters, [facet]: [...values].sort() } };
}

function listen(page: SearchPage): void {
  const { el } = page;
  el.input.addEventListener('input', () => changed(page, { ...page.state, q: el.input.value }, TYPING_DELAY_MS));
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed(page, { ...page.state, q: el.input.value }, 0);
  });
  el.sort.addEventListener('change', () => {
    const sort = (SORTS as readonly string[]).includes(el.sort.value) ? (el.sort.value as SortOrder) : 'relevance';
    changed(page, { ...page.state, sort }, 0);
  });
  el.facets.addEventListener('change', (event) => {
    const next = event.target instanceof HTMLInputElement ? toggledFilter(page.state, event.target) : null;
    if (next) changed(page, next, 0);
  });
  el.more.addEventListener('click', () => {
    loadNextPage(page).catch(() => {
      page.el.status.textContent = t.unavailable;
      page.el.results.setAttribute('aria-busy', 'false');
    });
  });
}

/**
 * Start the search page. `load` gives the search engine: Pagefind from the site by default; the
 * offline bundle passes its file:// fallback (src/browser/offline-search.ts).
 */
export function startSearchPage(base: string, load: (base: string) => Promise<PagefindApi> = loadPagefind): void {
  const page: SearchPage = {
    el: findElements(),
    base,
    load,
    totals: readFacetTotals(),
    state: parseSearchState(new URLSearchParams(location.search)),
    run: 0,
    pageSize: Math.max(1, Math.floor(Number(document.getElementById('search-results')?.dataset['pageSize'])) || RESULTS_PER_PAGE),
    pending: [],
    total: 0,
    shown: 0,
    loading: false,
    terms: [],
    timer: undefined,
  };
  showState(page);
  listen(page);
  search(page);
}

/** Text as nodes, each Latin run in <bdi> as on the article pages, so "(CSTO)" never reorders a line. */
function isolated(text: string): Array<string | HTMLElement> {
  return splitLatinRuns(text).map((piece) => {
    if (!piece.latin) return piece.text;
    const bdi = document.createElement('bdi');
    bdi.textContent = piece.text;
    return bdi;
  });
}

/** One result: a link with the title, the dateline and source, and an excerpt in the original spelling. */
function renderResult(data: PagefindData, terms: readonly string[]): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  link.append(...isolated(data.meta['title'] ?? data.url));
  heading.append(link);

  const dateline = document.createElement('p');
  dateline.className = 'search-result__meta';
  const date = document.createElement('span');
  date.textContent = data.meta['date'] || t.dateUnknown;
  dateline.append(date);
  if (data.meta['source']) {
    const source = document.createElement('span');
    source.append(...isolated(data.meta['source']));
    dateline.append(' · ', source);
  }

  const words = (data.meta['text'] ?? '').split(' ').filter(Boolean);
  const offset = Number(data.meta['offset'] ?? 0);
  const shift = (positions: readonly number[]): number[] => positions.map((position) => position - offset);
  // The fragment's words in search spelling, or (as the build stores them) the title's and body's
  // rebuilt from the original words by the function that made them (src/search/record.ts).
  const indexed = (data.content || rebuildContent(data.meta['title'] ?? '', data.meta['text'] ?? '', '')).split(' ');
  const phrase = findPhrase(indexed, terms);
  // A hit on an entity's appended names (Rahmon, رحمن) marks the name where the body mentions it.
  const mentions = hitMentions(parseEntitySpans(data.meta['entities'] ?? ''), data.locations);
  const excerpt = buildExcerpt(words, shift([...data.locations, ...mentions]), 32, shift([...phrase, ...mentions]));
  const paragraph = document.createElement('p');
  paragraph.className = 'search-result__excerpt';
  if (excerpt.cutBefore) paragraph.append('… ');
  for (const part of excerpt.parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.append(...isolated(part.text));
      paragraph.append(mark);
    } else paragraph.append(...isolated(part.text));
  }
  if (excerpt.cutAfter) paragraph.append(' …');
  item.append(heading, dateline, paragraph);
  return item;
}

/** Facet checkboxes with the archive's counts; the focused checkbox keeps focus across re-renders. */
function renderFacets(container: HTMLElement, counts: Record<string, Record<string, number>>, state: SearchState): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && container.contains(active) ? `${active.name}\u0000${active.value}` : null;
  const groups: HTMLElement[] = [];
  for (const facet of FACETS) {
    const ordered = shownFacetValues(facet, counts[facet] ?? {}, state.filters[facet]);
    if (ordered.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search-facet';
    const legend = document.createElement('legend');
    legend.textContent = t.facet[facet];
    fieldset.append(legend);
    const list = document.createElement('ul');
    for (const [value, count] of ordered) {
      const row = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = facet;
      box.value = value;
      box.checked = state.filters[facet].includes(value);
      const name = document.createElement('bdi');
      name.textContent = value;
      label.append(box, ' ', name);
      if (count !== null) {
        const number = document.createElement('span');
        number.className = 'search-facet__count';
        number.textContent = `(${count})`;
        label.append(' ', number);
      }
      row.append(label);
      list.append(row);
    }
    fieldset.append(list);
    groups.push(fieldset);
  }
  container.replaceChildren(...groups);
  if (focused) {
    const [name, value] = focused.split('\u0000');
    for (const box of container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      if (box.name === name && box.value === value) box.focus();
    }
  }
}
