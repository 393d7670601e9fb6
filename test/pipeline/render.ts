/**
 * Render MDX to visible text with a tiny JSX runtime: the test sees exactly the text a reader would,
 * one line per block, through @mdx-js/mdx (the reference compiler) or satteri (Astro 7's compiler).
 */
import { evaluateSync } from '@mdx-js/mdx';
import { evaluate as evaluateSatteri } from 'satteri';

const Fragment = Symbol('Fragment');
interface Element {
  type: unknown;
  props: { children?: unknown };
}
const jsx = (type: unknown, props: { children?: unknown }): Element => ({ type, props });
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'section']);

/** Stub components: mark where they render, keep their children. */
const components = Object.fromEntries(
  ['Entity', 'Quote', 'Question', 'Answer'].map((name) => [name, (props: { children?: unknown }) => jsx(`x-${name}`, props)]),
);

function text(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  const element = node as Element;
  if (typeof element.type === 'function') return text((element.type as (p: unknown) => unknown)(element.props));
  const inner = text(element.props.children);
  return typeof element.type === 'string' && BLOCKS.has(element.type) ? `\n${inner}\n` : inner;
}

/** The blocks' visible texts (one per paragraph or heading), whitespace collapsed. */
function blocks(rendered: string): string[] {
  return rendered
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
}

/** Evaluate MDX with @mdx-js/mdx and return its blocks' texts; throws if it is not plain content. */
export function renderWithMdxJs(mdx: string): string[] {
  const { default: Content } = evaluateSync(mdx, { Fragment, jsx, jsxs: jsx } as never) as { default: (p: unknown) => unknown };
  return blocks(text(Content({ components })));
}

/** Evaluate MDX with satteri and GFM on, as Astro 7 compiles the site's pages. */
export function renderWithSatteri(mdx: string): string[] {
  const module = evaluateSatteri(mdx, { Fragment, jsx, jsxs: jsx, features: { gfm: true } } as never) as { default: (p: unknown) => unknown };
  return blocks(text(module.default({ components })));
}
