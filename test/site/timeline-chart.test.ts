import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArchiveIndex, type ArticleCard } from '../../src/site/archive';
import { chartLayout, layoutBarChart, monthBars, yearBars } from '../../src/site/timeline-chart';

const card = (slug: string, published: string | null, precision: ArticleCard['precision'] = published ? 'day' : 'unknown'): ArticleCard => ({ slug, title: slug, summary: '', published, precision });

const index = buildArchiveIndex([
  card('a', '2025-01-29'),
  card('b', '2025-01-02'),
  card('c', '2025-03-10'),
  card('d', '2022-06-01'),
  card('y', '2025-01-01', 'year'),
  card('u1', null),
  card('u2', '2024-05-05', 'unknown'),
]);

describe('timeline bars', () => {
  it('give one bar per year from the first to the last, oldest first, an empty year as 0 linking nowhere, and undated apart', () => {
    expect(yearBars(index).map((b) => [b.label, b.count, b.path, b.apart ?? false])).toEqual([
      ['2022', 1, 'timeline/2022/', false],
      ['2023', 0, null, false],
      ['2024', 0, null, false],
      ['2025', 4, 'timeline/2025/', false],
      ['بلا تاريخ', 2, 'timeline/undated/', true],
    ]);
  });

  it('give a year page its twelve months by name, empty ones as 0, and the month-unknown articles apart', () => {
    const year = index.years.find((y) => y.year === '2025')!;
    const bars = monthBars(year);
    expect(bars).toHaveLength(13);
    expect(bars.slice(0, 3).map((b) => [b.label, b.count, b.path])).toEqual([
      ['يناير', 2, 'timeline/2025/01/'],
      ['فبراير', 0, null],
      ['مارس', 1, 'timeline/2025/03/'],
    ]);
    expect(bars[11]!.label).toBe('ديسمبر');
    expect(bars[12]).toMatchObject({ label: 'شهر غير معروف', count: 1, path: 'timeline/2025/00/', apart: true });
  });

  it('leave out the apart row when nothing is undated', () => {
    const bars = yearBars(buildArchiveIndex([card('a', '2020-01-01')]));
    expect(bars.map((b) => b.key)).toEqual(['2020']);
    expect(layoutBarChart(bars).ruleY).toBeNull();
  });
});

describe('bar chart layout', () => {
  it('makes every bar as long as its count, the largest reaching the full span, and ends them at the label column', () => {
    const chart = layoutBarChart([
      { key: 'a', label: 'a', count: 4, path: 'x/' },
      { key: 'b', label: 'b', count: 1, path: 'y/' },
      { key: 'c', label: 'c', count: 0, path: null },
    ]);
    const span = chartLayout.barsEnd - chartLayout.barsStart;
    expect(chart.rows.map((r) => r.width)).toEqual([span, span / 4, 0]);
    for (const row of chart.rows) expect(row.x + row.width).toBeCloseTo(chartLayout.barsEnd, 5);
  });

  it('stacks rows without overlap, leaves a gap before the rows apart, and is as tall as its rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ count: fc.nat(500), apart: fc.boolean() }), { minLength: 1, maxLength: 40 }), (specs) => {
        // Rows apart always come last, as the timeline gives them.
        const sorted = [...specs].sort((a, b) => Number(a.apart) - Number(b.apart));
        const chart = layoutBarChart(sorted.map((s, i) => ({ key: String(i), label: String(i), count: s.count, path: null, apart: s.apart })));
        const max = Math.max(1, ...sorted.map((s) => s.count));
        chart.rows.forEach((row, i) => {
          expect(row.width).toBeCloseTo(((chartLayout.barsEnd - chartLayout.barsStart) * row.count) / max, 1);
          expect(row.x).toBeGreaterThanOrEqual(chartLayout.barsStart - 0.01);
          if (i > 0) expect(row.y - chart.rows[i - 1]!.y).toBeGreaterThanOrEqual(chartLayout.rowHeight);
        });
        expect(chart.height).toBeGreaterThanOrEqual(chart.rows.at(-1)!.y + chartLayout.barHeight);
        const firstApart = chart.rows.findIndex((r) => r.apart === true);
        if (firstApart > 0) expect(chart.ruleY!).toBeGreaterThan(chart.rows[firstApart - 1]!.y + chartLayout.barHeight);
        if (firstApart === -1) expect(chart.ruleY).toBeNull();
      }),
    );
  });
});
