import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMeta, openText, sealMeta, sealText, SEARCHED_META_FIELDS } from '../../src/search/sealed-meta';

/** What Pagefind takes for part of a word or a word break: letters, digits (Unicode's alphanumeric) and white space. */
const WORDLIKE = /[\p{L}\p{N}\p{White_Space}]/u;

describe('sealText / openText', () => {
  it('gives back any string exactly, lone surrogates and private-use characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => openText(sealText(text)) === text), { numRuns: 2000 });
    for (const text of ['', 'أكّد الرئيس ١٢٣ CSTO «قال»', '\uE000\uF8FF\u{10FFFF}\uD800', 'ﷺ ﻻ 😀']) expect(openText(sealText(text))).toBe(text);
  });

  it('leaves no letter, digit or space for an indexer to find', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !WORDLIKE.test(sealText(text))), { numRuns: 2000 });
    expect(sealText('الأمن الجماعي 2021')).not.toMatch(WORDLIKE);
  });

  it('passes through text that is not sealed, so older or foreign records still show', () => {
    for (const text of ['الأمن', 'plain 12', '\uF8FF\uE030', '\uF8FF\uE066\uE066\uE066\uE066\uE066\uE066']) expect(openText(text)).toBe(text);
  });
});

describe('sealMeta / openMeta', () => {
  const meta = { title: 'عنوان المقال', text: 'أكد الرئيس', date: '15 سبتمبر 2021', entities: '3-5:1,2', offset: '2' };

  it('seals every field but the searched ones, and opens them again', () => {
    const sealed = sealMeta(meta);
    expect([...SEARCHED_META_FIELDS]).toEqual(['title']);
    expect(sealed['title']).toBe(meta.title);
    for (const field of ['text', 'date', 'entities', 'offset'] as const) expect(sealed[field]).not.toMatch(WORDLIKE);
    expect(openMeta(sealed)).toEqual(meta);
  });

  it('keeps missing fields missing', () => {
    expect(openMeta({ title: 'x', text: undefined })).toEqual({ title: 'x', text: undefined });
  });
});
