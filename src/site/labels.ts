/** Human labels for dates and months, built on the shared Arabic date formatting. */
import { formatGregorianDate, formatHijriDate } from '../arabic/dates-format';
import { ar } from '../i18n/ar';
import { unknownMonth } from './archive';

/** "يناير 2025" for a month of the timeline; the year alone is labelled when the month is unknown. */
export function monthLabel(year: string, month: string): string {
  if (month === unknownMonth) return ar.unknownMonth;
  return formatGregorianDate(`${year}-${month}-01`, 'month');
}

/** The Gregorian date as precise as the source allows, or the honest "unknown". */
export function dateLabel(published: string | null, precision: 'day' | 'month' | 'year' | 'unknown'): string {
  if (published === null || precision === 'unknown') return ar.undated;
  return formatGregorianDate(published, precision);
}

/** The Hijri date, only when the day is known (a Hijri month does not map to one Gregorian month). */
export function hijriLabel(published: string | null, precision: 'day' | 'month' | 'year' | 'unknown'): string | null {
  if (published === null || precision !== 'day') return null;
  return formatHijriDate(published);
}
