/**
 * The search page in the browser: reads the state from the URL, keeps the URL in step as the reader
 * types, asks Pagefind (loaded from this site's own /pagefind/) and renders results, filter counts
 * and the result count. All decisions about spelling and ranking live in the pure modules it calls.
 */
import { searchStrings as t } from '../i18n/search';
import { splitLatinRuns } from '../site/latin-runs';
import { buildExcerpt, entityMentions, findPhrase, parseEntitySpans } from './excerpt';
import { normalizeQuery } from './normalize';
import { mergeTiers } from './ranking';
import { APPENDIX_SEPARATOR, FACETS, type Facet } from './record';
import { isActive, pagefindOptions, parseSearchState, serializeSearchState, SORTS, type SearchState, type SortOrder } from './url-state';

/** The part of Pagefind's browser API used here (the offline fallback implements the same). */
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  /** The indexed (search-form) words of the record, space-separated. */
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  /** Add another bundle's pages to every search (Pagefind's multisite search). */
  mergeIndex?(bundlePath: string, options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: Record<string, unknown>): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 180;
/** Filter values listed per facet before the rest are left to the query (selected ones always show). */
const FACET_LIMIT = 30;

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

function required<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The search page lacks #${id}.`);
  return element as T;
}

let pagefindPromise: Promise<PagefindApi> | null = null;

/** Load Pagefind once, from the site's own bundle under the base path. */
function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    const options = { baseUrl: base, excerptLength: 0 };
    await api.options(options);
    await api.init();
    // A sharded build (src/shards/plan.ts) left one bundle per article shard beside `pagefind/`.
    for (const bundle of bundlesToMerge()) await api.mergeIndex?.(`${base}${bundle}`, options);
    // Filter counts come with search results only once the filter index is loaded.
    await api.filters();
    return api;
  })();
  return pagefindPromise;
}

/** The extra search bundles the page names (`data-merge-bundles` on the form), relative to the base. */
function bundlesToMerge(form: HTMLElement | null = document.getElementById('search-form')): string[] {
  const raw = form?.dataset['mergeBundles'];
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && /^pagefind-[a-z0-9-]+\/$/.test(item)) : [];
  } catch {
    return [];
  }
}

/**
 * Start the search page. `load` gives the search engine: Pagefind from the site by default; the
 * offline bundle passes its file:// fallback (src/search/offline-client.ts).
 */
