/**
 * Snippets around entity mentions, for entity pages. Each article's plain text and mentions come
 * from src/site/article-text.ts (made once, when the article is rendered), so the whole build does
 * work linear in the total text — never entity × article.
 */
import type { ArticleText } from './article-text';

/** Words around a mention, split so the mention itself can be highlighted. */
export interface MentionSnippet {
  before: string;
  mention: string;
  after: string;
}

/** Cut a snippet of about `radius` characters each side of [start, end), at word boundaries. */
export function snippetAround(text: string, start: number, end: number, radius = 90): MentionSnippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    // Search only inside the window, so a text without spaces costs O(radius), not O(text).
    const space = text.slice(from, start).indexOf(' ');
    if (space !== -1) from += space + 1;
  }
  if (to < text.length) {
    const space = text.slice(end, to).lastIndexOf(' ');
    if (space > 0) to = end + space;
  }
  const before = `${from > 0 ? '… ' : ''}${text.slice(from, start).trimStart()}`;
  const after = `${text.slice(end, to).trimEnd()}${to < text.length ? ' …' : ''}`;
  return { before, mention: text.slice(start, end), after };
}

/** For every entity, the first mention in each article that names it: entity id → slug → snippet. */
export function buildMentionIndex(articles: ReadonlyArray<{ slug: string } & ArticleText>): Map<string, Map<string, MentionSnippet>> {
  const index = new Map<string, Map<string, MentionSnippet>>();
  for (const { slug, text, mentions } of articles) {
    for (const mention of mentions) {
      let bySlug = index.get(mention.entityId);
      if (bySlug === undefined) {
        bySlug = new Map();
        index.set(mention.entityId, bySlug);
      }
      if (!bySlug.has(slug)) bySlug.set(slug, snippetAround(text, mention.start, mention.end));
    }
  }
  return index;
}
