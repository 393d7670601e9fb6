/**
 * Where the Latin runs are in a string (CSTO, "Public Domain/…", a URL): the one rule shared by the
 * build-time `<bdi>` plugin, the Astro pages and the search page's script, which cannot load the plugin.
 */

/** A Latin run: starts with a Latin letter, may continue with digits, spaces between words and URL punctuation. */
const LATIN_RUN = /[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F0-9.:/\\@&%?=#+_~\-]|[\s,'’](?=[A-Za-z\u00C0-\u024F0-9]))*/g;

/** Split text into pieces, each marked Latin (to be isolated) or not; the pieces join back to the text. */
export function splitLatinRuns(value: string): Array<{ latin: boolean; text: string }> {
  const pieces: Array<{ latin: boolean; text: string }> = [];
  let last = 0;
  for (const match of value.matchAll(LATIN_RUN)) {
    if (match.index > last) pieces.push({ latin: false, text: value.slice(last, match.index) });
    pieces.push({ latin: true, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ latin: false, text: value.slice(last) });
  return pieces;
}
