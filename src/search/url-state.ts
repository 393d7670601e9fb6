/**
 * The search page's state as it lives in the URL (`?q=…&year=…&person=…&sort=newest`), so a
 * search can be bookmarked, shared and opened directly; and the Pagefind options it implies.
 */
import { FACETS, type Facet } from './record';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/** Everything that decides which results a search shows. */
export interface SearchState {
  q: string;
  sort: SortOrder;
  filters: Record<Facet, string[]>;
  /** Pages of results shown: 1, and one more each time the reader asks for more (`page=` in the URL). */
  pages: number;
}

/**
 * Results on a page of results: as many as Pagefind's own UI shows at first. Each costs a fragment
 * fetch, so a first search loads five and "more" loads the next five.
 */
export const RESULTS_PER_PAGE = 5;

/** Most result pages a URL can ask for at once (a link cannot make the page fetch the whole archive). */
export const MAX_PAGES = 20;

/** Facets an article has exactly one value of: choosing several means "any of them". */
const SINGLE_VALUED: ReadonlySet<Facet> = new Set(['year', 'source']);

/** A state with no query, no filters and relevance order. */
export function emptySearchState(): SearchState {
  return { q: '', sort: 'relevance', filters: { year: [], source: [], person: [], place: [], organization: [] }, pages: 1 };
}

/** Read the state from a URL's query string; unknown parameters and values are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const state = emptySearchState();
  state.q = (params.get('q') ?? '').slice(0, 500);
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : 'relevance';
  for (const facet of FACETS) {
    state.filters[facet] = [...new Set(params.getAll(facet).filter((value) => value.length > 0))].sort();
  }
  const pages = Number(params.get('page'));
  if (Number.isInteger(pages) && pages > 1) state.pages = Math.min(pages, MAX_PAGES);
  return state;
}

/** Write the state as a query string ('' for the empty state); parameters in a fixed order. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const facet of FACETS) for (const value of [...state.filters[facet]].sort()) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.pages > 1) params.set('page', String(state.pages));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Pagefind `filters` value: `{any: […]}` for single-valued facets, all-of for entity facets. */
export type PagefindFilters = Record<string, string[] | { any: string[] }>;

/** The `filters` and `sort` options Pagefind's `search()` takes for this state. */
export function pagefindOptions(state: SearchState): { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: PagefindFilters = {};
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values.length === 0) continue;
    filters[facet] = SINGLE_VALUED.has(facet) ? { any: [...values] } : [...values];
  }
  if (state.sort === 'newest') return { filters, sort: { newest: 'desc' } };
  if (state.sort === 'oldest') return { filters, sort: { oldest: 'asc' } };
  return { filters };
}

/** True when the state asks for anything (a query or at least one filter). */
export function isActive(state: SearchState): boolean {
  return state.q.trim().length > 0 || FACETS.some((facet) => state.filters[facet].length > 0);
}
