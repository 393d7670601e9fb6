/**
 * Read: the bytes of a seed file → normalized lines of text. Detects the encoding, splits lines on
 * every line-ending convention, and removes or replaces invisible and compatibility characters,
 * recording each change so nothing disappears silently.
 */
import type { Provenance } from '../../schema';
import { fatal, warning, type PipelineMessage } from '../messages';
import type { WarningId } from '../rules';

export type LineEndings = Provenance['lineEndings'];
type Normalization = Provenance['normalized'][number];

/** A successfully decoded seed. `lines[i]` is line i+1 of the file after normalization. */
export interface DecodedSeed {
  lines: string[];
  encoding: string;
  lineEndings: LineEndings;
  normalized: Normalization[];
}

/** Result of reading: `seed` is null when a fatal message explains why the text cannot be used. */
export interface ReadResult {
  seed: DecodedSeed | null;
  messages: PipelineMessage[];
}

/** A file with at least this many control characters, making up this share of it, is binary, not text. */
const BINARY_CONTROL_MIN = 8;
const BINARY_CONTROL_RATIO = 0.1;

/**
 * Characters the read stage changes, by rule id. The order matters: the first matching class wins.
 * Bidi controls can reorder what a reader sees (the "Trojan Source" trick), so they are removed with
 * a warning; NBSP and presentation forms are legacy spellings of ordinary characters.
 */
const CHARACTER_CLASSES: ReadonlyArray<{ rule: WarningId; test: (code: number) => boolean; replace: (char: string) => string }> = [
  { rule: 'bidi-control', test: (c) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069), replace: () => '' },
  { rule: 'nul-byte', test: (c) => c === 0, replace: () => '' },
  {
    rule: 'control-character',
    // C0 and C1 controls: invisible, and C0 makes the RSS feed invalid XML.
    test: (c) => (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f),
    replace: () => '',
  },
  // Noncharacters (U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF) are never text and break the page build.
  { rule: 'noncharacter', test: (c) => (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe, replace: () => '' },
  { rule: 'zero-width-no-break-space', test: (c) => c === 0xfeff, replace: () => '' },
  { rule: 'no-break-space', test: (c) => c === 0x00a0 || c === 0x202f, replace: () => ' ' },
  {
    rule: 'presentation-form',
    test: (c) => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc),
    replace: (char) => char.normalize('NFKC'),
  },
];

/** Fast pre-check: a line without any of these needs no per-character work. */
const NEEDS_NORMALIZATION = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00A0\u202F\u202A-\u202E\u2066-\u2069\uFEFF\uFB50-\uFDFF\uFE70-\uFEFC\p{Noncharacter_Code_Point}]/u;

/** How each rule's warning reads, given the count and first line. */
const WARNING_TEXT: Readonly<Record<string, (count: number) => string>> = {
  'nul-byte': (n) => `${n} NUL byte${n === 1 ? '' : 's'} removed; the file may have been damaged in transfer, check it against the original`,
  'control-character': (n) =>
    `${n} invisible control character${n === 1 ? '' : 's'} removed; check the text against the original`,
  noncharacter: (n) => `${n} Unicode noncharacter${n === 1 ? '' : 's'} (U+FFFE, U+FFFF …) removed; they are not text, check the line against the original`,
  'zero-width-no-break-space': (n) => `${n} zero-width no-break space${n === 1 ? '' : 's'} (U+FEFF) removed inside the text`,
  'no-break-space': (n) =>
    `${n} no-break space${n === 1 ? '' : 's'} replaced by ordinary spaces (recorded in provenance.normalized); nothing to do`,
  'presentation-form': (n) =>
    `${n} Arabic presentation-form character run${n === 1 ? '' : 's'} replaced by ordinary letters (recorded in provenance.normalized); nothing to do`,
};

