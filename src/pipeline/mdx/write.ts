/**
 * MDX: article blocks → mdast (with MDX JSX nodes) → MDX text, plus the YAML frontmatter.
 * Article text is data, never code: after serializing, the output is parsed back — by satteri,
 * the compiler the site builds with, with the site's features — and must give the very same tree:
 * no ESM, no expressions, no markdown constructs the text did not ask for.
 */
import type { Heading, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defaultHandlers, toMarkdown, type Handle, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMdast, type Features } from 'satteri';
import { stringify } from 'yaml';
import type { Inline } from '../entities/annotate';
import { fatal, type PipelineMessage } from '../messages';

/** A body block whose paragraphs are already annotated. */
export type AnnotatedBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'question' | 'answer'; paragraphs: Inline[][] };

/** The component names the site supplies; the MDX uses no others. */
const COMPONENTS = { entity: 'Entity', quote: 'Quote', question: 'Question', answer: 'Answer' } as const;

/** Build the mdast tree of an article body. */
export function bodyToMdast(blocks: readonly AnnotatedBlock[]): Root {
  const children: RootContent[] = blocks.map((block): RootContent => {
    switch (block.kind) {
      case 'heading':
        return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] } satisfies Heading;
      case 'paragraph':
        return paragraph(block.inlines);
      case 'question':
      case 'answer':
        return {
          type: 'mdxJsxFlowElement',
          name: COMPONENTS[block.kind],
          attributes: [],
          children: block.paragraphs.map(paragraph),
        } satisfies MdxJsxFlowElement;
    }
  });
  return { type: 'root', children };
}

/** The HTML paragraph element, written out for paragraphs that hold only JSX elements. */
const EXPLICIT_PARAGRAPH = 'p';

function paragraph(inlines: readonly Inline[]): MdParagraph {
  const children = inlines.map(phrasing);
  // The site's compiler (satteri) reads a line that holds only JSX elements and spaces as JSX
  // blocks: the paragraph would lose its <p> and the spaces between the elements. Written inside
  // an explicit <p> on the same line, the elements stay inline and the spaces stay.
  if (children.every((child) => child.type !== 'text' || !/\S/u.test(child.value))) {
    return { type: 'paragraph', children: [{ type: 'mdxJsxTextElement', name: EXPLICIT_PARAGRAPH, attributes: [], children }] };
  }
  return { type: 'paragraph', children };
}

function phrasing(piece: Inline): PhrasingContent {
  switch (piece.type) {
    case 'text':
      return { type: 'text', value: piece.value } satisfies Text;
    case 'entity':
      return {
        type: 'mdxJsxTextElement',
        name: COMPONENTS.entity,
        attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: piece.id }],
        children: [{ type: 'text', value: piece.value }],
      } satisfies MdxJsxTextElement;
    case 'quote':
      return {
        type: 'mdxJsxTextElement',
        name: COMPONENTS.quote,
        attributes: [],
        children: piece.children.map(phrasing),
      } satisfies MdxJsxTextElement;
  }
}

/**
 * The MDX serializer does not escape `import`/`export` at the start of a line, which MDX would
 * then run as ESM at build time. These patterns make it write the first letter as a character
 * reference (`&#x69;mport`), which renders as the same text.
 */
export const ESM_UNSAFE: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport' },
  { character: 'e', atBreak: true, after: 'xport' },
  // The site compiles MDX with GFM, where ~~text~~ (and ~text~) would be struck through.
  { character: '~' },
  // GFM autolink literals in Astro's compiler swallow a following backslash escape, turning an
  // escaped `\<Component />` after a URL into live JSX. With the scheme colon or the `www.` dot
  // escaped, the same text is shown and the escape after the URL holds (satteri still links the
  // URL; the parse-back accepts a link that shows exactly its source text).
  { character: ':', before: '[Hh][Tt][Tt][Pp][Ss]?|[Mm][Aa][Ii][Ll][Tt][Oo]|[Xx][Mm][Pp][Pp]|[Ff][Tt][Pp]' },
  { character: '.', before: '[Ww][Ww][Ww]' },
];

/**
 * The serializer's own text handler, run with only the unsafe patterns whose character occurs in
 * the text or its context. Each pattern is a regular expression around one literal character, so
 * a pattern whose character is absent matches nothing there: the output is the same, but a
 * paragraph is no longer scanned once per pattern (about fifty of them).
 */
