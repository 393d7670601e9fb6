/**
 * Hast plugin for Astro's Markdown processor (Sätteri): wrap every run of Latin script in article
 * text in `<bdi>`, so "CSTO", "Public Domain/…" or a URL keeps its own direction and never
 * reorders the Arabic around it. Only elements are added; the text itself is untouched.
 */
import { defineHastPlugin } from 'satteri';
import { splitLatinRuns } from './latin-runs';

/** Elements whose text is already isolated or is not prose. */
const SKIPPED = new Set(['bdi', 'bdo', 'code', 'pre', 'script', 'style', 'kbd', 'samp']);

export type IsolatedPiece = { type: 'text'; value: string } | { type: 'element'; tagName: 'bdi'; properties: Record<string, never>; children: [{ type: 'text'; value: string }] };

/** Split one text value into text and `<bdi>` pieces; null when it holds no Latin run. */
export function isolateLatinRuns(value: string): IsolatedPiece[] | null {
  const pieces = splitLatinRuns(value);
  if (!pieces.some((piece) => piece.latin)) return null;
  return pieces.map((piece): IsolatedPiece =>
    piece.latin ? { type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: piece.text }] } : { type: 'text', value: piece.text },
  );
}

/** The plugin: rewrite text nodes whose parent is not in `SKIPPED`. */
export const isolateLatin = defineHastPlugin({
  name: 'arshif-isolate-latin',
  text(node, ctx) {
    const parent = ctx.parent(node) as { type: string; tagName?: string; name?: string | null } | undefined;
    const tag = parent?.tagName ?? parent?.name ?? '';
    if (SKIPPED.has(tag)) return;
    const pieces = isolateLatinRuns(node.value);
    if (pieces !== null) ctx.replaceNode(node, pieces);
  },
});
