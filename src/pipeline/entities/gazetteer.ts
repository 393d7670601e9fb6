/**
 * Read the gazetteer (`content/gazetteer/*.yaml`): parse each YAML list, validate every entry with
 * the shared `entitySchema`, and check the whole set for clashes the matcher could not resolve.
 * Pure: file texts in, entities and messages out.
 *
 * Rule ids — fatal: gazetteer-yaml, gazetteer-not-a-list, gazetteer-invalid-entity,
 * gazetteer-duplicate-id, gazetteer-duplicate-alias, gazetteer-empty-spelling;
 * warnings: gazetteer-function-word-alias, gazetteer-short-alias.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { entitySchema, type Entity } from '../../schema';
import { fatal, warning, type PipelineMessage } from '../messages';
import { entitySpellings } from './entities';
import { phraseKey } from './phrase-matcher';
import { foldArabic } from '../../arabic/normalize';
import { toJSSafely } from '../validate';

export interface GazetteerFile {
  path: string;
  text: string;
}

export type GazetteerMessage = PipelineMessage & { path: string };

/** Where an entity was declared, so a clash can name both places. */
interface Declared {
  entity: Entity;
  path: string;
  line: number;
  item: Node;
  lines: LineCounter;
}

/**
 * One-word spellings that equal a common Arabic function word once folded (على = علي, إن = أن …).
 * An alias like that would fire on ordinary prose, so it is reported.
 */
const FUNCTION_WORDS = new Map(
  [
    'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'ما', 'لا', 'لم', 'لن', 'قد', 'كل', 'بين', 'عند',
    'حتى', 'ثم', 'أو', 'أي', 'هذا', 'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'الذين', 'هو', 'هي', 'هم', 'نحن',
    'أنا', 'كان', 'كانت', 'ليس', 'غير', 'بعد', 'قبل', 'منذ', 'حول', 'خلال', 'ضد', 'عبر', 'لدى', 'إذا',
    'لكن', 'بل', 'أما', 'كما', 'كي', 'له', 'لها', 'هنا', 'هناك', 'أيضا', 'فقط', 'يوم', 'عام', 'قال',
    'وقال', 'أمام', 'دون', 'نحو', 'ذات', 'إنه', 'أنه', 'التى', 'سوف', 'مثل', 'عليه', 'فيه', 'منه',
  ].map((word) => [foldArabic(word), word] as const),
);

/** Parse and validate the gazetteer files; invalid entries are reported and left out, never thrown. */
export function parseGazetteer(files: readonly GazetteerFile[]): { entities: Entity[]; messages: GazetteerMessage[] } {
  const messages: GazetteerMessage[] = [];
  const declared: Declared[] = [];
  for (const file of files) declared.push(...readFile(file, messages));

  const entities: Entity[] = [];
  const byId = new Map<string, Declared>();
  const bySpelling = new Map<string, { owner: Declared; spelling: string }>();
  for (const entry of declared) {
    const { entity } = entry;
    const first = byId.get(entity.id);
    if (first) {
      messages.push({
        ...fatal(
          'gazetteer-duplicate-id',
          `id "${entity.id}" is used twice: by "${first.entity.name}" (${first.path}:${first.line}) and by "${entity.name}" (${entry.path}:${entry.line}). Give one of them another id, or merge the two entries.`,
          { line: entry.line },
        ),
        path: entry.path,
      });
      continue;
    }
    byId.set(entity.id, entry);
    entities.push(entity);
    checkSpellings(entry, bySpelling, messages);
  }
  return { entities, messages };
}

function readFile(file: GazetteerFile, messages: GazetteerMessage[]): Declared[] {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const place = error.linePos?.[0];
      messages.push({
        ...fatal('gazetteer-yaml', `${error.message.split('\n')[0]} — fix the YAML syntax; no entity of this file was read.`, {
          line: place?.line,
          column: place?.col,
        }),
        path: file.path,
      });
    }
    return [];
  }
  if (doc.contents === null) return []; // an empty file is an empty list
  if (!isSeq(doc.contents)) {
    messages.push({
      ...fatal('gazetteer-not-a-list', 'expected a YAML list of entities (each starting with "- id: …"), received something else.', {
        line: 1,
      }),
      path: file.path,
    });
    return [];
  }
  const built = toJSSafely(doc);
  if ('error' in built) {
    messages.push({ ...fatal('gazetteer-yaml', `${built.error}; no entity of this file was read.`, { line: 1 }), path: file.path });
    return [];
  }
  const values = built.value as unknown[];
  const out: Declared[] = [];
  doc.contents.items.forEach((item, index) => {
    const node = item as Node;
    const line = lineOf(node, lines) ?? 1;
    const raw = values[index];
    const result = entitySchema.safeParse(raw);
    if (!result.success) {
      const label = entryLabel(raw, index);
      for (const issue of result.error.issues) {
        messages.push({
          ...fatal('gazetteer-invalid-entity', `${label}: ${describeIssue(issue, raw)}`, { line: issueLine(node, issue, lines) ?? line }),
          path: file.path,
        });
      }
      return;
    }
    out.push({ entity: result.data, path: file.path, line, item: node, lines });
  });
  return out;
}

