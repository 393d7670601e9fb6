/** Arabic weekday names (0 = Sunday … 6 = Saturday, as `Date#getUTCDay`) and their folded spellings. */
import { foldArabic } from './normalize';

/** The names the archive writes, Sunday first. */
export const WEEKDAYS: readonly string[] = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

const SPELLINGS: readonly (readonly string[])[] = [
  ['الأحد'],
  ['الاثنين', 'الإثنين', 'الأثنين'],
  ['الثلاثاء', 'الثلاثا'],
  ['الأربعاء', 'الاربعا'],
  ['الخميس'],
  ['الجمعة'],
  ['السبت'],
];

const BY_NAME: ReadonlyMap<string, number> = new Map(
  SPELLINGS.flatMap((names, day) => names.map((name) => [foldArabic(name), day] as const)),
);

/** Regex alternation (no groups) matching any folded weekday spelling, longest first. */
export const WEEKDAY_PATTERN: string = [...BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

/** Weekday number (0 = Sunday) of a folded weekday name, or null. */
export function weekdayNumber(foldedName: string): number | null {
  return BY_NAME.get(foldedName) ?? null;
}
