/**
 * Filter counts of the search page, shared by the build and the browser. The build counts every
 * facet value over the whole archive once (`facetTotals`) and writes the values the page can show
 * into it, so the page needs none of Pagefind's filter files until a reader uses a filter; the
 * browser orders and trims counts the same way (`shownFacetValues`).
 */
import { FACETS, type Facet } from './record';

/** Facet → value → number of articles. */
export type FacetCounts = Record<string, Record<string, number>>;

/** Filter values listed per facet before the rest are left to the query (selected ones always show). */
export const FACET_LIMIT = 30;

/**
 * The values of a facet in the order the page lists them — years newest first, the others by count,
 * then name — with their counts: the selected values always (null when `counts` lacks one), the
 * others while they have a count and fall within the first `limit`.
 */
export function shownFacetValues(facet: Facet, counts: Readonly<Record<string, number>>, selected: readonly string[], limit = FACET_LIMIT): Array<[string, number | null]> {
  const values = new Map<string, number | null>(Object.entries(counts));
  for (const value of selected) if (!values.has(value)) values.set(value, null);
  return [...values.entries()]
    .sort(([a, countA], [b, countB]) => (facet === 'year' ? b.localeCompare(a) : (countB ?? 0) - (countA ?? 0) || a.localeCompare(b, 'ar')))
    .filter(([value, count], index) => selected.includes(value) || (count !== null && count > 0 && index < limit));
}

/**
 * Count every facet value over the archive (`filters` holds each article's filter values, as its
 * search record has them) and keep what an empty search page lists: the first `limit` per facet.
 */
export function facetTotals(filters: Iterable<Partial<Record<Facet, readonly string[]>>>, limit = FACET_LIMIT): FacetCounts {
  const all: Record<Facet, Record<string, number>> = { year: {}, source: {}, person: {}, place: {}, organization: {} };
  for (const article of filters) {
    for (const facet of FACETS) for (const value of new Set(article[facet] ?? [])) all[facet][value] = (all[facet][value] ?? 0) + 1;
  }
  return Object.fromEntries(FACETS.map((facet) => [facet, Object.fromEntries(shownFacetValues(facet, all[facet], [], limit).map(([value, count]) => [value, count ?? 0]))]));
}
