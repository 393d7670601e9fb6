import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { frontmatterYaml } from '../../../src/pipeline/mdx/frontmatter';
import { line } from '../arbitraries';

/** The writer with the options the frontmatter is written with. */
const written = (data: Record<string, unknown>): string => stringify(data, { version: '1.1', lineWidth: 0, minContentWidth: 0, singleQuote: false });

/** Strings a YAML reader could take for something else, or that need quotes or escapes. */
const tricky = fc.constantFrom(
  '', ' ', 'a ', ' a', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'null', 'Null', '~', '<<', '2025-01-29', '2025-1-2', '12', '0x1F', '0o7', '010', '1_000', '1:20', '1:20.5', '1e3', '.5', '.inf', '.NaN',
  '-', '- a', '?', '? a', ':', 'a:', 'a: b', 'a:b', 'a #b', 'a#b', '#a', '%a', '---', '--- a', '...', '@a', '`a', '|', '>', '!a', '&a', '*a', "'a'", '"a"', 'a"b', 'a\\b', 'a\\nb', ' \\n',
  '{a}', '[a]', 'a, b', 'a\nb', 'a\n', '\ta', 'a\u0085b', 'a\u00a0b', 'a\u2028b', '\u0007', '😀', '\ud800',
  'المصدر: تاس', 'U+00A0', 'تاس', 'عنوان — فرعي', 'http://x.org', 'قال: «نعم»',
);
const text = fc.oneof(tricky, line, fc.string({ maxLength: 8 }));
const scalar = fc.oneof(text, text, fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 100000 }), fc.constantFrom(0.5, -0, 1e21, Number.NaN), fc.constant(undefined));
const name = fc.oneof(fc.constantFrom('id', 'title', 'people', 'line', 'text', 'rule', 'field', 'value', 'yes', 'no', 'y', 'a b', '1', 'x-y', 'reason'), fc.string({ maxLength: 4 }));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(name, tie('value'), { maxKeys: 4 }),
  ),
}));
const frontmatter = fc.dictionary(name, value, { minKeys: 0, maxKeys: 6 });

describe('frontmatter YAML', () => {
  it('writes exactly what the yaml writer writes (3,000 runs)', () => {
    fc.assert(
      fc.property(frontmatter, (data) => {
        expect(frontmatterYaml(data)).toBe(written(data));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes an object met twice as the writer does, with an anchor', () => {
    const source = { id: 'tass', ar: 'تاس' };
    const data = { source, provenance: { overrides: [{ field: 'source', value: source }] } };
    expect(frontmatterYaml(data)).toBe(written(data));
    expect(frontmatterYaml(data)).toContain('&');
  });

  it('writes frontmatter shaped like an article', () => {
    const data = {
      id: '000005_synthetic',
      title: 'أريد أن أؤكد',
      published: '2013-01-19',
      source: { id: 'tass', ar: 'تاس', en: 'TASS' },
      shortLink: null,
      headings: [{ depth: 2, text: 'عنوان', slug: 'عنوان' }],
      people: ['stanislav-zas'],
      places: [],
      wordCount: 560,
      provenance: {
        removed: [{ line: 12, text: 'المصدر: تاس', rule: 'source-line', field: 'source' }],
        normalized: [{ line: 9, column: 161, from: 'U+00A0', to: ' ', rule: 'no-break-space' }],
        overrides: [{ field: 'people', value: ['a', 'b'], reason: 'x' }, { field: 'category', value: null, reason: 'y' }],
      },
    };
    expect(frontmatterYaml(data)).toBe(written(data));
  });
});