const text: Handle = (node, parent, state, info) => {
  const all = state.unsafe;
  const subject = `${info.before}${(node as Text).value}${info.after}`;
  const present = new Uint8Array(128);
  for (let i = 0; i < subject.length; i++) {
    const unit = subject.charCodeAt(i);
    if (unit < 128) present[unit] = 1;
  }
  // Every pattern character is ASCII; any other pattern is kept, to be safe.
  state.unsafe = all.filter(({ character }) => character.length !== 1 || character.charCodeAt(0) >= 128 || present[character.charCodeAt(0)] === 1);
  try {
    return defaultHandlers.text(node as Text, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/** Serializer settings, built once: the MDX extension, the extra unsafe patterns, the text handler. */
const TO_MARKDOWN: ToMarkdownOptions = { extensions: [mdxToMarkdown()], unsafe: ESM_UNSAFE, bullet: '-', emphasis: '_', handlers: { text } };

/** Serialize an article body tree to MDX text (no frontmatter). */
export function mdastToMdx(tree: Root): string {
  return toMarkdown(tree, TO_MARKDOWN);
}

/** The syntax the site's MDX compiler reads (astro.config.mjs: satteri, GFM on, no smart punctuation). */
const SITE_FEATURES: Features = { gfm: true, smartPunctuation: false, frontmatter: false };

/** Parse an MDX body back to a tree, the way the site's compiler (satteri) reads it. */
export function parseMdx(mdx: string): Root {
  return mdxToMdast(mdx, { features: SITE_FEATURES, position: false }) as Root;
}

/**
 * Check that `mdx` parses back to exactly `tree`: same blocks, same text, same elements.
 * Anything else (ESM, expressions, emphasis, links, lists …) means text would have become code
 * or markup, and the article must not be written.
 */
export function verifyRoundTrip(tree: Root, mdx: string): PipelineMessage[] {
  let parsed: Root;
  try {
    parsed = parseMdx(mdx);
  } catch (error) {
    return [fatal('mdx-syntax', `the generated MDX does not parse (${(error as Error).message}); please report this with the seed file`)];
  }
  const compiled = asCompiled(tree);
  const read = withoutAutolinks(parsed);
  if (sameNode(compiled as unknown as Comparable, read as unknown as Comparable)) return [];
  const expected = canonical(compiled);
  const actual = canonical(read);
  if (expected === actual) return [];
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index++;
  const context = actual.slice(Math.max(0, index - 40), index + 40);
  return [
    fatal('mdx-syntax', `the generated MDX would not render as the literal text (it differs near ${JSON.stringify(context)}); the article was not written — please report this with the seed file`),
  ];
}

/**
 * The tree as the compiler must read the serialized text: a paragraph made of one explicit <p>
 * element is that element, as a block holding the paragraph's inline content.
 */
function asCompiled<T extends Root | RootContent>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).map((child): RootContent => {
    const only = child.type === 'paragraph' && child.children.length === 1 ? child.children[0] : undefined;
    if (only?.type === 'mdxJsxTextElement' && only.name === EXPLICIT_PARAGRAPH) return { ...only, type: 'mdxJsxFlowElement' } as unknown as MdxJsxFlowElement;
    return asCompiled(child);
  });
  return { ...node, children } as T;
}

/**
 * The site's compiler links URLs and e-mail addresses found in text (GFM autolink literals), and
 * no escape stops it. Such a link shows exactly the text of the source and adds only an address
 * made from that text, so it is read as that text. Any other link is markup the text did not ask for.
 */
function withoutAutolinks<T extends Root | RootContent>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).flatMap((child): RootContent[] => {
    if (child.type === 'link' && child.children.every((c) => c.type === 'text')) {
      const text = child.children.map((c) => (c as Text).value).join('');
      if ([text, `http://${text}`, `mailto:${text}`].includes(child.url)) return child.children;
    }
    return [withoutAutolinks(child)];
  });
  return { ...node, children } as T;
}

type Comparable = { type: string; value?: unknown; depth?: unknown; name?: unknown; attributes?: Array<{ name?: unknown; value?: unknown }>; children?: Comparable[] };

/**
 * True when two trees have the same canonical form (below), compared in place without building
 * it. Answers false whenever it cannot tell cheaply — an attribute value that is not a string, two
 * adjacent text nodes that the canonical form would merge — and the canonical forms then decide.
 */
function sameNode(a: Comparable, b: Comparable): boolean {
  if (a.type !== b.type || a.value !== b.value || a.depth !== b.depth || a.name !== b.name) return false;
  if (typeof a.value === 'object' && a.value !== null) return false;
  if (!sameAttributes(a.attributes, b.attributes)) return false;
  const left = a.children;
  const right = b.children;
  if (left === undefined || right === undefined) return left === right;
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    if (i > 0 && ((left[i]!.type === 'text' && left[i - 1]!.type === 'text') || (right[i]!.type === 'text' && right[i - 1]!.type === 'text'))) return false;
    if (!sameNode(left[i]!, right[i]!)) return false;
  }
  return true;
}

function sameAttributes(a: Comparable['attributes'], b: Comparable['attributes']): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  return a.every((attribute, i) => {
    const other = b[i]!;
    const value = attribute.value ?? null;
    return (attribute.name ?? null) === (other.name ?? null) && (value === null || typeof value === 'string') && value === (other.value ?? null);
  });
}

/** A position-free JSON form of a tree with adjacent text nodes merged. */
function canonical(node: Root): string {
  return JSON.stringify(strip(node));
}

function strip(node: unknown): unknown {
  const n = node as { type: string; value?: string; depth?: number; name?: string; attributes?: Array<{ name?: string; value?: unknown }>; children?: unknown[] };
  const out: Record<string, unknown> = { type: n.type };
  if (n.value !== undefined) out['value'] = n.value;
  if (n.depth !== undefined) out['depth'] = n.depth;
  if (n.name !== undefined) out['name'] = n.name;
  if (n.attributes !== undefined) out['attributes'] = n.attributes.map((a) => [a.name ?? null, a.value ?? null]);
  if (n.children !== undefined) {
    const children: Array<Record<string, unknown>> = [];
    for (const child of n.children.map(strip) as Array<Record<string, unknown>>) {
      const last = children[children.length - 1];
      if (child['type'] === 'text' && last?.['type'] === 'text') last['value'] = String(last['value']) + String(child['value']);
      else children.push(child);
    }
    out['children'] = children;
  }
  return out;
}

/** Write frontmatter and body as one MDX file. Keys keep the order of `frontmatter`. */
export function renderMdxFile(frontmatter: Record<string, unknown>, body: string): string {
  // YAML 1.1 rules make the writer quote strings a YAML 1.1 reader (Astro uses js-yaml) would turn
  // into dates, booleans or numbers — "2025-01-29" stays a string.
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0, minContentWidth: 0, singleQuote: false });
  return `---\n${yaml}---\n\n${body}`;
}
