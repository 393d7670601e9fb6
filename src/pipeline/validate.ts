/**
 * Zod issues → messages a contributor can act on: `field.path: expected …, received …`
 * (the shape of Starlight's parseWithFriendlyErrors), plus the YAML line when the data came from a file.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One validation problem, with the 1-based line in the YAML source when known. */
export interface FriendlyIssue {
  text: string;
  line?: number;
}

/** Parse `data` with `schema`; on failure return readable issues instead of throwing. */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locate?: (path: ReadonlyArray<PropertyKey>) => number | undefined,
): { success: true; data: z.output<S> } | { success: false; issues: FriendlyIssue[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  const issues = result.error.issues.map((issue) => {
    // An unknown key has no path of its own: point at the key itself.
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
    const line = locate?.(path);
    const text = describeIssue(issue);
    return line === undefined ? { text } : { text, line };
  });
  return { success: false, issues };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  const received = 'input' in issue ? ` received ${preview(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: expected ${issue.expected},${received || ' received nothing'}`;
    case 'invalid_value':
      return `${path}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')},${received}`;
    case 'unrecognized_keys':
      return `${path}: unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}; remove ${issue.keys.length === 1 ? 'it' : 'them'} or check the spelling`;
    case 'invalid_format':
      return `${path}: expected ${issue.message.replace(/^Invalid (string: must match pattern .*)?/, '') || issue.format},${received}`;
    default:
      return `${path}: ${issue.message}${received ? `,${received}` : ''}`;
  }
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A parsed YAML file that can say on which line a value sits. */
export interface LocatedYaml {
  data: unknown;
  /** Syntax errors with their lines; when non-empty, `data` must not be trusted. */
  errors: FriendlyIssue[];
  locate: (path: ReadonlyArray<PropertyKey>) => number | undefined;
}

/** Parse YAML text keeping positions, so validation messages can name lines. */
export function parseLocatedYaml(text: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    return { text: error.message.split('\n')[0] ?? error.message, line };
  });
  const locate = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    // Walk down as far as the path exists; the deepest node found is where to look.
    let node: unknown = doc.contents;
    let offset: number | undefined = rangeStart(node);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  if (errors.length > 0) return { data: undefined, errors, locate };
  const data = toJSSafely(doc);
  if ('error' in data) return { data: undefined, errors: [{ text: data.error, line: 1 }], locate };
  return { data: data.value, errors, locate };
}

/**
 * The document's value, or why it cannot be built: the yaml library refuses documents whose
 * aliases would expand without bound (an "alias bomb"), and that refusal must not escape as a crash.
 */
export function toJSSafely(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return { error: `the YAML cannot be read (${(error as Error).message.split('\n')[0]}); remove the aliases (*name) that repeat content` };
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}
