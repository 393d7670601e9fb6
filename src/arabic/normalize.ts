/**
 * Arabic orthographic folding: the one definition of "the same spelling" used by the
 * gazetteer matcher, the search index and the search query, so the three can never disagree.
 *
 * Folding maps every input code unit to zero or more output characters, so a match found in
 * folded text can always be mapped back to the exact original characters (see `foldWithMap`).
 */

/** Harakat, tanween, shadda, sukun, superscript alef and Quranic annotation marks. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/;
/** Tatweel and invisible format characters that never change what a word is. */
const IGNORABLE = /[\u0640\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  // Hamza and madda on alef, and wasla, are routinely dropped in typing.
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  // Alef maqsura and ya are interchanged, especially in Egyptian print.
  '\u0649': '\u064A', // ى
  '\u06CC': '\u064A', // Persian ya ی
  // Ta marbuta is often written as ha.
  '\u0629': '\u0647', // ة
  // Hamza seats vary (المسؤول / المسئول): keep only the hamza.
  '\u0624': '\u0621', // ؤ
  '\u0626': '\u0621', // ئ
  '\u06A9': '\u0643', // Persian kaf ک
};

/**
 * Folding is a pure function of one code point, so results are memoized. Only the Basic
 * Multilingual Plane is cached, which bounds the table at 65,536 entries whatever the input.
 */
const FOLDED_BMP: Array<string | undefined> = new Array(65536);

/** Fold one code point (as a string) to its canonical spelling; may be empty or longer. */
export function foldCodePoint(char: string): string {
  if (char.length !== 1) return computeFold(char);
  return foldCodeUnit(char.charCodeAt(0));
}

/** `foldCodePoint` for a BMP code point (or a lone surrogate) given as its code. */
function foldCodeUnit(code: number): string {
  let folded = FOLDED_BMP[code];
  if (folded === undefined) {
    folded = computeFold(String.fromCharCode(code));
    FOLDED_BMP[code] = folded;
  }
  return folded;
}

/** Fold the code point starting at `index`; `width` is its length in UTF-16 units. */
function foldAt(text: string, index: number): { out: string; width: number } {
  const code = text.charCodeAt(index);
  // Walking code units avoids a string per character; a surrogate pair is one code point.
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
    return { out: computeFold(text.slice(index, index + 2)), width: 2 };
  }
  return { out: foldCodeUnit(code), width: 1 };
}

function computeFold(char: string): string {
  if (TASHKEEL.test(char) || IGNORABLE.test(char)) return '';
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  const letter = LETTER_FOLDS[char];
  if (letter !== undefined) return letter;
  if (/\s/u.test(char)) return ' ';
  // Presentation forms (ﻻ, ﺍ …) and full-width Latin decompose to ordinary letters.
  const compat = char.normalize('NFKC');
  if (compat !== char) return [...compat].map(foldCodePoint).join('');
  return char.toLowerCase();
}

/** A folded string plus, for each of its UTF-16 units, the index of the source unit it came from. */
export interface FoldedText {
  folded: string;
  /** `origin[i]` is the index in the source of the character that produced `folded[i]`; `origin[folded.length]` is the source length. */
  origin: number[];
}

/** Fold text and keep a map back to the source, so matches can be located in the original. */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; ) {
    const { out, width } = foldAt(text, index);
    for (let k = 0; k < out.length; k++) origin.push(index);
    folded += out;
    index += width;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Fold text to its canonical spelling (see the module comment for the rules). */
export function foldArabic(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; ) {
    const { out, width } = foldAt(text, index);
    folded += out;
    index += width;
  }
  return folded;
}

/** Replace Arabic-Indic and Persian digits with ASCII digits, leaving everything else alone. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String.fromCharCode(code - (code >= 0x06f0 ? 0x06f0 : 0x0660) + 48);
  });
}

/**
 * Article chains in folded spelling: ال, optionally after ب/ك/ل and then و/ف (وبال، فال، كال…),
 * and لل, which is ل + ال with the alef dropped (للأمم).
 */
