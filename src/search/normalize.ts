/**
 * The search spelling of Arabic text: one function (`searchForm`) turns a word into the form that is
 * both written into the Pagefind index and sent as the query, so the two sides cannot drift apart.
 *
 * It is `foldArabic` (hamza seats, alef forms, ى/ي, ة/ه, tashkeel, tatweel, digits, case) plus the
 * one clitic rule Pagefind's Arabic stemmer lacks: it never strips و in front of alef, and after
 * folding every و+أ word (وأفغانستان, والحدود) has و in front of alef.
 */
import { foldArabic } from '../arabic/normalize';

/** Pagefind counts word positions over Unicode White_Space runs; split the same way to stay aligned. */
const WORD_SEPARATOR = /\p{White_Space}+/u;

/**
 * Conjunction و before alef and at least three more letters: `والحدود` → `الحدود`, `وافغانستان` →
 * `افغانستان`. Words of four letters or fewer (والد, واحد, واد) keep it: there و is usually a root
 * letter. Where a longer word really starts with و (واشنطن), both sides lose it alike, so it is
 * still found.
 */
const WAW_BEFORE_ALEF = /^(\P{L}*)\u0648(\u0627\p{L}{3,})/u;

/** Split text into words exactly as Pagefind counts positions (whitespace runs, no empties). */
export function splitWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((word) => word.length > 0);
}

/** The search spelling of one word: folded, و before alef dropped; never contains whitespace. */
export function searchForm(word: string): string {
  return foldArabic(word).replace(/\p{White_Space}+/gu, '').replace(WAW_BEFORE_ALEF, '$1$2');
}

/**
 * The index spelling of a run of text: one output word per input word (so match positions in the
 * index are positions in the original), joined by single spaces. A word that folds to nothing
 * (a lone tatweel or diacritic) is kept as it was so the count never changes.
 */
export function indexWords(words: readonly string[]): string[] {
  return words.map((word) => searchForm(word) || word);
}

/** A reader's query, normalized: the search-form terms and whether it names a phrase. */
export interface NormalizedQuery {
  /** Search-form terms in reading order, without punctuation-only terms. */
  terms: string[];
  /** The terms joined by spaces: what Pagefind is asked for (empty when nothing searchable). */
  text: string;
  /**
   * `"…"`-quoted `text` for Pagefind's phrase mode, or null for fewer than two terms (for one word
   * it adds nothing: Pagefind compares stems even in quotes, so it cannot tell رحمن from رحمة).
   */
  phrase: string | null;
}

/** Normalize a typed query with the index's own rules; quotes and stray punctuation are dropped. */
export function normalizeQuery(query: string): NormalizedQuery {
  const terms = splitWords(query.replace(/["“”«»]/g, ' '))
    .map(searchForm)
    // Pagefind ignores punctuation-only words; dropping them here keeps the phrase test honest.
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
  const text = terms.join(' ');
  return { terms, text, phrase: terms.length > 1 ? `"${text}"` : null };
}
