import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumberOfHijri, hijriOfDayNumber } from '../../src/arabic/hijri';
import { dateOfDayNumber, dayNumberOf, parseIso, toIso } from '../../src/arabic/gregorian';

const isoOfHijri = (year: number, month: number, day: number): string | null => {
  const n = dayNumberOfHijri({ year, month, day });
  return n === null ? null : toIso(dateOfDayNumber(n));
};

describe('Hijri ↔ Gregorian', () => {
  it('converts known Umm al-Qura dates', () => {
    expect(isoOfHijri(1446, 7, 28)).toBe('2025-01-28');
    expect(isoOfHijri(1443, 2, 8)).toBe('2021-09-15');
    expect(isoOfHijri(1445, 9, 1)).toBe('2024-03-11');
    expect(isoOfHijri(1, 1, 1)).toBe('0622-07-19');
  });

  it('returns null for days a Hijri month does not have and for out-of-range input', () => {
    expect(isoOfHijri(1446, 8, 30)).toBeNull();
    expect(isoOfHijri(1446, 13, 1)).toBeNull();
    expect(isoOfHijri(1446, 1, 0)).toBeNull();
    expect(isoOfHijri(0, 1, 1)).toBeNull();
    expect(isoOfHijri(1446.5, 1, 1)).toBeNull();
  });

  it('round-trips every Gregorian day from 1900 to 2100 through the Hijri calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 }), (day) => {
        expect(dayNumberOfHijri(hijriOfDayNumber(day))).toBe(day);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps consecutive Hijri days of a year to consecutive Gregorian days', () => {
    let previous = dayNumberOfHijri({ year: 1446, month: 1, day: 1 })!;
    for (let month = 1; month <= 12; month++) {
      for (let day = month === 1 ? 2 : 1; day <= 30; day++) {
        const n = dayNumberOfHijri({ year: 1446, month, day });
        if (n === null) continue;
        expect(n).toBe(previous + 1);
        previous = n;
      }
    }
    expect(dayNumberOfHijri({ year: 1447, month: 1, day: 1 })).toBe(previous + 1);
  });
});

describe('Gregorian day arithmetic', () => {
  it('rejects impossible dates and accepts leap days', () => {
    expect(parseIso('2025-02-29')).toBeNull();
    expect(parseIso('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIso('1900-02-29')).toBeNull();
    expect(parseIso('2025-1-29')).toBeNull();
  });

  it('does not shift years below 100 into the 1900s', () => {
    expect(toIso(dateOfDayNumber(dayNumberOf({ year: 50, month: 3, day: 1 })!))).toBe('0050-03-01');
  });
});
