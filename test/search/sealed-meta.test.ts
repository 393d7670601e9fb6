import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealMeta, sealText, SEARCHED_META_FIELDS } from '../../src/search/sealed-meta';

/** What Pagefind takes for part of a word or a word break: letters, digits (Unicode's alphanumeric) and white space. */
const WORDLIKE = /[\p{L}\p{N}\p{White_Space}]/u;

describe('sealText', () => {
  it('leaves no letter, digit or space for an indexer to find', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !WORDLIKE.test(sealText(text))), { numRuns: 2000 });
    for (const text of ['الأمن الجماعي 2021', 'أكّد الرئيس ١٢٣ CSTO «قال»', '\uE000\uF8FF\u{10FFFF}\uD800', 'ﷺ ﻻ 😀']) expect(sealText(text)).not.toMatch(WORDLIKE);
  });

  it('never seals two different texts alike, private-use characters and lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => a === b || sealText(a) !== sealText(b)), { numRuns: 2000 });
    const tricky = ['\uE000', '\u0000', '\uF8FF', '\u{10FFFF}', '\uD800', '\uF8FF\uE030'];
    expect(new Set(tricky.map(sealText)).size).toBe(tricky.length);
  });
});

describe('sealMeta', () => {
  it('seals every field but the searched ones', () => {
    const meta = { title: 'عنوان المقال', date: '15 سبتمبر 2021', entities: '3-5:1,2', offset: '2', source: 'تاس' };
    const sealed = sealMeta(meta);
    expect([...SEARCHED_META_FIELDS]).toEqual(['title']);
    expect(sealed['title']).toBe(meta.title);
    for (const field of ['date', 'entities', 'offset', 'source'] as const) {
      expect(sealed[field]).not.toMatch(WORDLIKE);
      expect(sealed[field]).toBe(sealText(meta[field]));
    }
    expect(Object.keys(sealed)).toEqual(Object.keys(meta));
  });
});
