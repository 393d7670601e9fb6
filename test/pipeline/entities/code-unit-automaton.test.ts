import fc from 'fast-check';
import AhoCorasick from 'modern-ahocorasick';
import { describe, expect, it } from 'vitest';
import { createCodeUnitAutomaton } from '../../../src/pipeline/entities/code-unit-automaton';
import { createPhraseMatcher, ONE_UNIT_GRAPHEMES } from '../../../src/pipeline/entities/phrase-matcher';

/** Characters of the fast path's set, a few of each kind, so patterns overlap often. */
const SIMPLE = ['ا', 'ل', 'م', 'و', 'ه', 'ي', 'a', 'b', ' ', '.', '،', '«', '»', '—', '…', 'é'];
const simpleText = (maxLength: number) => fc.array(fc.constantFrom(...SIMPLE), { maxLength }).map((chars) => chars.join(''));
const sortHits = (hits: Array<{ start: number; end: number; pattern: string }>) =>
  [...hits].sort((a, b) => a.end - b.end || a.start - b.start || (a.pattern < b.pattern ? -1 : 1));

describe('code-unit automaton', () => {
  it('finds every occurrence the grapheme-based automaton finds, overlaps and duplicates included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(simpleText(4).filter((p) => p !== ''), { minLength: 1, maxLength: 12 }), simpleText(60), (patterns, text) => {
        const ours = createCodeUnitAutomaton(patterns).findAll(text).map((h) => ({ start: h.start, end: h.end, pattern: patterns[h.pattern]! }));
        const reference = new AhoCorasick(patterns).search(text).map((h) => ({ start: h.start, end: h.end, pattern: h.pattern }));
        expect(sortHits(ours)).toEqual(sortHits(reference));
      }),
      { numRuns: 500 },
    );
  });

  it('reports a pattern given twice under its first index', () => {
    expect(createCodeUnitAutomaton(['ab', 'b', 'ab']).findAll('xab')).toEqual([
      { start: 1, end: 3, pattern: 0 },
      { start: 2, end: 3, pattern: 1 },
    ]);
  });

  it('is only used on text whose code units are each a grapheme', () => {
    const allowed = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((c) => ONE_UNIT_GRAPHEMES.test(c));
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allowed), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(ONE_UNIT_GRAPHEMES.test(text)).toBe(true);
        expect([...segmenter.segment(text)].length).toBe(text.length);
      }),
      { numRuns: 1000 },
    );
    for (const combining of ['\u064E', '\u0301', '\u200D', '\u0600', '\r', '\uD83D']) expect(ONE_UNIT_GRAPHEMES.test(`ا${combining}`)).toBe(false);
  });

  it('lets the phrase matcher find the same mentions with or without a combining mark elsewhere in the text', () => {
    const matcher = createPhraseMatcher(['موسكو', 'طاجيكستان', 'منظمة معاهدة الأمن الجماعي', 'الأمن'].map((phrase) => ({ phrase, value: phrase })));
    const text = 'زار وفد من طاجيكستان موسكو لبحث منظمة معاهدة الأمن الجماعي وللأمن.';
    const withMark = `${text} ب\u0301`;
    expect(matcher.find(text)).toEqual(matcher.find(withMark));
    expect(matcher.find(text).map((hit) => text.slice(hit.start, hit.end))).toEqual(['طاجيكستان', 'موسكو', 'منظمة معاهدة الأمن الجماعي', 'وللأمن']);
  });
});
