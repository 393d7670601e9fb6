import { describe, expect, it } from 'vitest';
import { FACET_LIMIT, facetTotals, shownFacetValues } from '../../src/search/facets';

describe('the filter counts of the search page', () => {
  it('counts each value once per article over the archive', () => {
    const totals = facetTotals([
      { year: ['2021'], source: ['تاس'], person: ['بوتين', 'بوتين'], place: ['روسيا'] },
      { year: ['2021'], source: ['تاس'], place: ['روسيا', 'طاجيكستان'] },
      { year: ['2019'], organization: ['الأمم المتحدة'] },
    ]);
    expect(totals).toEqual({
      year: { '2021': 2, '2019': 1 },
      source: { تاس: 2 },
      person: { بوتين: 1 },
      place: { روسيا: 2, طاجيكستان: 1 },
      organization: { 'الأمم المتحدة': 1 },
    });
  });

  it('lists years newest first and other values by count, then name, up to the limit', () => {
    expect(shownFacetValues('year', { '2019': 5, '2024': 1, '2021': 3 }, []).map(([v]) => v)).toEqual(['2024', '2021', '2019']);
    expect(shownFacetValues('place', { ب: 1, أ: 1, ج: 4 }, [])).toEqual([['ج', 4], ['أ', 1], ['ب', 1]]);
    const many = Object.fromEntries(Array.from({ length: FACET_LIMIT + 5 }, (_, i) => [`v${String(i).padStart(2, '0')}`, 100 - i]));
    expect(shownFacetValues('person', many, [])).toHaveLength(FACET_LIMIT);
    expect(Object.keys(facetTotals(Object.keys(many).map((value) => ({ person: [value] })))['person']!)).toHaveLength(FACET_LIMIT);
  });

  it('always lists a chosen value, without a count when the archive\'s list lacks it', () => {
    const many = Object.fromEntries(Array.from({ length: FACET_LIMIT + 5 }, (_, i) => [`v${String(i).padStart(2, '0')}`, 100 - i]));
    const shown = shownFacetValues('person', many, ['v34', 'نادر']);
    expect(shown).toContainEqual(['v34', 66]);
    expect(shown).toContainEqual(['نادر', null]);
    expect(shownFacetValues('person', { أ: 0 }, [])).toEqual([]);
  });
});
