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
  // Pieces are collected and joined once, and the last character is remembered rather than read
  // back: reading the end of a growing concatenated string flattens it each time (quadratic).
  const pieces: string[] = [];
  let length = 0;
  let lastChar = '';
  const append = (piece: string): void => {
    if (piece === '') return;
    pieces.push(piece);
    length += piece.length;
    lastChar = piece.at(-1) ?? lastChar;
  };
  const mentions: PlainMention[] = [];
  let open: { entityId: string; start: number } | null = null;
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    append(body.slice(last, match.index));
    last = match.index + match[0].length;
    const [token, entityId, escaped, hex, decimal, named] = match;
    if (entityId !== undefined) open = { entityId, start: length };
    else if (token === '</Entity>') {
      if (open !== null) mentions.push({ entityId: open.entityId, start: open.start, end: length });
      open = null;
    } else if (escaped !== undefined) append(escaped);
    else if (hex !== undefined) append(codePointOr(Number.parseInt(hex, 16), token));
    else if (decimal !== undefined) append(codePointOr(Number.parseInt(decimal, 10), token));
    else if (named !== undefined) append(NAMED[named] ?? '');
    else if (token.includes('\n')) {
      if (lastChar === '' || !/\s/.test(lastChar)) append(' ');
    }
    // Other tags and heading marks vanish.
  }
  append(body.slice(last));
  return { text: pieces.join(''), mentions };
}

/** The character of a reference, or the reference as written when it names no code point. */
function codePointOr(code: number, written: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : written;
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
