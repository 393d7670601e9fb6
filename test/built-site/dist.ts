/**
 * Reading the built test site: every HTML file, parsed once, with its links and text.
 * Shared by the built-site tests (not a test file itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ELEMENT_NODE, TEXT_NODE, parse, walkSync } from 'ultrahtml';
import { articleSchema, type ArticleFrontmatter } from '../../src/schema';
import { parseArticleFile } from '../../src/search/article-file';

export interface HtmlElement {
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
type HtmlNode = { type: number; name?: string; value?: string; attributes?: Record<string, string>; children?: HtmlNode[] };

/** Every file below `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decode the character references an HTML serializer writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10));
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A parsed HTML page of the build. */
export interface Page {
  /** Path relative to the site folder, e.g. "articles/x/index.html". */
  file: string;
  html: string;
  root: HtmlNode;
  elements: HtmlElement[];
}

/** Parse one built HTML file. */
export function readPage(siteDir: string, file: string): Page {
  const html = readFileSync(path.join(siteDir, file), 'utf8');
  const root = parse(html) as HtmlNode;
  const elements: HtmlElement[] = [];
  walkSync(root as never, (node: HtmlNode) => {
    if (node.type !== ELEMENT_NODE) return;
    // The parser keeps attribute values as written; decode them like a browser would.
    for (const [key, value] of Object.entries(node.attributes ?? {})) node.attributes![key] = decodeEntities(value);
    elements.push(node as HtmlElement);
  });
  return { file, html, root, elements };
}

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'section', 'article', 'br']);

/** Text of a node, entities decoded; block elements are separated by a space, as a reader sees them (like innerText). */
export function textContent(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.name === 'script' || node.name === 'style') return '';
  const inner = (node.children ?? []).map(textContent).join('');
  return node.name !== undefined && BLOCK.has(node.name) ? ` ${inner} ` : inner;
}

/** Raw text of a script element (JSON-LD), entities NOT decoded: script content is not HTML. */
export function scriptText(el: HtmlElement): string {
  return el.children.map((c) => c.value ?? '').join('');
}

/** Elements of a page with a class. */
export function byClass(page: Page, className: string): HtmlElement[] {
  return page.elements.filter((el) => (el.attributes['class'] ?? '').split(/\s+/).includes(className));
}

/** The file a site URL path (under `base`) is served from, or null when the path is outside the base. */
export function fileForUrlPath(urlPath: string, base: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const rest = decodeURIComponent(urlPath.slice(base.length));
  if (rest === '' || rest.endsWith('/')) return `${rest}index.html`;
  return rest;
}

/** The frontmatter of every article the test site was built from (`contentDir` from `inject`), by file name. */
export function builtArticles(contentDir: string): ArticleFrontmatter[] {
  const folder = path.join(contentDir, 'articles');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => articleSchema.parse(parseArticleFile(readFileSync(path.join(folder, name), 'utf8')).data));
}
