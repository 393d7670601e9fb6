/**
 * The archive's shape in time: articles newest first, grouped by year and month, with the
 * neighbours of each article and the small sidebar slice each page shows. Built once per build,
 * in O(n log n); every per-page question is then answered in O(1) or O(months).
 */

/** What lists, the sidebar and neighbours need to know about an article. */
export interface ArticleCard {
  slug: string;
  title: string;
  summary: string;
  published: string | null;
  precision: 'day' | 'month' | 'year' | 'unknown';
}

/** Month key used when only the year of an article is known. */
export const unknownMonth = '00';

/** Articles of one month of one year, newest first. */
interface MonthGroup {
  year: string;
  /** "01" … "12", or `unknownMonth` when the article gives only a year. */
  month: string;
  articles: ArticleCard[];
}

/** One year of the archive, months newest first. */
export interface YearGroup {
  year: string;
  months: MonthGroup[];
  count: number;
}

/** Where a page sits in time: a month of a year, a whole year (year pages), or the undated shelf. */
export type Shelf = { kind: 'month'; year: string; month: string } | { kind: 'year'; year: string } | { kind: 'undated' };

export interface ArchiveIndex {
  /** Dated articles newest first, then undated ones by slug. */
  newestFirst: ArticleCard[];
  years: YearGroup[];
  undated: ArticleCard[];
  /** Position of each slug in `newestFirst`. */
  position: ReadonlyMap<string, number>;
  /** Position of each slug within its own shelf. */
  shelfPosition: ReadonlyMap<string, number>;
  /** Month groups by "YYYY-MM". */
  monthsByKey: ReadonlyMap<string, MonthGroup>;
}

/** Order: dated before undated; newer date first; then slug, so the order never depends on input order. */
function compareNewestFirst(a: ArticleCard, b: ArticleCard): number {
  if (a.published !== null && b.published !== null && a.published !== b.published) return a.published < b.published ? 1 : -1;
  if (a.published === null && b.published !== null) return 1;
  if (a.published !== null && b.published === null) return -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** The shelf an article belongs on. */
export function shelfOf(article: Pick<ArticleCard, 'published' | 'precision'>): Extract<Shelf, { kind: 'month' | 'undated' }> {
  if (article.published === null || article.precision === 'unknown') return { kind: 'undated' };
  const year = article.published.slice(0, 4);
  const month = article.precision === 'year' ? unknownMonth : article.published.slice(5, 7);
  return { kind: 'month', year, month };
}

/** Group articles by year and month (newest first) and remember each one's position. */
export function buildArchiveIndex(articles: readonly ArticleCard[]): ArchiveIndex {
  const newestFirst = [...articles].sort(compareNewestFirst);
  const years: YearGroup[] = [];
  const undated: ArticleCard[] = [];
  const position = new Map<string, number>();
  newestFirst.forEach((article, index) => {
    position.set(article.slug, index);
    const shelf = shelfOf(article);
    if (shelf.kind === 'undated') {
      undated.push(article);
      return;
    }
    // Sorted input means a new year or month always starts at the end of the lists.
    let year = years.at(-1);
    if (year?.year !== shelf.year) {
      year = { year: shelf.year, months: [], count: 0 };
      years.push(year);
    }
    // Year-only dates sort as January 1st, so the "month unknown" group can be met twice.
    let month = year.months.find((m) => m.month === shelf.month);
    if (month === undefined) {
      month = { year: shelf.year, month: shelf.month, articles: [] };
      year.months.push(month);
    }
    month.articles.push(article);
    year.count += 1;
  });
  // Year-only dates sort as January 1st; show their "month unknown" group after the real months.
  for (const year of years) {
    year.months.sort((a, b) => (a.month === unknownMonth ? 1 : b.month === unknownMonth ? -1 : a.month < b.month ? 1 : -1));
  }
  const shelfPosition = new Map<string, number>();
  const monthsByKey = new Map<string, MonthGroup>();
  undated.forEach((article, at) => shelfPosition.set(article.slug, at));
  for (const year of years) {
    for (const month of year.months) {
      monthsByKey.set(`${month.year}-${month.month}`, month);
      month.articles.forEach((article, at) => shelfPosition.set(article.slug, at));
    }
  }
  return { newestFirst, years, undated, position, shelfPosition, monthsByKey };
}

/** The older and newer neighbours of an article in the archive's order. */
export function neighbours(index: ArchiveIndex, slug: string): { older: ArticleCard | null; newer: ArticleCard | null } {
  const at = index.position.get(slug);
  if (at === undefined) return { older: null, newer: null };
  return { older: index.newestFirst[at + 1] ?? null, newer: index.newestFirst[at - 1] ?? null };
}

/** Articles sharing a shelf, newest first. */
function shelfArticles(index: ArchiveIndex, shelf: Shelf): readonly ArticleCard[] {
  if (shelf.kind === 'undated') return index.undated;
  if (shelf.kind === 'year') return [];
  return index.monthsByKey.get(`${shelf.year}-${shelf.month}`)?.articles ?? [];
}

/** One year in the sidebar: its months with counts; `current` marks the page's own year. */
interface SidebarYear {
  year: string;
  count: number;
  current: boolean;
  months: Array<{ year: string; month: string; count: number; current: boolean }>;
}

/** The sidebar of one page: all years and months, and a bounded window of the current shelf's articles. */
export interface SidebarModel {
  years: SidebarYear[];
  undatedCount: number;
  undatedCurrent: boolean;
  /** Articles of the current month (or undated shelf), at most `limit`, around the current article. */
  shelfArticles: ArticleCard[];
  /** How many articles of the shelf are not shown in the window. */
  shelfHidden: number;
}

/**
 * Build one page's sidebar. Its size depends on the number of months, never on the number of
 * articles: the current shelf is cut to a window of `limit` articles around the current one.
 */
export function sidebarFor(index: ArchiveIndex, shelf: Shelf | null, currentSlug: string | null = null, limit = 30): SidebarModel {
  const years = index.years.map((y) => ({
    year: y.year,
    count: y.count,
    current: (shelf?.kind === 'month' || shelf?.kind === 'year') && shelf.year === y.year,
    months: y.months.map((m) => ({
      year: y.year,
      month: m.month,
      count: m.articles.length,
      current: shelf?.kind === 'month' && shelf.year === y.year && shelf.month === m.month,
    })),
  }));
  const all = shelf === null ? [] : shelfArticles(index, shelf);
  let start = 0;
  if (all.length > limit && currentSlug !== null) {
    const at = index.shelfPosition.get(currentSlug);
    if (at !== undefined) start = Math.min(Math.max(0, at - Math.floor(limit / 2)), all.length - limit);
  }
  const window = all.slice(start, start + limit);
  return {
    years,
    undatedCount: index.undated.length,
    undatedCurrent: shelf?.kind === 'undated',
    shelfArticles: window,
    shelfHidden: all.length - window.length,
  };
}

/** Split a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}

/** Articles per page of every long list (entity pages, sources, months, undated). */
const listPageSize = 50;

/** Pages of a list as rest-parameter routes: page 1 at the list's own URL, then "2", "3" … */
export function pageRoutes<T>(items: readonly T[], size = listPageSize): Array<{ param: string | undefined; page: number; total: number; items: T[] }> {
  const pages = paginate(items, size);
  return pages.map((pageItems, i) => ({ param: i === 0 ? undefined : String(i + 1), page: i + 1, total: pages.length, items: pageItems }));
}