export function startSearchPage(base: string, load: (base: string) => Promise<PagefindApi> = loadPagefind): void {
  const el: Elements = {
    form: required('search-form'),
    input: required('search-q'),
    sort: required('search-sort'),
    facets: required('search-facets'),
    status: required('search-status'),
    results: required('search-results'),
    more: required('search-more'),
  };
  let state: SearchState = parseSearchState(new URLSearchParams(location.search));
  let run = 0;
  let pending: PagefindResult[] = [];
  let terms: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  el.input.value = state.q;
  el.sort.value = state.sort;
  // Filters stay folded on phones (results first) unless the URL already uses them.
  const panel = document.getElementById('search-filters-panel');
  if (panel instanceof HTMLDetailsElement) {
    panel.open = matchMedia('(min-width: 60rem)').matches || state.sort !== 'relevance' || FACETS.some((facet) => state.filters[facet].length > 0);
  }

  const writeUrl = (): void => {
    history.replaceState(history.state, '', `${location.pathname}${serializeSearchState(state)}`);
  };

  /** Render the next page of results; `focusFirst` moves focus to it (after "more" was pressed). */
  const showMore = async (focusFirst = false): Promise<void> => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const thisRun = run;
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data(), terms)));
    if (thisRun !== run) return;
    el.results.append(...items);
    el.more.hidden = pending.length === 0;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  /** `aria-busy` on the result list tells assistive technology (and tests) when a search settles. */
  const settle = (thisRun: number): void => {
    if (thisRun === run) el.results.setAttribute('aria-busy', 'false');
  };

  const update = async (): Promise<void> => {
    const thisRun = ++run;
    el.results.setAttribute('aria-busy', 'true');
    const query = normalizeQuery(state.q);
    terms = query.terms;
    // The live region changes only when a count is known: announcing "searching…" on every
    // keystroke would drown the result.
    if (!isActive(state)) {
      el.results.replaceChildren();
      el.more.hidden = true;
      el.status.textContent = t.prompt;
    }
    let api: PagefindApi;
    try {
      api = await load(base);
    } catch {
      el.status.textContent = t.unavailable;
      settle(thisRun);
      return;
    }
    if (!isActive(state)) {
      const totals = await api.filters();
      if (thisRun === run) renderFacets(el.facets, totals, state);
      settle(thisRun);
      return;
    }
    const options = pagefindOptions(state);
    const anyFilter = Object.keys(options.filters).length > 0;
    if (!query.text && !anyFilter) {
      // Only punctuation typed: nothing to search for, and "everything" would be a wrong answer.
      el.results.replaceChildren();
      el.more.hidden = true;
      el.status.textContent = t.noResults(state.q.trim());
      settle(thisRun);
      return;
    }
    // Whole-phrase matches first: folding makes على and علي one word, so "علي رحمون" must rank the
    // articles that contain the name above those that merely contain both words.
    const [phrase, loose] = await Promise.all([
      query.phrase ? api.search(query.phrase, options) : Promise.resolve(null),
      api.search(query.text || null, options),
    ]);
    if (thisRun !== run) return;
    if (!loose) {
      settle(thisRun);
      return;
    }
    // Render from the loose results: their match positions cover every word, not just one phrase.
    const byId = new Map(loose.results.map((result) => [result.id, result]));
    const results = mergeTiers([phrase?.results ?? [], loose.results], (result) => result.id).map((result) => byId.get(result.id) ?? result);
    renderFacets(el.facets, loose.filters, state);
    el.status.textContent = results.length === 0 ? t.noResults(state.q.trim()) : t.count(results.length, state.q.trim());
    el.results.replaceChildren();
    pending = results;
    await showMore();
    settle(thisRun);
  };

  /** Run a search; a failure inside Pagefind is reported to the reader, never left spinning. */
  const search = (): void => {
    update().catch(() => {
      el.status.textContent = t.unavailable;
      el.results.setAttribute('aria-busy', 'false');
    });
  };

  const changed = (delay: number): void => {
    writeUrl();
    clearTimeout(timer);
    timer = setTimeout(search, delay);
  };

  el.input.addEventListener('input', () => {
    state = { ...state, q: el.input.value };
    changed(TYPING_DELAY_MS);
  });
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: el.input.value };
    changed(0);
  });
  el.sort.addEventListener('change', () => {
    state = { ...state, sort: (SORTS as readonly string[]).includes(el.sort.value) ? (el.sort.value as SortOrder) : 'relevance' };
    changed(0);
  });
  el.facets.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !(FACETS as readonly string[]).includes(box.name)) return;
    const facet = box.name as Facet;
    const values = new Set(state.filters[facet]);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [facet]: [...values].sort() } };
    changed(0);
  });
  el.more.addEventListener('click', () => void showMore(true));
  search();
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
  const indexed = data.content.split(' ');
  const phrase = findPhrase(indexed, terms);
  // A hit on an entity's appended names (Rahmon, رحمن) marks the name where the body mentions it.
  const spans = parseEntitySpans(data.meta['entities'] ?? '');
  const mentions = entityMentions(indexed, offset, offset + words.length, spans, data.locations, APPENDIX_SEPARATOR);
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

/** Facet checkboxes with counts; the focused checkbox keeps focus across re-renders. */
function renderFacets(container: HTMLElement, counts: Record<string, Record<string, number>>, state: SearchState): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && container.contains(active) ? `${active.name}\u0000${active.value}` : null;
  const groups: HTMLElement[] = [];
  for (const facet of FACETS) {
    const values = new Map(Object.entries(counts[facet] ?? {}));
    for (const selected of state.filters[facet]) if (!values.has(selected)) values.set(selected, 0);
    const ordered = [...values.entries()]
      .sort(([a, countA], [b, countB]) => (facet === 'year' ? b.localeCompare(a) : countB - countA || a.localeCompare(b, 'ar')))
      .filter(([value, count], index) => state.filters[facet].includes(value) || (count > 0 && index < FACET_LIMIT));
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
      const number = document.createElement('span');
      number.className = 'search-facet__count';
      number.textContent = `(${count})`;
      label.append(box, ' ', name, ' ', number);
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
