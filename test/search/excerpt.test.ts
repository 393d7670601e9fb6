import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExcerpt, findPhrase, formatEntitySpans, hitMentions, mentionsOfEntities, parseEntitySpans } from '../../src/search/excerpt';

const words = 'أكد الرئيس إمام علي رحمون خلال اجتماعه مع الأمين العام'.split(' ');

describe('buildExcerpt', () => {
  it('marks the matched words in their original spelling', () => {
    const excerpt = buildExcerpt(words, [2, 4], 50);
    expect(excerpt.parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['إمام', 'رحمون']);
    expect(excerpt.parts.map((part) => part.text).join('')).toBe(words.join(' '));
  });
  it('picks the window holding the most matches', () => {
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const excerpt = buildExcerpt(long, [3, 150, 152, 155], 20);
    expect(excerpt.parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['w150', 'w152', 'w155']);
    expect(excerpt.cutBefore).toBe(true);
    expect(excerpt.cutAfter).toBe(true);
  });
  it('prefers the window holding the whole phrase over one with more scattered matches', () => {
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const excerpt = buildExcerpt(long, [10, 14, 18, 22, 120, 121], 20, [120, 121]);
    expect(excerpt.parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['w120', 'w121']);
  });
  it('ignores positions outside the text (the entity appendix) and opens at the start', () => {
    const excerpt = buildExcerpt(words, [-3, 40], 4);
    expect(excerpt.parts).toEqual([{ text: 'أكد الرئيس إمام علي', mark: false }]);
    expect(excerpt.cutBefore).toBe(false);
    expect(excerpt.cutAfter).toBe(true);
  });
  it('never marks the spaces between adjacent matches', () => {
    const excerpt = buildExcerpt(words, [3, 4], 50);
    expect(excerpt.parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['علي', 'رحمون']);
    expect(excerpt.parts.some((part) => part.text === ' ')).toBe(true);
  });
  it('returns a contiguous run of the original words for any positions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 60 })), fc.integer({ min: 1, max: 40 }), (positions, length) => {
        const text = Array.from({ length: 50 }, (_, i) => `k${i}`);
        const joined = buildExcerpt(text, positions, length).parts.map((part) => part.text).join('');
        expect(text.join(' ')).toContain(joined);
        expect(joined.split(' ').length).toBe(Math.min(length, text.length));
      }),
    );
  });
});

describe('findPhrase', () => {
  it('finds every whole occurrence, ignoring punctuation around words', () => {
    const indexed = 'وعلاوه علي ذلك اكد امام علي رحمون، ان علي رحمون'.split(' ');
    expect(findPhrase(indexed, ['علي', 'رحمون'])).toEqual([5, 6, 8, 9]);
  });
  it('finds nothing for a single term, which is no phrase', () => {
    expect(findPhrase(['علي', 'رحمون'], ['علي'])).toEqual([]);
  });
  it('does not match the words out of order', () => {
    expect(findPhrase(['رحمون', 'علي'], ['علي', 'رحمون'])).toEqual([]);
  });
});

describe('mentionsOfEntities', () => {
  // title (1 word) | body (6 words) | appendix: ؛ امام علي رحمون ؛ رحمون ؛ rahmon | ؛ طاجيكستان ؛ tajikistan
  const indexed = ['عنوان', 'اكد', 'الرءيس', 'امام', 'علي', 'رحمون،', 'وطاجيكستان', '؛', 'امام', 'علي', 'رحمون', '؛', 'رحمون', '؛', 'rahmon', '؛', 'طاجيكستان', '؛', 'tajikistan'];
  const spans: Array<[number, number]> = [[7, 15], [15, 19]];

  it('finds each entity\'s Arabic mentions in the body, clitics in front of a one-word name allowed', () => {
    // Rahmon's span also holds his English name; Tajikistan is written with و in front.
    expect(mentionsOfEntities(indexed, 1, 7, spans, '؛')).toEqual([[3, 4, 5], [6]]);
  });
  it('looks only at the body, and gives nothing for no spans', () => {
    expect(mentionsOfEntities(indexed, 1, 5, spans, '؛')).toEqual([[], []]);
    expect(mentionsOfEntities(indexed, 1, 7, [], '؛')).toEqual([]);
  });
  it('reads the spans and mentions the record writes', () => {
    const written = [{ start: 7, end: 15, mentions: [3, 4, 5] }, { start: 15, end: 19, mentions: [] }];
    expect(formatEntitySpans(written)).toBe('7-15:3,4,5 15-19');
    expect(parseEntitySpans(`${formatEntitySpans(written)} junk 1-2: 3-4:x`)).toEqual(written);
  });
  it('marks the counted mentions of the entities a search hit, and only those', () => {
    const written = [{ start: 7, end: 15, mentions: [3, 4, 5] }, { start: 15, end: 19, mentions: [6] }];
    expect(hitMentions(written, [14])).toEqual([3, 4, 5]);
    expect(hitMentions(written, [18, 7])).toEqual([3, 4, 5, 6]);
    expect(hitMentions(written, [2, 19])).toEqual([]);
  });
});
