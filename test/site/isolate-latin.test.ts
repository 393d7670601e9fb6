import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlToHast, markdownToHtml } from 'satteri';
import { isolateLatin, isolateLatinRuns } from '../../src/site/isolate-latin';

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

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

/** The hast tree of a Markdown text rendered by Sätteri, with or without the plugin. */
function treeOf(markdown: string, plugin: boolean): HastNode {
  const { html } = markdownToHtml(markdown, { features: { smartPunctuation: false }, hastPlugins: plugin ? [isolateLatin] : [] });
  return htmlToHast(html, { fragment: true }) as HastNode;
}

function textContent(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textContent).join('');
}

/** Each `<bdi>` with the tag names of its ancestors. */
function isolates(node: HastNode, path: string[] = []): Array<{ text: string; inside: string[] }> {
  if (node.tagName === 'bdi') return [{ text: textContent(node), inside: path }];
  return (node.children ?? []).flatMap((child) => isolates(child, node.tagName ? [...path, node.tagName] : path));
}

describe('the isolateLatin hast plugin, on rendered trees', () => {
  it('wraps each Latin run in <bdi>, in a paragraph, a link and emphasis alike', () => {
    const tree = treeOf('منظمة (CSTO) و[الرابط Public Domain](https://x.org) _نص EU_', true);
    expect(isolates(tree)).toEqual([
      { text: 'CSTO', inside: ['p'] },
      { text: 'Public Domain', inside: ['p', 'a'] },
      { text: 'EU', inside: ['p', 'em'] },
    ]);
  });

  it('leaves code alone', () => {
    expect(isolates(treeOf('النص `NATO` فقط', true))).toEqual([]);
  });

  it('adds elements only: the text of the tree is unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('CSTO', ' ', 'نص', '2025', '(', ')', 'a.b/c', '،', 'Ü', '-', '_x_', '`y`'), { minLength: 1, maxLength: 20 }), (parts) => {
        const markdown = parts.join('');
        expect(textContent(treeOf(markdown, true))).toBe(textContent(treeOf(markdown, false)));
      }),
      { numRuns: 200 },
    );
  });
});
