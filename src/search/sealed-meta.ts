/**
 * Metadata Pagefind returns but does not search. Pagefind (1.5 and later) indexes the words of every
 * meta field, and has no setting to leave one out. Our records carry the body's original spelling,
 * the entity positions, the dateline and the source as meta only to show results; indexed, they
 * doubled the index (at 10,000 articles 29.7 MB against 14.6 MB), the time Pagefind takes to build
 * it, and the index chunks a reader downloads, and they let a query match the unfolded spelling or
 * a position number. So every field but the title goes to Pagefind sealed: each character moved into
 * the Private Use Area, which holds no letters, digits or spaces, so Pagefind finds no word in it.
 * The title stays searchable: Pagefind ranks a page whose title holds the query higher.
 *
 * Sealing is a bijection on strings: code points below U+1900 (Latin, Arabic and its supplements,
 * spaces) move to U+E000 + code point; any other code point is written as U+F8FF and six sealed hex
 * digits. Once Pagefind has written the bundle, its fragments are opened again
 * (src/integrations/pagefind.ts), so the search page reads plain meta and downloads no sealed bytes.
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

/**
 * The text `sealText` sealed. A string that is not a sealed one is returned as it is, so a record
 * written before sealing (or by another tool) still shows.
 */
export function openText(sealed: string): string {
  if (sealed === '' || !isSealed(sealed)) return sealed;
  let text = '';
  for (let i = 0; i < sealed.length; i++) {
    const code = sealed.charCodeAt(i);
    if (code !== 0xf8ff) {
      text += String.fromCharCode(code - SHIFT);
      continue;
    }
    let hex = '';
    for (let d = 1; d <= HEX_DIGITS; d++) hex += String.fromCharCode(sealed.charCodeAt(i + d) - SHIFT);
    text += String.fromCodePoint(Number.parseInt(hex, 16));
    i += HEX_DIGITS;
  }
  return text;
}

/** Whether `text` is well-formed `sealText` output. */
function isSealed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xf8ff) {
      let hex = '';
      for (let d = 1; d <= HEX_DIGITS; d++) {
        const digit = text.charCodeAt(i + d) - SHIFT;
        if (!((digit >= 0x30 && digit <= 0x39) || (digit >= 0x61 && digit <= 0x66))) return false;
        hex += String.fromCharCode(digit);
      }
      if (Number.parseInt(hex, 16) > 0x10ffff) return false;
      i += HEX_DIGITS;
    } else if (code < SHIFT || code >= SHIFT + SHIFTED_BELOW) {
      return false;
    }
  }
  return true;
}

/** A record's meta as Pagefind gets it: every field not in SEARCHED_META_FIELDS sealed. */
export function sealMeta(meta: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).map(([field, value]) => [field, SEARCHED_META_FIELDS.has(field) ? value : sealText(value)]));
}

/** The meta `sealMeta` sealed, as Pagefind returns it. */
export function openMeta<T extends string | undefined>(meta: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(meta).map(([field, value]) => [field, typeof value === 'string' && !SEARCHED_META_FIELDS.has(field) ? openText(value) : value])) as Record<string, T>;
}
