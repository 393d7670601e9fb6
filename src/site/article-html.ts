/**
 * An article's MDX body → HTML, once, at content sync (src/loaders/article-loader.ts), instead of
 * compiling every article into a JavaScript module through Vite. The body is parsed by Sätteri,
 * the MDX parser @astrojs/mdx itself uses; one hast pass turns our four components into the plain
 * elements their .astro versions render, gives headings the ids Astro gives them, and isolates Latin
 * runs as the site's Markdown processor does. Anything else — an unknown component, an
 * `{expression}`, `import`/`export` — is an error: ingest never writes them.
 */
import GithubSlugger from 'github-slugger';
import {
  createMdxHastHandle,
  dropHandle,
  HastReader,
  materializeHastTree,
  normalizePlugins,
  renderHandle,
  resolveHastSubscriptions,
  serializeHandle,
  visitHastHandle,
  type HastVisitorContext,
} from 'satteri';
import type { EntityKind } from '../schema';
import { ARTICLE_FEATURES, articleTextOf, type ArticleText, type TextTreeNode } from './article-text';
import { isolateLatin } from './isolate-latin';

/** Bump whenever the HTML made here changes: it is part of every cached article's digest. */
export const ARTICLE_HTML_VERSION = 'article-html/3';

/** A heading of the body, as Astro's `render()` reports headings. */
export interface ArticleHeading {
  depth: number;
  slug: string;
  text: string;
}

/** How a mention links: the entity's kind and page, or null for an id the gazetteer lacks. */
export type EntityLink = (id: string) => { kind: EntityKind; href: string } | null;

type Properties = Record<string, string | string[]>;

/** The elements each component renders (src/components/*.astro), as hast. */
function componentElement(name: string, attributes: Record<string, string>, entityLink: EntityLink): { tagName: string; properties: Properties } {
  switch (name) {
    case 'Entity': {
      const id = attributes['id'] ?? '';
      const link = entityLink(id);
      return link
        ? { tagName: 'a', properties: { href: link.href, className: ['entity', `entity--${link.kind}`] } }
        : { tagName: 'span', properties: { className: ['entity', 'entity--unknown'], dataEntityId: id } };
    }
    case 'Quote':
      return { tagName: 'span', properties: { className: ['quote'] } };
    case 'Question':
      return { tagName: 'div', properties: { className: ['qa', 'qa--question'] } };
    case 'Answer':
      return { tagName: 'div', properties: { className: ['qa', 'qa--answer'] } };
    default:
      throw new Error(`unknown MDX component <${name || 'fragment'}>; articles use only Entity, Quote, Question and Answer`);
  }
}

interface JsxNode {
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: unknown[];
}

function literalAttributes(node: JsxNode): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.value != null && typeof attribute.value !== 'string') || !attribute.name) {
      throw new Error(`<${node.name ?? ''}>: only literal string attributes are allowed`);
    }
    attributes[attribute.name] = (attribute.value as string | null | undefined) ?? '';
  }
  return attributes;
}

function componentsPlugin(entityLink: EntityLink, headings: ArticleHeading[]) {
  const slugger = new GithubSlugger();
  const jsx = {
    filter: [] as string[],
    visit(node: JsxNode, ctx: HastVisitorContext) {
      const { tagName, properties } = componentElement(node.name ?? '', literalAttributes(node), entityLink);
      ctx.replaceNode(node as never, { type: 'element', tagName, properties, children: node.children ?? [] } as never);
    },
  };
  const refuse = (what: string) => () => {
    throw new Error(`${what} is not allowed in an article body`);
  };
  return {
    name: 'arshif-article-components',
    mdxJsxTextElement: jsx,
    mdxJsxFlowElement: jsx,
    mdxFlowExpression: refuse('an {expression}'),
    mdxTextExpression: refuse('an {expression}'),
    mdxjsEsm: refuse('import/export'),
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node: { tagName: string; properties?: Record<string, unknown> }, ctx: HastVisitorContext) {
        const text = ctx.textContent(node as never);
        const existing = node.properties?.['id'];
        const slug = typeof existing === 'string' ? existing : slugger.slug(text);
        headings.push({ depth: Number(node.tagName[1]), slug, text });
        if (typeof existing !== 'string') ctx.setProperty(node as never, 'id', slug);
      },
    },
  };
}

/**
 * Render one MDX body (no frontmatter) to HTML, with its headings and its plain text (from the same
 * tree, before the components become elements). Throws on anything ingest would not write.
 */
export function renderArticleHtml(body: string, entityLink: EntityLink): { html: string; headings: ArticleHeading[]; text: ArticleText } {
  const headings: ArticleHeading[] = [];
  const data = {};
  const handle = createMdxHastHandle(body, ARTICLE_FEATURES);
  try {
    const text = articleTextOf(materializeHastTree(new HastReader(serializeHandle(handle))) as TextTreeNode);
    for (const plugin of [componentsPlugin(entityLink, headings), isolateLatin]) {
      const [normalized] = normalizePlugins([plugin] as never, 'hastPlugins', body, undefined, 'mdx', data) as unknown[];
      const dropped = visitHastHandle(handle, normalized as never, resolveHastSubscriptions(normalized as never), body, undefined, data, 'mdx', []);
      if (typeof dropped !== 'number') throw new Error('a hast visitor answered asynchronously');
      if (dropped > 0) throw new Error(`${dropped} edits of the article tree were dropped`);
    }
    return { html: renderHandle(handle), headings, text };
  } finally {
    dropHandle(handle);
  }
}
