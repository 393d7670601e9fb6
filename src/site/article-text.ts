/**
 * The one way an article body becomes plain text: the words a reader sees, in order, with where
 * each entity mention sits. It walks the hast tree Sätteri makes of the MDX — the tree the page's
 * HTML is rendered from (src/site/article-html.ts) — so search records, entity snippets and the
 * text exports read exactly what the page shows, and no second parser has its own idea of MDX.
 */
import { mdxToHast } from 'satteri';

/** A mention in the plain text: [start, end) in UTF-16 units. */
interface PlainMention {
  entityId: string;
  start: number;
  end: number;
}

/** The reader's text of a body and its entity mentions. */
export interface ArticleText {
  text: string;
  mentions: PlainMention[];
}

/** The slice of a hast / MDX-hast node this walk reads. */
export interface TextTreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  attributes?: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  children?: readonly TextTreeNode[];
}

/** Elements that continue the line; every other element is a block. */
const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);

/** Code, not prose shown to readers (the renderer refuses them in articles anyway). */
const SKIPPED = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'comment', 'doctype', 'raw']);

const WHITESPACE = /\s/;
const LINE_BREAKS = /\r?\n+/;

function entityIdOf(node: TextTreeNode): string | undefined {
  if (node.name !== 'Entity') return undefined;
  const id = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
  return typeof id === 'string' ? id : '';
}

/**
 * Text and mentions of a hast tree of an article body, before its components are replaced (an
 * `Entity` still carries its id). Line breaks and the edges of blocks become one space unless the
 * text already ends in whitespace; a block is set off by a space on both sides, the start and end of
 * the text included, so offsets are those of the text cut from the MDX source, which begins and ends
 * with a line break. Spaces inside a line are kept as written.
 */
export function articleTextOf(tree: TextTreeNode): ArticleText {
  // Pieces are joined once, and the last character is remembered rather than read back: reading
  // the end of a growing concatenated string flattens it each time (quadratic).
  const pieces: string[] = [];
  let length = 0;
  let lastChar = '';
  const append = (piece: string): void => {
    if (piece === '') return;
    pieces.push(piece);
    length += piece.length;
    lastChar = piece.at(-1) ?? lastChar;
  };
  const boundary = (): void => {
    if (lastChar === '' || !WHITESPACE.test(lastChar)) append(' ');
  };
  const mentions: PlainMention[] = [];

  const walk = (node: TextTreeNode): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'text') {
      const lines = String(node.value ?? '').split(LINE_BREAKS);
      lines.forEach((line, i) => {
        if (i > 0) boundary();
        append(line);
      });
      return;
    }
    if (node.type === 'element' && node.tagName === 'br') {
      boundary();
      return;
    }
    const block =
      node.type === 'mdxJsxFlowElement' || (node.type === 'element' && !INLINE_ELEMENTS.has(node.tagName ?? ''));
    const entityId = node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement' ? entityIdOf(node) : undefined;
    if (block) boundary();
    const start = length;
    for (const child of node.children ?? []) walk(child);
    if (entityId !== undefined) mentions.push({ entityId, start, end: length });
    if (block) boundary();
  };
  boundary();
  walk(tree);
  boundary();
  return { text: pieces.join(''), mentions };
}

/** The parser features the site renders with (src/site/article-html.ts). */
export const ARTICLE_FEATURES = { gfm: true, smartPunctuation: false } as const;

/** Text and mentions of an MDX body (no frontmatter), for callers that have no tree yet. */
export function articleTextOfMdx(body: string): ArticleText {
  return articleTextOf(mdxToHast(body, { features: ARTICLE_FEATURES }) as TextTreeNode);
}

/** The text on one line: runs of whitespace as one space, none at the ends (exports, search). */
export function collapsedText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text the article loader keeps beside an entry's HTML (`rendered.metadata`), so pages never
 * parse a body again.
 */
export function storedArticleText(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): ArticleText {
  const metadata = entry.rendered?.metadata;
  const text = metadata?.['text'];
  const mentions = metadata?.['mentions'];
  if (typeof text !== 'string' || !Array.isArray(mentions)) throw new Error(`article ${entry.id} has no plain text in the content store; the article loader keeps it with the HTML`);
  return { text, mentions: mentions as PlainMention[] };
}
