/**
 * Proleptic Gregorian calendar arithmetic on whole days, computed in UTC so that nothing depends
 * on the machine's time zone. A "day number" counts days since 1970-01-01.
 */

const MS_PER_DAY = 86_400_000;

/** A calendar date; month and day are 1-based. */
export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

/** Day number of a Gregorian date, or null when the date does not exist (31 February, month 13 …). */
export function dayNumberOf({ year, month, day }: YearMonthDay): number | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The Gregorian date of a day number. */
export function dateOfDayNumber(dayNumber: number): YearMonthDay {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD` for a date (years 1–9999). */
export function toIso({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parse a strict `YYYY-MM-DD` string naming a real date; null otherwise. */
export function parseIso(iso: string): YearMonthDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return dayNumberOf(date) === null ? null : date;
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Milliseconds since the epoch at 00:00 UTC of a day number, for Intl formatting. */
export function epochMsOfDayNumber(dayNumber: number): number {
  return dayNumber * MS_PER_DAY;
}
