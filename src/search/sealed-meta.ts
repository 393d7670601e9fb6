/**
 * Metadata Pagefind returns but does not search. Pagefind (1.5 and later) indexes the words of every
 * meta field and has no setting to leave one out. Our records carry the body in its original
 * spelling, the entity positions, the dateline and the source as meta only to show results; indexed,
 * they doubled the index (at 10,000 articles 29.7 MB against 14.6 MB), the time Pagefind takes to
 * build it and the index chunks a reader downloads, and let a query match the unfolded spelling or a
 * position number. So Pagefind never sees the body text (src/integrations/pagefind.ts adds it to the
 * fragments afterwards), and every other field but the title goes to it sealed: each character moved
 * into the Private Use Area, which holds no letters, digits or spaces, so Pagefind finds no word in
 * it. The title stays searchable: Pagefind ranks a page whose title holds the query higher.
 *
 * Sealing keeps values apart (two different values never seal alike): code points below U+1900
 * (Latin, Arabic and its supplements, spaces) move to U+E000 + code point; any other code point is
 * written as U+F8FF and six sealed hex digits. Once Pagefind has written the bundle, the fragment
 * rewrite puts each record's own meta back (src/integrations/pagefind.ts): the search page reads
 * plain meta and downloads no sealed bytes.
 */

/** Meta fields Pagefind indexes; every other field is sealed. */
export const SEARCHED_META_FIELDS: ReadonlySet<string> = new Set(['title']);

const SHIFT = 0xe000;
/** Code points below this move by SHIFT; they land in U+E000–U+F8FE. */
const SHIFTED_BELOW = 0x18ff;
/** Starts a code point written out in hex (six sealed digits follow). */
const ESCAPE = String.fromCharCode(0xf8ff);
const HEX_DIGITS = 6;

function sealCodePoint(codePoint: number): string {
  if (codePoint < SHIFTED_BELOW) return String.fromCharCode(SHIFT + codePoint);
  const hex = codePoint.toString(16).padStart(HEX_DIGITS, '0');
  return ESCAPE + Array.from(hex, (digit) => String.fromCharCode(SHIFT + digit.charCodeAt(0))).join('');
}

/** The sealed form of `text`: only Private Use Area characters, no letter, digit or space. */
export function sealText(text: string): string {
  let sealed = '';
  for (const char of text) sealed += sealCodePoint(char.codePointAt(0)!);
  return sealed;
}

/** A record's meta as Pagefind gets it: every field not in SEARCHED_META_FIELDS sealed. */
export function sealMeta(meta: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).map(([field, value]) => [field, SEARCHED_META_FIELDS.has(field) ? value : sealText(value)]));
}
