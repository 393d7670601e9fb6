import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArchiveIndex, neighbours, paginate, pageRoutes, shelfOf, sidebarFor, unknownMonth, type ArticleCard } from '../../src/site/archive';

const card = (slug: string, published: string | null, precision: ArticleCard['precision'] = published ? 'day' : 'unknown'): ArticleCard => ({
  slug,
  title: slug,
  summary: '',
  published,
  precision,
});

const sample = [
  card('b', '2023-11-16'),
  card('u2', null),
  card('a', '2025-01-29'),
  card('c', '2021-09-15'),
  card('u1', null),
  card('d', '2025-01-02'),
  card('y', '2025-01-01', 'year'),
];

describe('the archive index', () => {
  it('orders articles newest first, undated last by slug', () => {
    expect(buildArchiveIndex(sample).newestFirst.map((a) => a.slug)).toEqual(['a', 'd', 'y', 'b', 'c', 'u1', 'u2']);
  });

  it('groups dated articles by year and month, newest first, with year-only dates in their own group last', () => {
    const { years, undated } = buildArchiveIndex(sample);
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.articles.map((a) => a.slug)])])).toEqual([
      ['2025', 3, [['01', ['a', 'd']], [unknownMonth, ['y']]]],
      ['2023', 1, [['11', ['b']]]],
      ['2021', 1, [['09', ['c']]]],
    ]);
    expect(undated.map((a) => a.slug)).toEqual(['u1', 'u2']);
  });

  it('does not depend on the order articles come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(sample, { minLength: sample.length, maxLength: sample.length }), (shuffled) => {
        expect(buildArchiveIndex(shuffled).newestFirst).toEqual(buildArchiveIndex(sample).newestFirst);
      }),
    );
  });

  it('finds the older and newer neighbour of an article', () => {
    const index = buildArchiveIndex(sample);
    expect(neighbours(index, 'b')).toEqual({ older: expect.objectContaining({ slug: 'c' }), newer: expect.objectContaining({ slug: 'y' }) });
    expect(neighbours(index, 'a').newer).toBeNull();
    expect(neighbours(index, 'u2').older).toBeNull();
    expect(neighbours(index, 'missing')).toEqual({ older: null, newer: null });
  });

  it('puts an article with an unknown date on the undated shelf', () => {
    expect(shelfOf({ published: null, precision: 'unknown' })).toEqual({ kind: 'undated' });
    expect(shelfOf({ published: '2025-03-01', precision: 'month' })).toEqual({ kind: 'month', year: '2025', month: '03' });
  });
});

describe('the sidebar', () => {
  it('lists every year and month but only the current month’s articles', () => {
    const model = sidebarFor(buildArchiveIndex(sample), { kind: 'month', year: '2025', month: '01' }, 'a');
    expect(model.years.map((y) => y.year)).toEqual(['2025', '2023', '2021']);
    expect(model.years[0]?.current).toBe(true);
    expect(model.years[1]?.current).toBe(false);
    expect(model.shelfArticles.map((a) => a.slug)).toEqual(['a', 'd']);
    expect(model.undatedCount).toBe(2);
  });

  it('shows no articles on pages that are not in a month', () => {
    expect(sidebarFor(buildArchiveIndex(sample), null).shelfArticles).toEqual([]);
  });

  it('stays the same size however many articles a month holds', () => {
    const many = Array.from({ length: 5000 }, (_, i) => card(`s${String(i).padStart(5, '0')}`, '2024-05-10'));
    const index = buildArchiveIndex(many);
    const model = sidebarFor(index, { kind: 'month', year: '2024', month: '05' }, 's02500', 30);
    expect(model.shelfArticles).toHaveLength(30);
    expect(model.shelfArticles.map((a) => a.slug)).toContain('s02500');
    expect(model.shelfHidden).toBe(4970);
  });
});

describe('pagination', () => {
  it('splits a list into pages and always has a first page', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 10)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });

  it('gives page 1 no route parameter and later pages their number', () => {
    const routes = pageRoutes(Array.from({ length: 120 }, (_, i) => i), 50);
    expect(routes.map((r) => [r.param, r.page, r.total, r.items.length])).toEqual([
      [undefined, 1, 3, 50],
      ['2', 2, 3, 50],
      ['3', 3, 3, 20],
    ]);
  });
});

describe('the sidebar of a year page', () => {
  it('opens the year without marking a month or listing articles', () => {
    const model = sidebarFor(buildArchiveIndex(sample), { kind: 'year', year: '2023' });
    expect(model.years.find((y) => y.year === '2023')?.current).toBe(true);
    expect(model.years.flatMap((y) => y.months).some((m) => m.current)).toBe(false);
    expect(model.shelfArticles).toEqual([]);
  });
});
