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
  it('strips the article and every chain of clitics in front of it, alone or combined', () => {
    for (const word of ['الحدود', 'حدود', 'والحدود', 'بالحدود', 'للحدود', 'وللحدود', 'وبالحدود', 'فالحدود', 'كالحدود']) {
      expect(searchForm(word), word).toBe('حدود');
    }
    // لل is ل + ال with the alef dropped: للأمم is الأمم.
    expect(searchForm('للأمم')).toBe(searchForm('الأمم'));
    expect(searchForm('الأمم')).toBe('امم');
  });
  it('strips a lone و, ب or ل before a word of four letters or more, as the stemmer does not for ل', () => {
    for (const word of ['طاجيكستان', 'وطاجيكستان', 'لطاجيكستان', 'بطاجيكستان', 'ولطاجيكستان']) expect(searchForm(word), word).toBe('طاجيكستان');
    for (const word of ['روسيا', 'لروسيا', 'بروسيا', 'وروسيا']) expect(searchForm(word), word).toBe('روسيا');
    expect(searchForm('وأفغانستان')).toBe('افغانستان');
    expect(searchForm('لأفغانستان')).toBe('افغانستان');
    expect(searchForm('وإعداد')).toBe('اعداد');
  });
  it('gives a word the same form whatever clitics it carries, even where its own first letters look like clitics', () => {
    // Repeating to a fixed point keeps both sides in step: the bare word is cut the same way.
    expect(new Set(['لوكاشينكو', 'ولوكاشينكو', 'للوكاشينكو'].map(searchForm))).toEqual(new Set(['كاشينكو']));
    expect(new Set(['بوتين', 'وبوتين', 'لبوتين'].map(searchForm)).size).toBe(1);
    expect(new Set(['التزام', 'الالتزام', 'بالالتزام', 'والتزام'].map(searchForm)).size).toBe(1);
    expect(new Set(['لبنان', 'ولبنان', 'للبنان', 'بلبنان'].map(searchForm)).size).toBe(1);
    expect(new Set(['الوزير', 'وزير', 'والوزير', 'للوزير', 'بالوزير'].map(searchForm))).toEqual(new Set(['وزير']));
  });
  it('keeps a word whole when too little would remain: there the first letter is usually a root letter', () => {
    for (const word of ['وزير', 'بلد', 'ولد', 'وقت', 'والد', 'واحد', 'واد', 'وحدة', 'وجهة', 'بنية', 'بيان', 'كيان', 'لها', 'الله', 'الي']) {
      expect(searchForm(word), word).toBe(foldArabic(word));
    }
  });
  it('strips ل before three letters, since the stemmer never strips ل itself', () => {
    expect(searchForm('لأمن')).toBe(searchForm('الأمن'));
    expect(searchForm('لدعم')).toBe(searchForm('دعم'));
    expect(searchForm('لذلك')).toBe('ذلك');
  });
  it('strips ف and ك only before the article, so فعالية and كيان do not collapse into other words', () => {
    expect(searchForm('فعالية')).not.toBe(searchForm('عالية'));
    expect(searchForm('كيان')).not.toBe(searchForm('بيان'));
    expect(searchForm('فالأمر')).toBe(searchForm('الأمر'));
    expect(searchForm('كالعادة')).toBe(searchForm('العادة'));
  });
  it('keeps leading punctuation and still strips the clitics behind it; a hyphen stops stripping', () => {
    expect(searchForm('«والحدود')).toBe('«حدود');
    expect(searchForm('و-الحدود')).toBe('و-الحدود');
  });
  it('makes any clitic chain in front of a word give that word\'s own form (property)', () => {
    // A base word of 4–8 letters that does not itself begin with a clitic-like letter.
    const first = fc.constantFrom(...'تثجحخدذرزسشصضطظعغقمنهي');
    const rest = fc.array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), { minLength: 3, maxLength: 7 });
    const prefix = fc.constantFrom('', 'و', 'ب', 'ل', 'ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'وبال', 'ولل', 'فلل', 'وب', 'ول');
    fc.assert(
      fc.property(first, rest, prefix, (head, tail, clitics) => {
        const word = head + tail.join('');
        return searchForm(clitics + word) === word;
      }),
    );
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
  it('agrees with foldArabic except for clitics taken off the front', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (word) => {
        const folded = foldArabic(word).replace(/\p{White_Space}+/gu, '');
        const form = searchForm(word);
        // Same text, or the folded word with letters removed right after its leading punctuation.
        const lead = /^\P{L}*/u.exec(folded)?.[0] ?? '';
        return form === folded || (form.startsWith(lead) && folded.endsWith(form.slice(lead.length)) && form.length < folded.length);
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
    expect(normalizeQuery('والحدود الطاجيكية').terms).toEqual(['حدود', 'طاجيكيه']);
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
    expect(normalizeQuery('«معاهدة الأمن» ، "الجماعي"').terms).toEqual(['معاهده', 'امن', 'جماعي']);
  });
  it('yields nothing searchable for an empty or punctuation-only query', () => {
    expect(normalizeQuery(' ، ! ').text).toBe('');
    expect(normalizeQuery('').phrase).toBeNull();
  });
});