/** Report spellings another entity already claimed, and spellings that would fire on plain prose. */
function checkSpellings(
  entry: Declared,
  bySpelling: Map<string, { owner: Declared; spelling: string }>,
  messages: GazetteerMessage[],
): void {
  const { entity } = entry;
  const seen = new Set<string>();
  for (const spelling of entitySpellings(entity)) {
    const key = phraseKey(spelling);
    if (seen.has(key.core)) continue;
    seen.add(key.core);
    const line = spellingLine(entry, spelling);
    if (key.core === '') {
      messages.push({
        ...fatal('gazetteer-empty-spelling', `"${entity.id}": spelling "${spelling}" is empty once tashkeel and tatweel are removed; delete it.`, { line }),
        path: entry.path,
      });
      continue;
    }
    const claim = bySpelling.get(key.core);
    if (claim) {
      const other = claim.owner;
      messages.push({
        ...fatal(
          'gazetteer-duplicate-alias',
          `spelling "${spelling}" of "${entity.id}" (${entry.path}:${line}) is already claimed as "${claim.spelling}" by "${other.entity.id}" (${other.path}:${spellingLine(other, claim.spelling)}); the matcher could not tell them apart. Keep it on the entity it refers to.`,
          { line },
        ),
        path: entry.path,
      });
      continue;
    }
    bySpelling.set(key.core, { owner: entry, spelling });
    const whole = foldArabic(spelling).replace(/\s+/gu, ' ').trim();
    const functionWord = whole.includes(' ') ? undefined : FUNCTION_WORDS.get(whole);
    if (functionWord !== undefined) {
      messages.push({
        ...warning(
          'gazetteer-function-word-alias',
          `"${entity.id}": spelling "${spelling}" matches the common word "${functionWord}" once hamza, ya and ta marbuta are folded, so it would fire on ordinary prose; use a longer spelling such as the full name.`,
          { line },
        ),
        path: entry.path,
      });
    } else if (/^\p{Script=Arabic}{1,2}$/u.test(key.core)) {
      messages.push({
        ...warning(
          'gazetteer-short-alias',
          `"${entity.id}": spelling "${spelling}" has fewer than three letters and would match many unrelated words; use a longer spelling.`,
          { line },
        ),
        path: entry.path,
      });
    }
  }
}

/** Line of the YAML node that holds `spelling` inside the entity, else the entity's own line. */
function spellingLine(entry: Declared, spelling: string): number {
  const { item, lines } = entry;
  if (isMap(item)) {
    for (const field of ['name', 'nameEn'] as const) {
      const node = item.get(field, true) as Node | undefined;
      if (node && item.get(field) === spelling) return lineOf(node, lines) ?? entry.line;
    }
    for (const field of ['aliases', 'aliasesEn'] as const) {
      const list = item.get(field, true);
      if (!isSeq(list)) continue;
      for (const node of list.items as Node[]) {
        if (node.toJSON() === spelling) return lineOf(node, lines) ?? entry.line;
      }
    }
  }
  return entry.line;
}

/** Line of the deepest YAML node on the issue's path (for an unknown field: the field's key). */
function issueLine(item: Node, issue: z.core.$ZodIssue, lines: LineCounter): number | undefined {
  if (!isMap(item)) return undefined;
  if (issue.code === 'unrecognized_keys') {
    const pair = item.items.find((p) => (p.key as { value?: unknown } | null)?.value === issue.keys[0]);
    return lineOf(pair?.key as Node | undefined, lines);
  }
  for (let depth = issue.path.length; depth > 0; depth--) {
    const node = item.getIn(issue.path.slice(0, depth) as Array<string | number>, true) as Node | undefined;
    const found = lineOf(node, lines);
    if (found !== undefined) return found;
  }
  return undefined;
}

function lineOf(node: Node | undefined, lines: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function entryLabel(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `entity "${id}"` : `entity #${index + 1}`;
}

/** Starlight-style wording: `field.path: expected …, received …`. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(entry)';
  const value = valueAt(raw, issue.path);
  const received = describeValue(value);
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: expected ${issue.expected}, received ${received}`;
    case 'invalid_value':
      return `${path}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, received ${received}`;
    case 'invalid_format':
      return `${path}: expected ${issue.message}, received ${received}`;
    case 'too_small':
      return `${path}: expected ${issue.origin === 'string' ? 'a non-empty string' : `at least ${String(issue.minimum)}`}, received ${received}`;
    case 'unrecognized_keys':
      return `${issue.keys.join(', ')}: unknown field; expected only ${Object.keys(entitySchema.shape).join(', ')}`;
    default:
      return `${path}: ${issue.message}, received ${received}`;
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
