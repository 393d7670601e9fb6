/**
 * Article text is data, never code: for generated inputs full of MDX, JSX, ESM and markdown syntax,
 * the compiled page shows exactly the cleaned input text, block by block.
 */
import fc from 'fast-check';
import { seedText } from '../arbitraries';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../../src/pipeline/index';
import { readSeed } from '../../../src/pipeline/text/read';
import { baseConfig } from '../config';
import { renderWithMdxJs, renderWithSatteri } from '../render';

const config = baseConfig();

/** The text a reader must see: the read stage's lines, minus removed ones, trimmed, non-blank. */
function expectedBlocks(text: string, removedLines: ReadonlySet<number>): string[] {
  const lines = readSeed(new TextEncoder().encode(text)).seed?.lines ?? [];
  return lines
    .filter((_, index) => !removedLines.has(index + 1))
    .map((l) => l.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

describe('MDX safety', () => {
  it('renders every generated input as its literal text with @mdx-js/mdx (1,000 runs)', () => {
    fc.assert(
      fc.property(seedText, (text) => {
        const result = ingestSeed({ fileName: 'generated.txt', bytes: new TextEncoder().encode(text) }, config);
        expect(result.messages.filter((m) => m.fatal)).toEqual([]);
        const mdx = result.mdx ?? '';
        const body = mdx.slice(mdx.indexOf('\n---\n') + 5);
        const removed = new Set(result.article?.provenance.removed.map((r) => r.line));
        expect(renderWithMdxJs(body)).toEqual(expectedBlocks(text, removed));
      }),
      { numRuns: 1000 },
    );
  });

  it('renders every generated input as its literal text with satteri and GFM, as the site does (1,000 runs)', () => {
    fc.assert(
      fc.property(seedText, (text) => {
        const result = ingestSeed({ fileName: 'generated.txt', bytes: new TextEncoder().encode(text) }, config);
        const mdx = result.mdx ?? '';
        const removed = new Set(result.article?.provenance.removed.map((r) => r.line));
        expect(renderWithSatteri(mdx.slice(mdx.indexOf('\n---\n') + 5))).toEqual(expectedBlocks(text, removed));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a paragraph starting with import or export as text, not ESM', () => {
    // Between two sentences, so the lines are body text (below the last sentence they would be page furniture).
    const text = 'قال المتحدث إن الاجتماع انتهى.\nimport fs from "node:fs"\nexport const leak = fs\nوأضاف أن الجولة المقبلة ستعقد قريبا.';
    const result = ingestSeed({ fileName: 'esm.txt', bytes: new TextEncoder().encode(text) }, config);
    expect(result.mdx).toContain('&#x69;mport fs');
    expect(renderWithMdxJs(result.mdx ?? '')).toContain('import fs from "node:fs"');
  });
});
