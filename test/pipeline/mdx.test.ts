import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bodyToMdast, mdastToMdx, renderMdxFile, verifyRoundTrip } from '../../src/pipeline/mdx';

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
      'زار <Entity id="tajikistan">وطاجيكستان</Entity>\n\n## أرمينيا\n\n<Question>\n  – سؤال؟\n</Question>\n\n<Answer>\n  <Quote>“جواب”</Quote>\n\n  تتمة.\n</Answer>\n',
    );
    expect(verifyRoundTrip(tree, mdx)).toEqual([]);
  });

  it('escapes import/export at the start of a paragraph so they are not ESM', () => {
    const tree = bodyToMdast([{ kind: 'paragraph', inlines: [{ type: 'text', value: 'export const a = 1' }] }]);
    const mdx = mdastToMdx(tree);
    expect(mdx).toBe('&#x65;xport const a = 1\n');
    expect(verifyRoundTrip(tree, mdx)).toEqual([]);
  });

  it('refuses MDX that does not parse back to the same tree', () => {
    const tree = bodyToMdast([{ kind: 'paragraph', inlines: [{ type: 'text', value: 'import x from "y"' }] }]);
    expect(verifyRoundTrip(tree, 'import x from "y"\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
    expect(verifyRoundTrip(tree, '{x}\n')).toMatchObject([{ ruleId: 'mdx-syntax', fatal: true }]);
  });

  it('quotes date-like strings in frontmatter so a YAML 1.1 reader keeps them strings', () => {
    const file = renderMdxFile({ published: '2025-01-29', flag: 'yes', title: 'عنوان: فرعي' }, 'نص\n');
    expect(file).toBe('---\npublished: "2025-01-29"\nflag: "yes"\ntitle: "عنوان: فرعي"\n---\n\nنص\n');
    expect(parse(file.split('---\n')[1] ?? '', { version: '1.1' })).toEqual({ published: '2025-01-29', flag: 'yes', title: 'عنوان: فرعي' });
  });
});
