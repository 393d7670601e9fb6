import fc from 'fast-check';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Inline } from '../../../src/pipeline/entities/annotate';
import { bodyToMdast, ESM_UNSAFE, mdastToMdx, renderMdxFile, verifyRoundTrip, type AnnotatedBlock } from '../../../src/pipeline/mdx/write';
import { line } from '../arbitraries';
import { renderWithSatteri } from '../render';

const textPiece = line.map((value) => ({ type: 'text' as const, value }));
const entityPiece = line.map((value) => ({ type: 'entity' as const, id: 'x', value: value || 'x' }));
const inlines: fc.Arbitrary<Inline[]> = fc.array(
  fc.oneof(textPiece, entityPiece, fc.array(fc.oneof(textPiece, entityPiece), { minLength: 1, maxLength: 3 }).map((children) => ({ type: 'quote' as const, children }))),
  { minLength: 1, maxLength: 5 },
);
const blocks: fc.Arbitrary<AnnotatedBlock[]> = fc.array(
  fc.oneof(
    line.map((text) => ({ kind: 'heading' as const, text })),
    inlines.map((pieces) => ({ kind: 'paragraph' as const, inlines: pieces })),
    fc.tuple(fc.constantFrom('question' as const, 'answer' as const), fc.array(inlines, { minLength: 1, maxLength: 3 })).map(([kind, paragraphs]) => ({ kind, paragraphs })),
  ),
  { minLength: 1, maxLength: 6 },
);

describe('mdx', () => {
  it('serializes headings, entities, quotes and Q&A as the contract says', () => {
    const tree = bodyToMdast([
      { kind: 'paragraph', inlines: [{ type: 'text', value: 'زار ' }, { type: 'entity', id: 'tajikistan', value: 'وطاجيكستان' }] },
      { kind: 'heading', text: 'أرمينيا' },
      { kind: 'question', paragraphs: [[{ type: 'text', value: '– سؤال؟' }]] },
      { kind: 'answer', paragraphs: [[{ type: 'quote', children: [{ type: 'text', value: '“جواب”' }] }], [{ type: 'text', value: 'تتمة.' }]] },
    ]);
    const mdx = mdastToMdx(tree);
    expect(mdx).toBe(
      'زار <Entity id="tajikistan">وطاجيكستان</Entity>\n\n## أرمينيا\n\n<Question>\n  – سؤال؟\n</Question>\n\n<Answer>\n  <p><Quote>“جواب”</Quote></p>\n\n  تتمة.\n</Answer>\n',
    );
    expect(verifyRoundTrip(tree, mdx)).toEqual([]);
  });

  it('escapes import/export at the start of a paragraph so they are not ESM', () => {
    const tree = bodyToMdast([{ kind: 'paragraph', inlines: [{ type: 'text', value: 'export const a = 1' }] }]);
    const mdx = mdastToMdx(tree);
    expect(mdx).toBe('&#x65;xport const a = 1\n');
    expect(verifyRoundTrip(tree, mdx)).toEqual([]);
  });

  it('writes exactly what the plain mdast serializer writes (the text handler only skips patterns that cannot match)', () => {
    fc.assert(
      fc.property(blocks, (body) => {
        const tree = bodyToMdast(body);
        expect(mdastToMdx(tree)).toBe(toMarkdown(tree, { extensions: [mdxToMarkdown()], unsafe: ESM_UNSAFE, bullet: '-', emphasis: '_' }));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses MDX that does not parse back to the same tree', () => {
    const tree = bodyToMdast([{ kind: 'paragraph', inlines: [{ type: 'text', value: 'import x from "y"' }] }]);
    expect(verifyRoundTrip(tree, 'import x from "y"\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
    expect(verifyRoundTrip(tree, '{x}\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
    expect(verifyRoundTrip(tree, 'import x from "y" ~~z~~\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
  });

  it('refuses strikethrough the site compiler would read, and reads its autolinked URLs as their text', () => {
    const tree = bodyToMdast([{ kind: 'paragraph', inlines: [{ type: 'text', value: 'a ~~b~~ www.example.org' }] }]);
    expect(verifyRoundTrip(tree, 'a ~~b~~ www.example.org\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
    expect(mdastToMdx(tree)).toBe('a \\~\\~b\\~\\~ www\\.example.org\n');
    expect(verifyRoundTrip(tree, mdastToMdx(tree))).toEqual([]);
    // A link the text did not spell out is markup, not text.
    expect(verifyRoundTrip(tree, 'a \\~\\~b\\~\\~ [www.example.org](https://evil.example)\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
  });

  it('writes a paragraph of only quotes and mentions inside <p>, so the site keeps the paragraph and its spaces', () => {
    const inlines: Inline[] = [
      { type: 'entity', id: 'moscow', value: 'موسكو' },
      { type: 'text', value: ' ' },
      { type: 'quote', children: [{ type: 'text', value: '«نعم»' }] },
    ];
    const tree = bodyToMdast([{ kind: 'paragraph', inlines }, { kind: 'answer', paragraphs: [inlines] }]);
    const mdx = mdastToMdx(tree);
    expect(mdx).toBe('<p><Entity id="moscow">موسكو</Entity> <Quote>«نعم»</Quote></p>\n\n<Answer>\n  <p><Entity id="moscow">موسكو</Entity> <Quote>«نعم»</Quote></p>\n</Answer>\n');
    expect(verifyRoundTrip(tree, mdx)).toEqual([]);
    expect(renderWithSatteri(mdx)).toEqual(['موسكو «نعم»', 'موسكو «نعم»']);
    // Without the <p>, the site's compiler reads the line as two blocks and drops the space.
    expect(verifyRoundTrip(tree, mdx.replaceAll('<p>', '').replaceAll('</p>', ''))).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
  });

  it('quotes date-like strings in frontmatter so a YAML 1.1 reader keeps them strings', () => {
    const file = renderMdxFile({ published: '2025-01-29', flag: 'yes', title: 'عنوان: فرعي' }, 'نص\n');
    expect(file).toBe('---\npublished: "2025-01-29"\nflag: "yes"\ntitle: "عنوان: فرعي"\n---\n\nنص\n');
    expect(parse(file.split('---\n')[1] ?? '', { version: '1.1' })).toEqual({ published: '2025-01-29', flag: 'yes', title: 'عنوان: فرعي' });
  });
});
