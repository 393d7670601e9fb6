import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldArabic } from '../../src/arabic/normalize';
import { indexWords, normalizeQuery, searchForm, splitWords } from '../../src/search/normalize';

describe('searchForm', () => {
  it('builds on foldArabic: hamza, alef maqsura, ta marbuta, tashkeel, tatweel and digits fold', () => {
    expect(searchForm('إيمان')).toBe(searchForm('ايمان'));
    expect(searchForm('على')).toBe(searchForm('علي'));
    expect(searchForm('مدرسة')).toBe(searchForm('مدرسه'));
    expect(searchForm('مُعَاهَدَة')).toBe(searchForm('معاهدة'));
    expect(searchForm('طاجيكـــستان')).toBe(searchForm('طاجيكستان'));
    expect(searchForm('٢٠٢٥')).toBe('2025');
  });
  it('unifies المسؤول and المسئول', () => {
    expect(searchForm('المسؤول')).toBe(searchForm('المسئول'));
  });
  it('drops the conjunction و before alef, which the Arabic stemmer keeps', () => {
    expect(searchForm('والحدود')).toBe('الحدود');
    expect(searchForm('وأفغانستان')).toBe('افغانستان');
    expect(searchForm('وإعداد')).toBe('اعداد');
  });
  it('keeps و in words of four letters or fewer, where it is usually a root letter', () => {
    expect(searchForm('والد')).toBe('والد');
    expect(searchForm('واحد')).toBe('واحد');
    expect(searchForm('واد')).toBe('واد');
  });
  it('leaves و before other letters to the stemmer', () => {
    expect(searchForm('وقال')).toBe('وقال');
  });
  it('keeps leading punctuation and still drops the conjunction behind it', () => {
    expect(searchForm('«والحدود')).toBe('«الحدود');
  });
  it('lowercases Latin so CSTO and csto are one term', () => {
    expect(searchForm('CSTO')).toBe('csto');
  });
  it('never contains whitespace, even where a compatibility form expands to several words', () => {
    expect(searchForm('\uFDFA')).not.toMatch(/\s/);
  });
  it('is idempotent, so folding an already folded query changes nothing', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (word) => searchForm(searchForm(word)) === searchForm(word)));
  });
  it('agrees with foldArabic wherever the clitic rule does not apply', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (word) => {
        const folded = foldArabic(word).replace(/\p{White_Space}+/gu, '');
        return searchForm(word) === folded || folded.replace(/^(\P{L}*)و/u, '$1') === searchForm(word);
      }),
    );
  });
});

describe('splitWords and indexWords', () => {
  it('split on any whitespace run, dropping empty words', () => {
    expect(splitWords(' حول  الإجراءات\u00A0الرامية\n')).toEqual(['حول', 'الإجراءات', 'الرامية']);
  });
  it('keep exactly one index word per original word, so match positions map back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const words = splitWords(text);
        const indexed = indexWords(words);
        expect(indexed).toHaveLength(words.length);
        for (const word of indexed) {
          expect(word.length).toBeGreaterThan(0);
          expect(word).not.toMatch(/\p{White_Space}/u);
        }
      }),
    );
  });
  it('keep a word that folds to nothing as it was', () => {
    expect(indexWords(['ـــ', 'حدود'])).toEqual(['ـــ', 'حدود']);
  });
});

describe('normalizeQuery', () => {
  it('folds every term with the index rules', () => {
    expect(normalizeQuery('والحدود الطاجيكية').terms).toEqual(['الحدود', 'الطاجيكيه']);
  });
  it('makes a quoted phrase of a multi-word query', () => {
    expect(normalizeQuery('إمام علي رحمون')).toEqual({
      terms: ['امام', 'علي', 'رحمون'],
      text: 'امام علي رحمون',
      phrase: '"امام علي رحمون"',
    });
  });
  it('has no phrase for a single term', () => {
    expect(normalizeQuery('  طاجيكستان ').phrase).toBeNull();
  });
  it('drops quotes the reader typed and punctuation-only words', () => {
    expect(normalizeQuery('«معاهدة الأمن» ، "الجماعي"').terms).toEqual(['معاهده', 'الامن', 'الجماعي']);
  });
  it('yields nothing searchable for an empty or punctuation-only query', () => {
    expect(normalizeQuery(' ، ! ').text).toBe('');
    expect(normalizeQuery('').phrase).toBeNull();
  });
});
