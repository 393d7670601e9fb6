import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../src/arabic/normalize';
import { GREGORIAN_LEXICON, GREGORIAN_MONTHS, HIJRI_LEXICON, HIJRI_MONTHS, LEVANTINE_MONTHS, monthNumber } from '../../src/arabic/months';
import { WEEKDAYS, WEEKDAY_PATTERN, weekdayNumber } from '../../src/arabic/weekdays';

describe('month lexicons', () => {
  it('knows every Egyptian and Levantine Gregorian name by its number', () => {
    GREGORIAN_MONTHS.forEach((name, i) => expect(monthNumber(GREGORIAN_LEXICON, foldArabic(name))).toBe(i + 1));
    LEVANTINE_MONTHS.forEach((name, i) => expect(monthNumber(GREGORIAN_LEXICON, foldArabic(name))).toBe(i + 1));
  });

  it('knows the Hijri month names exactly as Intl writes them for Umm al-Qura', () => {
    const format = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', month: 'long', calendar: 'islamic-umalqura' });
    const numeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', month: 'numeric', calendar: 'islamic-umalqura' });
    const seen = new Set<number>();
    for (let day = 0; day < 400; day += 10) {
      const at = Date.UTC(2025, 0, 1) + day * 864e5;
      const month = Number(numeric.format(at));
      expect(monthNumber(HIJRI_LEXICON, foldArabic(format.format(at)))).toBe(month);
      expect(HIJRI_MONTHS[month - 1]).toBe(format.format(at));
      seen.add(month);
    }
    expect(seen.size).toBe(12);
  });

  it('accepts any run of spaces inside a two-word name', () => {
    expect(monthNumber(GREGORIAN_LEXICON, 'كانون   الثاني')).toBe(1);
    expect(monthNumber(HIJRI_LEXICON, 'ذي  الحجه')).toBe(12);
  });

  it('tries longer names first so a two-word name is not cut short', () => {
    const gregorian = new RegExp(`^(?:${GREGORIAN_LEXICON.pattern})`, 'u');
    expect(gregorian.exec(foldArabic('تشرين الثاني 2024'))?.[0]).toBe(foldArabic('تشرين الثاني'));
    expect(gregorian.exec('مايو')?.[0]).toBe('مايو');
  });

  it('does not know words that are not month names', () => {
    expect(monthNumber(GREGORIAN_LEXICON, 'كانون')).toBeNull();
    expect(monthNumber(HIJRI_LEXICON, 'ربيع')).toBeNull();
  });
});

describe('weekdays', () => {
  it('numbers weekdays from Sunday and accepts hamza variants', () => {
    WEEKDAYS.forEach((name, i) => expect(weekdayNumber(foldArabic(name))).toBe(i));
    expect(weekdayNumber(foldArabic('الإثنين'))).toBe(1);
    expect(new RegExp(`^(?:${WEEKDAY_PATTERN})$`, 'u').test(foldArabic('الأربعاء'))).toBe(true);
  });
});
