import { describe, expect, it } from 'vitest';
import { emptySearchState, isActive, MAX_PAGES, pagefindOptions, parseSearchState, serializeSearchState } from '../../src/search/url-state';

describe('search state in the URL', () => {
  it('reads the query, filters and sort', () => {
    const state = parseSearchState(new URLSearchParams('q=رحمون&year=2025&year=2021&person=إمام علي رحمون&sort=newest'));
    expect(state.q).toBe('رحمون');
    expect(state.filters.year).toEqual(['2021', '2025']);
    expect(state.filters.person).toEqual(['إمام علي رحمون']);
    expect(state.sort).toBe('newest');
  });
  it('ignores unknown sorts and empty values', () => {
    const state = parseSearchState(new URLSearchParams('sort=random&place=&foo=bar'));
    expect(state).toEqual(emptySearchState());
    expect(isActive(state)).toBe(false);
  });
  it('round-trips through the query string', () => {
    const state = parseSearchState(new URLSearchParams('q=CSTO&source=تاس&place=طاجيكستان&sort=oldest'));
    expect(parseSearchState(new URLSearchParams(serializeSearchState(state)))).toEqual(state);
  });
  it('writes nothing for the empty state and a fixed parameter order otherwise', () => {
    expect(serializeSearchState(emptySearchState())).toBe('');
    const state = { ...emptySearchState(), q: 'x', sort: 'newest' as const, filters: { ...emptySearchState().filters, year: ['2021'] } };
    expect(serializeSearchState(state)).toBe('?q=x&year=2021&sort=newest');
  });
  it('keeps how many result pages are shown, within bounds', () => {
    expect(parseSearchState(new URLSearchParams('q=x&page=3')).pages).toBe(3);
    expect(serializeSearchState({ ...emptySearchState(), q: 'x', pages: 3 })).toBe('?q=x&page=3');
    for (const bad of ['0', '-2', '1.5', 'abc', '']) expect(parseSearchState(new URLSearchParams(`q=x&page=${bad}`)).pages, bad).toBe(1);
    expect(parseSearchState(new URLSearchParams('q=x&page=100000')).pages).toBe(MAX_PAGES);
  });
});

describe('pagefindOptions', () => {
  it('matches any chosen year or source but all chosen entities', () => {
    const state = parseSearchState(new URLSearchParams('year=2021&year=2025&person=a&person=b'));
    expect(pagefindOptions(state)).toEqual({ filters: { year: { any: ['2021', '2025'] }, person: ['a', 'b'] } });
  });
  it('sorts by the key that puts undated articles last', () => {
    expect(pagefindOptions(parseSearchState(new URLSearchParams('sort=newest'))).sort).toEqual({ newest: 'desc' });
    expect(pagefindOptions(parseSearchState(new URLSearchParams('sort=oldest'))).sort).toEqual({ oldest: 'asc' });
  });
});
