/**
 * Dates as the site prints them: Gregorian in the archive's own wording ("29 يناير 2025") at the
 * precision the source allows, the Umm al-Qura Hijri equivalent, and the weekday. Latin digits
 * throughout, the norm on Arabic news sites. Pure: every Intl call pins locale, calendar,
 * numbering system and time zone, so output never depends on the machine.
 */
import { GREGORIAN_MONTHS } from './months';
import { WEEKDAYS } from './weekdays';
import { dayNumberOf, epochMsOfDayNumber, parseIso, weekdayOfDayNumber } from './gregorian';

/** What the site shows when the publication date is unknown. */
export const UNKNOWN_DATE_LABEL = 'تاريخ غير معروف';

const HIJRI_PARTS = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  calendar: 'islamic-umalqura',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "29 يناير 2025" / "يناير 2025" / "2025" by precision; "تاريخ غير معروف" when unknown or not a real date. */
export function formatGregorianDate(iso: string, precision: 'day' | 'month' | 'year' | 'unknown'): string {
  const date = parseIso(iso);
  if (date === null || precision === 'unknown') return UNKNOWN_DATE_LABEL;
  const month = GREGORIAN_MONTHS[date.month - 1] ?? '';
  if (precision === 'year') return String(date.year);
  if (precision === 'month') return `${month} ${date.year}`;
  return `${date.day} ${month} ${date.year}`;
}

/** The Umm al-Qura Hijri date of an ISO day, e.g. "28 رجب 1446 هـ"; "" when `iso` is not a real date. */
export function formatHijriDate(iso: string): string {
  const date = parseIso(iso);
  const dayNumber = date === null ? null : dayNumberOf(date);
  if (dayNumber === null) return '';
  // Assembled from parts so ICU's choice of separators or direction marks cannot leak in.
  const parts = HIJRI_PARTS.formatToParts(epochMsOfDayNumber(dayNumber));
  const value = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('day')} ${value('month')} ${value('year')} هـ`;
}

/** The Arabic weekday name of an ISO day, e.g. "الأربعاء"; "" when `iso` is not a real date. */
export function weekdayName(iso: string): string {
  const date = parseIso(iso);
  const dayNumber = date === null ? null : dayNumberOf(date);
  return dayNumber === null ? '' : (WEEKDAYS[weekdayOfDayNumber(dayNumber)] ?? '');
}
