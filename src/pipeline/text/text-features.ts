/**
 * Text features of one line, the evidence behind every decision about a pasted page: words,
 * Arabic function-word density, whether the line reads like article prose. News prose is dense in
 * function words and ends its sentences; menus, banners, widgets and link titles are not and do not.
 */
import { foldArabic } from '../../arabic/normalize';
import { endsLikeSentence } from '../page/structure';
import { remembering } from './remember';

/** Arabic letters (the Arabic block and its supplements), as opposed to Latin, Cyrillic or digits. */
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F]/u;

/**
 * Function words of Arabic news prose, folded (أ→ا, ى→ي, ة→ه). Kept short and unambiguous: each is
 * a particle, pronoun or connective that a headline, a menu or a link title seldom needs.
 */
const STOP_WORDS = new Set(
  [
    'في', 'من', 'الي', 'علي', 'عن', 'مع', 'ان', 'انه', 'انها', 'التي', 'الذي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'كما',
    'قد', 'لا', 'لم', 'لن', 'ما', 'هو', 'هي', 'هم', 'بين', 'بعد', 'قبل', 'عند', 'خلال', 'منذ', 'حتي', 'او', 'ثم', 'كان',
    'كانت', 'وقد', 'وفي', 'ومن', 'الا', 'اذا', 'حيث', 'لكن', 'بل', 'اي', 'كل', 'غير', 'فيه', 'فيها', 'عليه', 'عليها',
    'له', 'لها', 'به', 'بها', 'منه', 'منها', 'الى', 'وان', 'بان', 'لان', 'ايضا', 'وهو', 'وهي', 'ذات',
  ].map((w) => foldArabic(w)),
);

/** The words of a line: runs of non-space characters holding a letter or a digit. */
export function words(text: string): string[] {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** Does the line hold any Arabic letter? */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** A folded word without surrounding punctuation. */
export function foldWord(token: string): string {
  return foldArabic(token).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Distinct words whose judgments are kept: a run's vocabulary, within bounded memory. */
const REMEMBERED_WORDS = 65536;

/**
 * Is the token an Arabic function word (alone or behind و/ف)? Remembered per token for the whole
 * run: news prose repeats its words, and the answer depends on the token alone.
 */
const isStopToken = remembering(REMEMBERED_WORDS, (token) => {
  const word = foldWord(token);
  return STOP_WORDS.has(word) || (word.length > 2 && /^[وف]/u.test(word) && STOP_WORDS.has(word.slice(1)));
});

/** Share of `list` that are Arabic function words (0 for no words). */
function stopShare(list: readonly string[]): number {
  if (list.length === 0) return 0;
  let count = 0;
  for (const token of list) if (isStopToken(token)) count++;
  return count / list.length;
}

/** Texts whose answers a judgment keeps: more lines than a long page holds, so one page never misses. */
const REMEMBERED_TEXTS = 4096;

/**
 * A judgment of a line that remembers its answers: furniture, headline, dates and structure each
 * ask the same questions about the same lines, and words are split and folded for every asking.
 * The answers depend on the text alone, so remembering them changes no result.
 */
function remembered(judge: (text: string) => boolean): (text: string) => boolean {
  return remembering(REMEMBERED_TEXTS, judge);
}

/** Share of a line's words that are Arabic function words (0 for a line without words). */
export function stopWordRatio(text: string): number {
  return stopShare(words(text));
}

/**
 * Article prose: a sentence of at least 8 words that ends like one, a shorter one of 4 words and
 * more that ends with a full stop, question or exclamation mark, or any run of 25 words and more.
 */
export const isProse = remembered((text: string): boolean => {
  const n = words(text).length;
  // A closing credit in brackets after the full stop ("… مسلح. (رويترز)") still ends a sentence.
  const body = text.replace(/\s*\([^()]{1,40}\)\s*$/u, '').replace(/["'”»)\]]+$/u, '').trimEnd();
  return (n >= 8 && endsLikeSentence(body)) || (n >= 4 && /[.!?؟…]$/u.test(body)) || n >= 25;
});

/**
 * Reads like article text even without a final full stop (a page cut mid-sentence, a standfirst):
 * at least 8 words with a comma inside or a function-word density of news prose.
 */
export const isTextLike = remembered((text: string): boolean => {
  const list = words(text);
  // Numbers, times and one-letter marks (ص، م) do not make a line text: a byline full of them is not.
  const n = list.filter((word) => /\p{L}{2}/u.test(word)).length;
  // A comma alone does not make text: bylines list a day, a time and a city between commas.
  if (n < 8) return false;
  const ratio = stopShare(list);
  return ratio >= 0.15 || (ratio >= 0.08 && /[،,؛]/u.test(text));
});

/** Content words for comparing a headline with the lead: folded, without clitics, ال or function words. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const token of words(text)) {
    let word = foldWord(token);
    if (!ARABIC_LETTER.test(word) || STOP_WORDS.has(word)) continue;
    word = word.replace(/^(?:وال|فال|بال|كال|لل|ال|و(?=.{3}))/u, '');
    if (word.length >= 3) out.push(word);
  }
  return out;
}

/** A word and the word without one leading clitic or verb prefix (و ف ب ل ك ت ي ن): يبحث → بحث, لدعم → دعم. */
function variants(word: string): string[] {
  return word.length >= 4 && /^[وفبلكتين]/u.test(word) ? [word, word.slice(1)] : [word];
}

/**
 * Two content words are one when equal, or when one (4+ letters) begins the other (طاجيك /
 * طاجيكستان), allowing one leading clitic or verb prefix on either side.
 */
export function sameWord(a: string, b: string): boolean {
  for (const x of variants(a)) {
    for (const y of variants(b)) {
      if (x === y) return true;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      if (short.length >= 4 && long.startsWith(short)) return true;
    }
  }
  return false;
}
