/**
 * Hijri (Umm al-Qura) ↔ Gregorian conversion through Intl's `islamic-umalqura` calendar, the same
 * tables the site uses to print Hijri dates, so a parsed date and a printed one can never disagree.
 * Intl only formats Gregorian → Hijri; the other direction searches for the day whose Hijri form
 * is the one asked for, in a bounded number of steps.
 */
import { dayNumberOf, epochMsOfDayNumber, type YearMonthDay } from './gregorian';

// Explicit locale, calendar, numbering system and time zone: the result never depends on the machine.
const NUMERIC_HIJRI = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  calendar: 'islamic-umalqura',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** 1 Muharram 1 AH in the proleptic Gregorian calendar (622-07-19), as a day number. */
const HIJRI_EPOCH = dayNumberOf({ year: 622, month: 7, day: 19 }) ?? 0;
const MEAN_MONTH = 29.530589;

/** The Umm al-Qura Hijri date of a Gregorian day number. */
export function hijriOfDayNumber(dayNumber: number): YearMonthDay {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of NUMERIC_HIJRI.formatToParts(epochMsOfDayNumber(dayNumber))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
}

/** Hijri years accepted for conversion; outside them a date is not plausible in news text. */
const HIJRI_YEAR_RANGE = { min: 1, max: 2000 } as const;

/**
 * Day number of an Umm al-Qura Hijri date, or null when that date does not exist (e.g. 30 of a
 * 29-day month). Starts from the mean-month estimate and corrects by the difference Intl reports.
 */
export function dayNumberOfHijri({ year, month, day }: YearMonthDay): number | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < HIJRI_YEAR_RANGE.min || year > HIJRI_YEAR_RANGE.max || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const targetMonths = (year - 1) * 12 + (month - 1);
  let guess = HIJRI_EPOCH + Math.round(targetMonths * MEAN_MONTH) + day - 1;
  // Each step lands within a day or two; eight steps are far more than any real calendar needs.
  for (let step = 0; step < 8; step++) {
    const found = hijriOfDayNumber(guess);
    const monthGap = targetMonths - ((found.year - 1) * 12 + (found.month - 1));
    if (monthGap === 0 && found.day === day) return guess;
    const correction = monthGap === 0 ? day - found.day : Math.round(monthGap * MEAN_MONTH) + day - found.day;
    if (correction === 0) break;
    guess += correction;
  }
  // The estimate can oscillate around a day that does not exist; check the neighbourhood once.
  for (let offset = -3; offset <= 3; offset++) {
    const found = hijriOfDayNumber(guess + offset);
    if (found.year === year && found.month === month && found.day === day) return guess + offset;
  }
  return null;
}