/** Decode and normalize the bytes of one seed file. Pure: same bytes, same result. */
export function readSeed(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) {
    return failed(fatal('empty-seed', 'the seed file is empty; add the article text or delete the file'));
  }
  const decoded = decodeBytes(bytes);
  if ('message' in decoded) return failed(decoded.message);
  const { text, encoding } = decoded;
  const messages: PipelineMessage[] = [];
  if (encoding === 'utf-8 with BOM') {
    messages.push(warning('byte-order-mark', 'a UTF-8 byte order mark was removed from the start of the file; save it as UTF-8 without BOM'));
  } else if (encoding !== 'utf-8') {
    messages.push(warning('utf-16', `the file is ${encoding.toUpperCase()}; it was decoded, but save it as UTF-8 so other tools read it too`));
  }

  if (looksBinary(text)) {
    return failed(
      fatal('binary-file', 'the file is mostly control characters, so it is not text; replace it with the article as UTF-8 text'),
    );
  }

  const { lines, lineEndings } = splitLines(text);
  if (lineEndings === 'cr') {
    messages.push(warning('cr-line-endings', 'lines end with a lone CR (old Mac style); they were read as line breaks, but save the file with LF endings'));
  } else if (lineEndings === 'mixed') {
    messages.push(warning('mixed-line-endings', 'the file mixes LF, CRLF and/or CR line endings; each was read as a line break, but save it with LF endings'));
  }

  const normalized: Normalization[] = [];
  const counts = new Map<WarningId, { count: number; line: number; column: number }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!NEEDS_NORMALIZATION.test(line)) continue;
    const result = normalizeLine(line, i + 1);
    lines[i] = result.text;
    for (const change of result.changes) {
      normalized.push(change);
      if (change.rule === 'bidi-control') {
        messages.push(
          warning('bidi-control', `bidi control ${change.from} removed (it can disguise the order of the text); check the line reads as intended`, {
            line: change.line,
            column: change.column,
          }),
        );
        continue;
      }
      const seen = counts.get(change.rule);
      if (seen) seen.count++;
      else counts.set(change.rule, { count: 1, line: change.line, column: change.column });
    }
  }
  for (const [rule, { count, line, column }] of counts) {
    const text = WARNING_TEXT[rule]?.(count) ?? `${count} characters changed`;
    messages.push(warning(rule, `${text} (first at line ${line})`, { line, column }));
  }

  if (lines.every((line) => line.trim() === '')) {
    return failed(fatal('empty-seed', 'the seed file contains only whitespace; add the article text or delete the file'), messages);
  }
  return { seed: { lines, encoding, lineEndings, normalized }, messages };
}

function failed(message: PipelineMessage, earlier: PipelineMessage[] = []): ReadResult {
  return { seed: null, messages: [...earlier, message] };
}

/** Pick the encoding from the byte order mark (UTF-8 otherwise) and decode strictly. */
function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } | { message: PipelineMessage } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    const bad = firstInvalidUtf8(rest);
    if (bad !== -1) return { message: invalidUtf8(rest, bad) };
    return { text: new TextDecoder('utf-8').decode(rest), encoding: 'utf-8 with BOM' };
  }
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const body = bytes.subarray(2);
    const encoding = le ? 'utf-16le' : 'utf-16be';
    if (body.length % 2 !== 0) {
      return { message: fatal('invalid-utf16', `the file starts with a ${encoding.toUpperCase()} byte order mark but has an odd number of bytes, so it is truncated or not UTF-16; re-save it as UTF-8`) };
    }
    // Swap BE to LE ourselves so decoding does not depend on the ICU data Node was built with.
    const units = le ? body : swapPairs(body);
    try {
      return { text: new TextDecoder('utf-16le', { fatal: true }).decode(units), encoding };
    } catch {
      return { message: fatal('invalid-utf16', `the file starts with a ${encoding.toUpperCase()} byte order mark but contains unpaired surrogates; re-save it as UTF-8`) };
    }
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) return { message: invalidUtf8(bytes, bad) };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}

function invalidUtf8(bytes: Uint8Array, offset: number): PipelineMessage {
  // Locate the bad byte in the text a reader sees: decode the valid prefix and count lines in it.
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const { lines } = splitLines(prefix);
  const line = lines.length;
  const column = (lines[lines.length - 1] ?? '').length + 1;
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return fatal(
    'invalid-utf8',
    `the bytes are not valid UTF-8 (byte 0x${hex} at offset ${offset}); the file is probably in a legacy encoding such as Windows-1256: re-save it as UTF-8`,
    { line, column },
  );
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    const second = bytes[i + 1] ?? -1;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k] ?? -1;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls >= BINARY_CONTROL_MIN && controls >= text.length * BINARY_CONTROL_RATIO;
}

/** Split on CRLF, lone CR and LF, and name the convention found. */
export function splitLines(text: string): { lines: string[]; lineEndings: LineEndings } {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      lines.push(text.slice(start, i));
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else {
        cr++;
      }
      start = i + 1;
    } else if (c === 0x0a) {
      lines.push(text.slice(start, i));
      lf++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  const lineEndings: LineEndings = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
  return { lines, lineEndings };
}

/** A change the read stage made, by one of the character classes' (registered) rules. */
type CharacterChange = Normalization & { rule: WarningId };

/** Apply the character classes to one line; consecutive characters of one rule make one record. */
function normalizeLine(line: string, lineNumber: number): { text: string; changes: CharacterChange[] } {
  let text = '';
  const changes: CharacterChange[] = [];
  let column = 1;
  let last: CharacterChange | null = null;
  let lastEnd = -1; // column just after the last record's run
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    const cls = CHARACTER_CLASSES.find((candidate) => candidate.test(code));
    const replacement = cls ? cls.replace(char) : char;
    if (cls && replacement !== char) {
      const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      if (last && last.rule === cls.rule && lastEnd === column) {
        last.from += ` ${codePoint}`;
        last.to += replacement;
      } else {
        last = { line: lineNumber, column, from: codePoint, to: replacement, rule: cls.rule };
        changes.push(last);
      }
      lastEnd = column + char.length;
    }
    text += replacement;
    column += char.length;
  }
  return { text, changes };
}
