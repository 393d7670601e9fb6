/** Latin runs (CSTO, URLs, an editor's note in English) are isolated wherever a page shows them. */
import { describe, expect, inject, it } from 'vitest';
import { ELEMENT_NODE, TEXT_NODE } from 'ultrahtml';
import { decodeEntities, listFiles, readPage } from './dist';

const siteDir = inject('siteDir');

type Node = { type: number; name?: string; value?: string; attributes?: Record<string, string>; children?: Node[] };

/** Text nodes with a Latin letter that no `<bdi>` or `dir` attribute isolates. */
function unisolatedLatin(node: Node, isolated = false, out: string[] = []): string[] {
  if (node.type === TEXT_NODE) {
    const text = decodeEntities(node.value ?? '');
    if (!isolated && /[A-Za-z]/.test(text)) out.push(text.trim().slice(0, 80));
    return out;
  }
  if (node.type === ELEMENT_NODE && ['script', 'style', 'svg', 'kbd', 'code'].includes(node.name ?? '')) return out;
  const here = isolated || node.name === 'bdi' || (node.type === ELEMENT_NODE && node.attributes?.['dir'] !== undefined);
  for (const child of node.children ?? []) unisolatedLatin(child, here, out);
  return out;
}

describe('bidirectional text', () => {
  it('isolates every Latin run in the visible text of every page', () => {
    const found: string[] = [];
    for (const file of listFiles(siteDir).filter((f) => f.endsWith('.html'))) {
      const body = readPage(siteDir, file).elements.find((el) => el.name === 'body');
      expect(body, file).toBeDefined();
      for (const text of unisolatedLatin(body as Node)) found.push(`${file}: ${text}`);
    }
    expect(found).toEqual([]);
  });
});
