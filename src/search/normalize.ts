/**
 * The search spelling of Arabic text: one function (`searchForm`) turns a word into the form that is
 * both written into the Pagefind index and sent as the query, so the two sides cannot drift apart.
 *
 * It is `foldArabic` (hamza seats, alef forms, ى/ي, ة/ه, tashkeel, tatweel, digits, case) followed
 * by `stripProclitics` (the article and the clitics و ب ل, and ف ك before the article). Pagefind's
 * Arabic stemmer (Snowball) strips clitics itself, but unevenly: it never strips ل (لروسيا stays
 * لروسي while روسيا becomes روسي), strips only one of two stacked prefixes (وبوتين → بوت but
 * بوتين → وتين), and keeps وال/بال on short words (والأمن → والام, الأمن → امن). Pagefind matches a
 * query stem only as a prefix of an indexed stem, so each of those splits one word into two that
 * do not find each other. Stripping first, the same way on both sides, hands the stemmer the bare
 * word whatever was written in front of it.
 */
import { foldArabic, stripProclitics } from '../arabic/normalize';

/** Pagefind counts word positions over Unicode White_Space runs; split the same way to stay aligned. */
const WORD_SEPARATOR = /\p{White_Space}+/u;

const WHITE_SPACE = /\p{White_Space}/u;

/** Split text into words exactly as Pagefind counts positions (whitespace runs, no empties). */
export function splitWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((word) => word.length > 0);
}

/** The search spelling of one word: folded, leading clitics stripped; never contains whitespace. */
export function searchForm(word: string): string {
  const folded = foldArabic(word);
  // A compatibility form can fold to several words (ﷺ); the index needs exactly one.
  return stripProclitics(WHITE_SPACE.test(folded) ? folded.replace(/\p{White_Space}+/gu, '') : folded);
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
