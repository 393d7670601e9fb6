/**
 * Frontmatter YAML, as the `yaml` writer writes it with the options below. The writer builds a
 * document of nodes for every article; frontmatter made of block maps, block sequences and
 * one-line scalars is written here directly, in the same bytes, and anything else (a multi-line
 * or control-character string, a float, an object met twice, which the writer would anchor) goes
 * to the writer itself.
 */
import { Document, stringify, type ToStringOptions, type DocumentOptions } from 'yaml';

/**
 * YAML 1.1 rules make the writer quote strings a YAML 1.1 reader (Astro uses js-yaml) would turn
 * into dates, booleans or numbers — "2025-01-29" stays a string. No folding of long lines.
 */
const YAML_OPTIONS: DocumentOptions & ToStringOptions = { version: '1.1', lineWidth: 0, minContentWidth: 0, singleQuote: false };

/** Frontmatter as YAML text ending in a newline. Keys keep the order of `data`. */
export function frontmatterYaml(data: Record<string, unknown>): string {
  const lines: string[] = [];
  const direct = isPlainObject(data) && Object.keys(data).length > 0 && writeMap(data, '', lines, new Set());
  return direct ? `${lines.join('\n')}\n` : stringify(data, YAML_OPTIONS);
}

/**
 * The tags, other than str, that the writer checks a plain string against: a string one of them
 * would read (a date, a number, yes/no, null, `<<`) is quoted. Taken from the writer's own schema.
 */
const schema = new Document(null, { version: '1.1' }).schema;
const READ_AS_OTHER: readonly RegExp[] = [...schema.tags, ...(schema.compat ?? [])].flatMap((tag) =>
  tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp ? [tag.test] : [],
);

/** Tags other than str that claim some strings as their own values (YAML 1.1: the merge key `<<`). */
const CLAIMING: ReadonlyArray<(value: unknown) => boolean> = schema.tags.flatMap((tag) =>
  tag.tag !== 'tag:yaml.org,2002:str' && typeof tag.identify === 'function' ? [tag.identify] : [],
);

/** Characters that make the writer choose another style than plain or double quotes here, or need escapes. */
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF]/u;
/** What a plain scalar may not be (the writer's own test): an indicator first, `: ` or ` #` inside, a space or colon last. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** A document marker at the start, which the writer handles with a block scalar. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/;

/** A string as one line: plain when the writer would write it plain, else double-quoted; null when neither is certain. */
function scalarString(value: string): string | null {
  if (NOT_ONE_LINE.test(value) || DOCUMENT_MARKER.test(value) || CLAIMING.some((identify) => identify(value))) return null;
  if (NOT_PLAIN.test(value) || READ_AS_OTHER.some((test) => test.test(value))) return JSON.stringify(value);
  return value;
}

/** A scalar as one line, or null when the writer is needed. */
function scalar(value: unknown): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalarString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A key as the writer writes it: plain, never quoted here. */
function key(name: string): string | null {
  return /^[A-Za-z][A-Za-z0-9_]*$/u.test(name) && scalarString(name) === name ? name : null;
}

/**
 * `value` after `head` (`key:` or `-`): a scalar or an empty collection on the same line, a
 * non-empty collection on the lines below at `indent`. False when the writer is needed.
 */
function writeValue(head: string, value: unknown, indent: string, lines: string[], seen: Set<object>): boolean {
  if (Array.isArray(value) || isPlainObject(value)) {
    if (seen.has(value)) return false;
    seen.add(value);
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    if (empty) {
      lines.push(`${head} ${Array.isArray(value) ? '[]' : '{}'}`);
      return true;
    }
    lines.push(head);
    return Array.isArray(value) ? writeSequence(value, indent, lines, seen) : writeMap(value, indent, lines, seen);
  }
  const text = scalar(value);
  if (text === null) return false;
  lines.push(`${head} ${text}`);
  return true;
}

function writeMap(map: Record<string, unknown>, indent: string, lines: string[], seen: Set<object>): boolean {
  for (const [name, value] of Object.entries(map)) {
    const written = key(name);
    if (written === null || value === undefined) return false;
    if (!writeValue(`${indent}${written}:`, value, `${indent}  `, lines, seen)) return false;
  }
  return true;
}

/** Items at `indent` with a dash; a map item starts on the dash's line, its other keys below it. */
function writeSequence(items: readonly unknown[], indent: string, lines: string[], seen: Set<object>): boolean {
  for (const item of items) {
    if (isPlainObject(item)) {
      const entries = Object.keys(item);
      if (entries.length === 0 || seen.has(item)) return false;
      seen.add(item);
      const start = lines.length;
      if (!writeMap(item, `${indent}  `, lines, seen)) return false;
      lines[start] = `${indent}- ${lines[start]!.slice(indent.length + 2)}`;
    } else {
      if (Array.isArray(item) || item === undefined) return false;
      if (!writeValue(`${indent}-`, item, `${indent}  `, lines, seen)) return false;
    }
  }
  return true;
}
