/** The visible text of an article's MDX body, as a reader sees it on the page (tags gone, text kept). */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';

interface TreeNode {
  type: string;
  value?: unknown;
  children?: TreeNode[];
}

/** Node types whose content is code, not prose shown to readers. */
const SKIPPED = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'yaml', 'toml']);

/** Phrasing content: it continues the line, so no space is added after it. */
const INLINE = new Set(['text', 'inlineCode', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Collect text in document order; every block ends in a space so words never glue together. */
function collect(node: TreeNode, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) {
    out.push(node.value);
  }
  if (node.type === 'break') out.push(' ');
  for (const child of node.children ?? []) collect(child, out);
  if (!INLINE.has(node.type)) out.push(' ');
}

/**
 * Visible text of an MDX body. Text that MDX cannot parse is returned as it stands rather than
 * dropped: a search hit on raw markup is better than an article that cannot be found.
 */
export function mdxToPlainText(body: string): string {
  let tree: TreeNode;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) as TreeNode;
  } catch {
    return body.replace(/\s+/g, ' ').trim();
  }
  const out: string[] = [];
  collect(tree, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}
