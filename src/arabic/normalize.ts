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
