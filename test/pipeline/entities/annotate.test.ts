import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotateText, inlineText } from '../../../src/pipeline/entities/annotate';
import type { EntityMatcher } from '../../../src/pipeline/entities/entities';

/** A matcher that finds every occurrence of fixed words — enough to test placement. */
function wordMatcher(words: Record<string, string>): EntityMatcher {
  return {
    find(text) {
      const mentions = [];
      for (const match of text.matchAll(/\p{L}+/gu)) {
        const id = words[match[0]];
        if (id) mentions.push({ start: match.index, end: match.index + match[0].length, entityId: id, kind: 'place' as const });
      }
      return mentions;
    },
  };
}

describe('annotateText', () => {
  const matcher = wordMatcher({ وطاجيكستان: 'tajikistan', روسيا: 'russia' });

  it('wraps mentions, inside and outside quotes', () => {
    const { inlines } = annotateText('زار وطاجيكستان وقال "روسيا قريبة".', matcher);
    expect(inlines).toEqual([
      { type: 'text', value: 'زار ' },
      { type: 'entity', id: 'tajikistan', value: 'وطاجيكستان' },
      { type: 'text', value: ' وقال ' },
      { type: 'quote', children: [{ type: 'text', value: '"' }, { type: 'entity', id: 'russia', value: 'روسيا' }, { type: 'text', value: ' قريبة"' }] },
      { type: 'text', value: '.' },
    ]);
  });

  it('drops a mention that straddles a quote mark', () => {
    const straddling: EntityMatcher = { find: () => [{ start: 0, end: 4, entityId: 'x', kind: 'place' }] };
    const { inlines, mentions } = annotateText('ab"cd" e', straddling);
    expect(mentions).toEqual([]);
    expect(inlines.some((p) => p.type === 'entity')).toBe(false);
  });

  it('gives back exactly the input text for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '“', '”', '«', '»', ' ', 'ا', 'روسيا', 'وطاجيكستان', '.', 'x') }), (text) => {
        expect(inlineText(annotateText(text, matcher).inlines)).toBe(text);
      }),
    );
  });
});
