import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isolateLatinRuns } from '../../src/site/isolate-latin';

const textOf = (pieces: NonNullable<ReturnType<typeof isolateLatinRuns>>) =>
  pieces.map((p) => (p.type === 'text' ? p.value : p.children[0].value)).join('');

describe('isolating Latin runs', () => {
  it('wraps an abbreviation inside Arabic in <bdi>', () => {
    const pieces = isolateLatinRuns('منظمة معاهدة الأمن الجماعي (CSTO) وما حولها')!;
    expect(pieces.filter((p) => p.type === 'element').map((p) => (p.type === 'element' ? p.children[0].value : ''))).toEqual(['CSTO']);
  });

  it('keeps a credit or URL together as one run', () => {
    const pieces = isolateLatinRuns('الصورة: Public Domain/Collective Security Treaty Organization، https://r.rtarabic.com/s4vq')!;
    const runs = pieces.flatMap((p) => (p.type === 'element' ? [p.children[0].value] : []));
    expect(runs).toEqual(['Public Domain/Collective Security Treaty Organization', 'https://r.rtarabic.com/s4vq']);
  });

  it('leaves Arabic-only text alone', () => {
    expect(isolateLatinRuns('نص عربي 2025 فقط')).toBeNull();
  });

  it('never changes the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('CSTO', ' ', 'نص', '2025', '(', ')', 'a.b/c', '،', 'Ü', '-'), { maxLength: 30 }), (parts) => {
        const value = parts.join('');
        const pieces = isolateLatinRuns(value);
        expect(pieces === null ? value : textOf(pieces)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
