/**
 * Excerpts in the original spelling. The index holds folded words, one per original word, so a
 * match position Pagefind reports is also the position of the original word shown to the reader.
 */

/** A run of excerpt text; `mark` runs are the matched words. */
interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** An excerpt plus whether text was cut before or after it (to draw an ellipsis). */
export interface Excerpt {
  parts: ExcerptPart[];
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Words of context kept before the first match in the window. */
const LEAD = 6;

/**
 * Pick the `length`-word window of `words` holding the most match `positions` (ties: the earliest)
 * and return it with those words marked. Positions in `phrase` (where the whole query occurs) weigh
 * more, so the excerpt shows the searched phrase rather than a cluster of its commonest word.
 * Positions outside `words` are ignored; with none inside, the excerpt is the opening of the text.
 */
export function buildExcerpt(words: readonly string[], positions: readonly number[], length = 32, phrase: readonly number[] = []): Excerpt {
  const size = Math.max(1, Math.floor(length));
  const hits = [...new Set([...positions, ...phrase])]
    .filter((p) => Number.isInteger(p) && p >= 0 && p < words.length)
    .sort((a, b) => a - b);
  const inPhrase = new Set(phrase);
  const weight = hits.map((p) => (inPhrase.has(p) ? 4 : 1));
  let start = 0;
  let best = 0;
  // Two pointers over sorted hits: linear in the number of hits.
  for (let first = 0, last = 0, sum = 0; first < hits.length; first++) {
    const windowStart = Math.max(0, hits[first]! - LEAD);
    while (last < hits.length && hits[last]! < windowStart + size) sum += weight[last++]!;
    if (sum > best) {
      best = sum;
      start = windowStart;
    }
    sum -= weight[first]!;
  }
  start = Math.max(0, Math.min(start, words.length - size));
  const end = Math.min(words.length, start + size);
  const marked = new Set(hits);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean): void => {
    const previous = parts.at(-1);
    if (previous && !previous.mark && !mark) previous.text += text;
    else parts.push({ text, mark });
  };
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    push(words[i]!, marked.has(i));
  }
  return { parts, cutBefore: start > 0, cutAfter: end < words.length };
}

/** Letters and digits only: how Pagefind compares an indexed word with a query term. */
function bare(word: string): string {
  return word.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Positions of every word that belongs to a whole occurrence of `terms` (search-form query words,
 * in order) in `indexed` (the record's search-form words). Linear in words × terms.
 */
export function findPhrase(indexed: readonly string[], terms: readonly string[]): number[] {
  const wanted = terms.map(bare).filter(Boolean);
  if (wanted.length < 2) return [];
  const bareWords = indexed.map(bare);
  const found: number[] = [];
  for (let i = 0; i + wanted.length <= bareWords.length; i++) {
    if (wanted.every((term, k) => bareWords[i + k] === term)) for (let k = 0; k < wanted.length; k++) found.push(i + k);
  }
  return found;
}

/** Longest clitic run (و ف ب ك ل + ال) allowed in front of a name mentioned in the body. */
const MAX_CLITICS = 4;

/** One annotated entity in a record: its span of appended names among the indexed words, and where the body mentions it. */
export interface EntitySpan {
  /** [start, end) of the entity's appended spellings among the indexed words. */
  start: number;
  end: number;
  /** Indexed positions of the body's mentions of the entity (`mentionsOfEntities`, counted at build time). */
  mentions: number[];
}

/** Write `meta.entities`: "start-end:p,p,p start-end …" (no colon for an entity the body never names). */
export function formatEntitySpans(spans: readonly EntitySpan[]): string {
  return spans.map(({ start, end, mentions }) => `${start}-${end}${mentions.length > 0 ? `:${mentions.join(',')}` : ''}`).join(' ');
}

/** Parse `meta.entities` (see `formatEntitySpans`); malformed entries are skipped. */
export function parseEntitySpans(text: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const entry of text.split(' ')) {
    const match = /^(\d+)-(\d+)(?::(\d+(?:,\d+)*))?$/.exec(entry);
    if (match) spans.push({ start: Number(match[1]), end: Number(match[2]), mentions: match[3] ? match[3].split(',').map(Number) : [] });
  }
  return spans;
}

/**
 * The body's mentions of every entity whose appended names a search hit: what lets an English or
 * alternate-spelling query mark the name as the article writes it, without the appended names
 * themselves (the build counted the mentions; the fragment does not carry the names).
 */
export function hitMentions(spans: readonly EntitySpan[], hits: readonly number[]): number[] {
  const found = new Set<number>();
  for (const { start, end, mentions } of spans) if (hits.some((hit) => hit >= start && hit < end)) for (const position of mentions) found.add(position);
  return [...found].sort((a, b) => a - b);
}

/**
 * For each span of appended spellings (separated by `separator`), the positions in
 * `[bodyStart, bodyEnd)` where the body mentions its entity under one of its Arabic spellings
 * (clitics in front allowed): what lets an English or alternate-spelling query mark the name as the
 * article writes it. The words are made bare once for all spans: an article with dozens of entities
 * is read once, not once per entity.
 */
export function mentionsOfEntities(
  indexed: readonly string[],
  bodyStart: number,
  bodyEnd: number,
  spans: ReadonlyArray<readonly [number, number]>,
  separator: string,
): number[][] {
  if (spans.length === 0) return [];
  const bareWords = indexed.map(bare);
  return spans.map(([start, end]) => {
    const found = new Set<number>();
    const spellings: string[][] = [];
    let current: string[] = [];
    for (let i = start; i < Math.min(end, indexed.length); i++) {
      if (indexed[i] === separator) {
        if (current.length) spellings.push(current);
        current = [];
      } else if (bareWords[i]) current.push(bareWords[i]!);
    }
    if (current.length) spellings.push(current);
    for (const spelling of spellings) {
      // Latin spellings never occur in an Arabic body; skip them cheaply.
      if (!/\p{Script=Arabic}/u.test(spelling[0]!)) continue;
      const head = spelling[0]!;
      for (let i = bodyStart; i + spelling.length <= bodyEnd; i++) {
        const first = bareWords[i]!;
        if (!(first === head || (first.endsWith(head) && first.length - head.length <= MAX_CLITICS))) continue;
        if (spelling.every((word, k) => k === 0 || bareWords[i + k] === word)) for (let k = 0; k < spelling.length; k++) found.add(i + k);
      }
    }
    return [...found].sort((a, b) => a - b);
  });
}
