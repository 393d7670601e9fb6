/**
 * Snippets around entity mentions, for entity pages. The MDX bodies are read once, in one pass
 * each, so the whole build does work linear in the total text — never entity × article.
 */

/** Words around a mention, split so the mention itself can be highlighted. */
export interface MentionSnippet {
  before: string;
  mention: string;
  after: string;
}

/** A mention found in the plain text of a body: [start, end) in UTF-16 units. */
export interface PlainMention {
  entityId: string;
  start: number;
  end: number;
}

// One token at a time: an entity opening tag, a closing tag, other site elements, markdown
// escapes, character references, heading marks at a line start, or line breaks.
const TOKEN =
  /<Entity\s+id="([^"]*)"\s*>|<\/Entity>|<\/?(?:Quote|Question|Answer)\s*>|\\([!-/:-@[-`{-~])|&#x([0-9a-fA-F]+);|&#([0-9]+);|&(amp|lt|gt|quot|apos|nbsp);|^#{1,6}[ \t]+|\r?\n+/gm;

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Strip the MDX markup the ingest writes, keeping the reader's text and where each mention is. */
export function plainTextWithMentions(body: string): { text: string; mentions: PlainMention[] } {
  let text = '';
  const mentions: PlainMention[] = [];
  let open: { entityId: string; start: number } | null = null;
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    text += body.slice(last, match.index);
    last = match.index + match[0].length;
    const [token, entityId, escaped, hex, decimal, named] = match;
    if (entityId !== undefined) open = { entityId, start: text.length };
    else if (token === '</Entity>') {
      if (open !== null) mentions.push({ entityId: open.entityId, start: open.start, end: text.length });
      open = null;
    } else if (escaped !== undefined) text += escaped;
    else if (hex !== undefined) text += String.fromCodePoint(Number.parseInt(hex, 16));
    else if (decimal !== undefined) text += String.fromCodePoint(Number.parseInt(decimal, 10));
    else if (named !== undefined) text += NAMED[named] ?? '';
    else if (token.includes('\n')) {
      if (!/\s$/.test(text)) text += ' ';
    }
    // Other tags and heading marks vanish.
  }
  text += body.slice(last);
  return { text, mentions };
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
export function buildMentionIndex(articles: ReadonlyArray<{ slug: string; body: string }>): Map<string, Map<string, MentionSnippet>> {
  const index = new Map<string, Map<string, MentionSnippet>>();
  for (const article of articles) {
    const { text, mentions } = plainTextWithMentions(article.body);
    for (const mention of mentions) {
      let bySlug = index.get(mention.entityId);
      if (bySlug === undefined) {
        bySlug = new Map();
        index.set(mention.entityId, bySlug);
      }
      if (!bySlug.has(article.slug)) bySlug.set(article.slug, snippetAround(text, mention.start, mention.end));
    }
  }
  return index;
}