const ARTICLE_CHAIN = /^(?:[\u0648\u0641]?[\u0628\u0643\u0644]?\u0627\u0644|[\u0648\u0641]?\u0644\u0644)/u;
/** One-letter proclitics stripped without an article: the conjunction و and the prepositions ب, ل. */
const LETTER_CLITIC = /^[\u0648\u0628\u0644]/u;
/** Fewest letters left behind an article chain: three-letter roots (الأمن → أمن) are the norm. */
const MIN_AFTER_ARTICLE = 3;
/**
 * Fewest letters left behind a lone و or ب: four. A three-letter remainder is too often another
 * word whose first root letter is و/ب: وحدة is not و + حدة, nor وجهة و + جهة, nor بنية ب + نية.
 * So وأمن and بأمن are not found by أمن (measured in test/built-site/browser/search.test.ts).
 */
const MIN_AFTER_WAW_BA = 4;
/**
 * Fewest letters left behind a lone ل: three, because the stemmer never strips ل itself (لأمن,
 * لدعم would otherwise find nothing), and ل + three letters is seldom a word of its own; the
 * known exception, لجنة → جنة, is accepted.
 */
const MIN_AFTER_LAM = 3;

const LETTER = /\p{L}/u;

/** Is the UTF-16 unit at `index` a letter? Arabic and ASCII letters are decided without a regex. */
function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0x0621 && code <= 0x064a) return true; // Arabic letters (folded text has no marks)
  if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return true; // ASCII letters
  if (code < 0x80) return false;
  // Anything else (other scripts, surrogate pairs): ask Unicode, one code point.
  const point = text.codePointAt(index);
  return point !== undefined && LETTER.test(String.fromCodePoint(point));
}

/** Letters in `text` from `start`, or 0 when it does not start with a letter (و-الحدود stays whole). */
function lettersFrom(text: string, start: number): number {
  if (start >= text.length || !isLetterAt(text, start)) return 0;
  let count = 0;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    if (isLetterAt(text, index)) count++;
  }
  return count;
}

/**
 * Strip leading proclitics from one folded word (after any leading punctuation): article chains (ال، وال، بال، كال، فال، لل، وبال…)
 * and a lone ل while at least three letters remain, a lone و or ب while at least four remain,
 * repeated until none applies. Used on both sides of search (index and query), so what matters is that a
 * word with and without its clitics ends in the same form, not that the form is a dictionary word.
 *
 * Repeating to a fixed point is what keeps the two sides in step: الالتزام → التزام → تزام is what
 * a bare التزام also becomes, للوكاشينكو and لوكاشينكو both become كاشينكو, وبوتين and بوتين
 * both become وتين. The result is therefore idempotent. A word whose first letters only look like
 * clitics (لبنان → بنان, إلهام → هام) is cut the same way wherever it occurs, so it is still found;
 * the cost is that it also finds the rare different word the remainder spells (هام, "important").
 * The conjunction ف and the preposition ك are stripped only in front of the article: alone they
 * begin too many words (فعالية/عالية, كيان/يان).
 */
export function stripProclitics(word: string): string {
  // Leading punctuation («والحدود) stays in front; the clitics are stripped from the letters behind it.
  let lead = 0;
  while (lead < word.length && !isLetterAt(word, lead)) lead++;
  let start = lead;
  for (;;) {
    const first = word.charCodeAt(start);
    // Every clitic begins with و ف ب ك ل or the alef of ال; anything else ends the search at once.
    if (first !== 0x0648 && first !== 0x0641 && first !== 0x0628 && first !== 0x0643 && first !== 0x0644 && first !== 0x0627) break;
    const rest = word.slice(start);
    const article = ARTICLE_CHAIN.exec(rest);
    if (article && lettersFrom(word, start + article[0].length) >= MIN_AFTER_ARTICLE) {
      start += article[0].length;
      continue;
    }
    const minimum = first === 0x0644 ? MIN_AFTER_LAM : MIN_AFTER_WAW_BA;
    if (LETTER_CLITIC.test(rest) && lettersFrom(word, start + 1) >= minimum) {
      start += 1;
      continue;
    }
    break;
  }
  return start === lead ? word : word.slice(0, lead) + word.slice(start);
}
