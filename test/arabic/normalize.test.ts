import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldArabic, foldCodePoint, foldWithMap, toLatinDigits } from '../../src/arabic/normalize';

describe('foldArabic', () => {
  it('folds hamza and madda on alef to bare alef', () => {
    expect(foldArabic('أإآٱ')).toBe('اااا');
  });
  it('folds alef maqsura to ya and ta marbuta to ha', () => {
    expect(foldArabic('على مدرسة')).toBe('علي مدرسه');
  });
  it('unifies the hamza seats of المسؤول and المسئول', () => {
    expect(foldArabic('المسؤول')).toBe(foldArabic('المسئول'));
  });
  it('drops tashkeel and tatweel', () => {
    expect(foldArabic('مُحَمَّـــد')).toBe('محمد');
  });
  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(foldArabic('٢٠٢٥ ۱۴۴۷')).toBe('2025 1447');
  });
  it('decomposes presentation forms and lowercases Latin', () => {
    expect(foldArabic('\uFEFB CSTO')).toBe('لا csto');
  });
  it('removes bidi controls and zero-width characters', () => {
    expect(foldArabic('ا\u202Eب\u200Cج')).toBe('ابج');
  });
});

describe('foldArabic and foldWithMap, code point by code point', () => {
  it('fold every code point on its own, surrogate pairs and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (binary, graphemes) => {
        for (const text of [binary, graphemes, binary + graphemes.slice(0, 1)]) {
          const expected = [...text].map(foldCodePoint).join('');
          expect(foldArabic(text)).toBe(expected);
          expect(foldWithMap(text).folded).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
    expect(foldArabic('\uD83D')).toBe('\uD83D');
    expect(foldWithMap('a\uD83D\uDE00b').origin).toEqual([0, 1, 1, 3, 4]);
  });
});

describe('foldWithMap', () => {
  it('maps every folded character back to the source character that produced it', () => {
    const { folded, origin } = foldWithMap('أَحمد ﻻ');
    expect(folded).toBe('احمد لا');
    expect(origin).toEqual([0, 2, 3, 4, 5, 6, 6, 7]);
  });
  it('agrees with foldArabic and yields a monotone map for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const { folded, origin } = foldWithMap(text);
        expect(folded).toBe(foldArabic(text));
        expect(origin).toHaveLength(folded.length + 1);
        for (let i = 1; i < origin.length; i++) expect(origin[i]).toBeGreaterThanOrEqual(origin[i - 1]!);
      }),
    );
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => foldArabic(foldArabic(text)) === foldArabic(text)));
  });
});

describe('toLatinDigits', () => {
  it('changes only digits', () => {
    expect(toLatinDigits('يوم ٢٩/٠١/٢٠٢٥')).toBe('يوم 29/01/2025');
  });
});

describe('foldCodePoint', () => {
  it('gives the same answer on every call, for BMP and astral code points alike (it is memoized)', () => {
    for (let round = 0; round < 2; round++) {
      expect(foldCodePoint('أ')).toBe('ا');
      expect(foldCodePoint('\uFEFB')).toBe('لا');
      expect(foldCodePoint('\u064E')).toBe('');
      expect(foldCodePoint('Ｃ')).toBe('c');
      expect(foldCodePoint('𝐀')).toBe('a');
      expect(foldCodePoint('😀')).toBe('😀');
    }
  });
});
