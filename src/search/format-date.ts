/** The dateline of a search result, in the archive's own Gregorian wording ("29 يناير 2025"). */

const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

/** Format an ISO date at the precision it is known to; unparseable input is returned unchanged. */
export function formatResultDate(iso: string, precision: 'day' | 'month' | 'year' | 'unknown'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  if (precision === 'year') return match[1]!;
  if (precision === 'month') return `${month} ${match[1]}`;
  return `${Number(match[3])} ${month} ${match[1]}`;
}
