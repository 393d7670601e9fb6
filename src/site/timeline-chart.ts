/**
 * The geometry of the timeline's bar charts: one row per year (or month), in time order, each bar
 * as long as its article count. Rows are horizontal so the labels are whole Arabic words at any
 * width: x positions are percentages of the chart's width (the SVG has no viewBox, so text keeps
 * its size on a phone), y positions are pixels. Right to left: labels sit at the right edge and
 * bars grow leftwards from the label column.
 */
import { GREGORIAN_MONTHS } from '../arabic/months';
import { ar } from '../i18n/ar';
import { unknownMonth, type ArchiveIndex, type YearGroup } from './archive';
import { monthPath, undatedPath, yearPath } from './urls';

/** One bar to draw: what it stands for, how many articles, and the page it links to (null: no page). */
export interface BarInput {
  key: string;
  label: string;
  count: number;
  /** Site path of the page listing these articles, or null when there is none (a count of 0). */
  path: string | null;
  /** Drawn after a gap, below a rule: articles that cannot be placed in time (undated, month unknown). */
  apart?: boolean;
}

/** A bar placed on the chart. Percentages are of the chart's width, measured from its left edge. */
interface BarRow extends BarInput {
  /** Top of the row's bar, in pixels. */
  y: number;
  /** Baseline of the row's texts, in pixels. */
  textY: number;
  /** Left edge and width of the bar, in percent (0 width for a count of 0). */
  x: number;
  width: number;
}

/** A whole chart: its rows, its height in pixels and where the rule before the rows apart is. */
export interface BarChart {
  rows: BarRow[];
  height: number;
  /** y of the dashed rule between timed rows and rows apart, or null when there are none apart. */
  ruleY: number | null;
  /** Right edge of the bars (the label column starts right of it), in percent. */
  barsEnd: number;
  /** Largest count, which the longest bar stands for. */
  max: number;
}

/** Layout constants, in pixels and percent of the width; exported for the component and the tests. */
export const chartLayout = {
  rowHeight: 28,
  barHeight: 18,
  top: 6,
  gapApart: 14,
  /** The label column is the right `100 - barsEnd` percent. */
  barsEnd: 70,
  /** Bars stop short of the left edge to leave room for the count written beyond their end. */
  barsStart: 9,
} as const;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Place rows in the order given; the longest bar stands for the largest count. */
export function layoutBarChart(bars: readonly BarInput[]): BarChart {
  const { rowHeight, barHeight, top, gapApart, barsEnd, barsStart } = chartLayout;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const span = barsEnd - barsStart;
  let y = top;
  let ruleY: number | null = null;
  let seenApart = false;
  const rows: BarRow[] = bars.map((bar) => {
    if (bar.apart === true && !seenApart) {
      seenApart = true;
      ruleY = y + gapApart / 2 - 2;
      y += gapApart;
    }
    const width = round((span * bar.count) / max);
    const row: BarRow = { ...bar, y, textY: y + barHeight / 2 + 5, x: round(barsEnd - width), width };
    y += rowHeight;
    return row;
  });
  return { rows, height: y - rowHeight + barHeight + top, ruleY, barsEnd, max };
}

/**
 * The timeline's bars: one per year from the first to the last (a year without articles shows as
 * 0 and links nowhere), oldest first, then the undated articles apart.
 */
export function yearBars(index: ArchiveIndex): BarInput[] {
  const byYear = new Map(index.years.map((y) => [Number(y.year), y]));
  const years = [...byYear.keys()];
  const bars: BarInput[] = [];
  if (years.length > 0) {
    for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
      const group = byYear.get(year);
      const label = String(group?.year ?? year);
      bars.push({ key: label, label, count: group?.count ?? 0, path: group ? yearPath(group.year) : null });
    }
  }
  if (index.undated.length > 0) bars.push({ key: 'undated', label: ar.chartUndated, count: index.undated.length, path: undatedPath(), apart: true });
  return bars;
}

/** A year page's bars: the twelve months in order (empty ones as 0), then "month unknown" apart. */
export function monthBars(year: YearGroup): BarInput[] {
  const byMonth = new Map(year.months.map((m) => [m.month, m]));
  const bars: BarInput[] = GREGORIAN_MONTHS.map((name, i) => {
    const month = String(i + 1).padStart(2, '0');
    const group = byMonth.get(month);
    return { key: month, label: name, count: group?.articles.length ?? 0, path: group ? monthPath(year.year, month) : null };
  });
  const unknown = byMonth.get(unknownMonth);
  if (unknown) bars.push({ key: unknownMonth, label: ar.unknownMonth, count: unknown.articles.length, path: monthPath(year.year, unknownMonth), apart: true });
  return bars;
}
