import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNKNOWN_DATE_LABEL, formatGregorianDate, formatHijriDate, weekdayName } from '../../src/arabic/dates-format';

describe('formatGregorianDate', () => {
  it('writes a day, a month or a year at the precision given', () => {
    expect(formatGregorianDate('2025-01-29', 'day')).toBe('29 يناير 2025');
    expect(formatGregorianDate('2025-01-01', 'month')).toBe('يناير 2025');
    expect(formatGregorianDate('2025-01-01', 'year')).toBe('2025');
  });

  it('writes the unknown label for unknown precision or an impossible date', () => {
    expect(formatGregorianDate('2025-01-29', 'unknown')).toBe(UNKNOWN_DATE_LABEL);
    expect(formatGregorianDate('2025-02-30', 'day')).toBe('تاريخ غير معروف');
    expect(formatGregorianDate('not a date', 'day')).toBe(UNKNOWN_DATE_LABEL);
  });

  it('uses Latin digits and no leading zero for the day', () => {
    expect(formatGregorianDate('2021-09-05', 'day')).toBe('5 سبتمبر 2021');
  });
});

describe('formatHijriDate', () => {
  it('writes the Umm al-Qura date with Latin digits and the era mark', () => {
    expect(formatHijriDate('2025-01-28')).toBe('28 رجب 1446 هـ');
    expect(formatHijriDate('2021-09-15')).toBe('8 صفر 1443 هـ');
  });

  it('returns nothing for an impossible date', () => {
    expect(formatHijriDate('2025-13-01')).toBe('');
  });

  it('contains no direction marks or Arabic-Indic digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 }), (day) => {
        const text = formatHijriDate(new Date(day * 864e5).toISOString().slice(0, 10));
        expect(text).toMatch(/^\d{1,2} [\u0621-\u064A ]+ \d{4} هـ$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('weekdayName', () => {
  it('names the weekday of each seed date', () => {
    expect(weekdayName('2025-01-29')).toBe('الأربعاء');
    expect(weekdayName('2023-11-16')).toBe('الخميس');
    expect(weekdayName('2021-09-15')).toBe('الأربعاء');
  });

  it('agrees with the JavaScript UTC weekday across centuries', () => {
    const names = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (day) => {
        const date = new Date(day * 864e5);
        expect(weekdayName(date.toISOString().slice(0, 10))).toBe(names[date.getUTCDay()]);
      }),
    );
  });

  it('returns nothing for an impossible date', () => {
    expect(weekdayName('2025-02-29')).toBe('');
  });
});
