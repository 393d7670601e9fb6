/**
 * Metadata: what the frontmatter says about the text — title, summary, word count, reading time.
 * All derived from the cleaned body; nothing here invents text that is not in the seed.
 */

/** The summary (the lead) is at most this many characters, ellipsis included. */
const SUMMARY_MAX_CHARS = 300;
/** A title derived from the lead is at most this many characters, ellipsis included. */
const DERIVED_TITLE_MAX_CHARS = 100;
/** Words per minute for reading time; Arabic news prose is read somewhat slower than English. */
const WORDS_PER_MINUTE = 180;

const ELLIPSIS = '…';

/** Cut `text` at the last word boundary that keeps it (plus an ellipsis) within `max` characters. */
export function truncateAtWord(text: string, max: number): string {
  const trimmed = text.trim();
  if ([...trimmed].length <= max) return trimmed;
  const room = trimmed.slice(0, max - ELLIPSIS.length + 1);
  const cut = room.search(/\s\S*$/u);
  const head = (cut > 0 ? room.slice(0, cut) : room.slice(0, max - ELLIPSIS.length)).replace(/[\s،,؛;:\-–—]+$/u, '');
  return head + ELLIPSIS;
}

/** The lead paragraph as a summary of at most SUMMARY_MAX_CHARS characters. */
export function summarize(lead: string): string {
  return truncateAtWord(lead, SUMMARY_MAX_CHARS);
}

/**
 * A short title from the lead when the seed has no headline: the lead's first clause (up to the
 * first comma or full stop), shortened at a word boundary if it is still long.
 */
export function deriveTitle(lead: string): string {
  const clause = lead.trim().split(/[،,.؛;:!?؟]\s/u)[0] ?? lead;
  const title = truncateAtWord(clause.replace(/[.،,؛;:!?؟]+$/u, ''), DERIVED_TITLE_MAX_CHARS);
  return title.replace(/[\s\-–—]+$/u, '') || truncateAtWord(lead, DERIVED_TITLE_MAX_CHARS);
}

/** Words: runs of non-space characters that contain at least one letter or digit. */
export function countWords(texts: readonly string[]): number {
  let count = 0;
  for (const text of texts) {
    for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  }
  return count;
}

/** Whole minutes to read `words` words; at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
