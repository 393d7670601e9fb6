/**
 * Sources: normalize the agency named in a seed's source line through `content/sources.yaml`,
 * so تاس, وكالة تاس and TASS are one source.
 */
import { z } from 'zod';
import { foldArabic } from '../../arabic/normalize';
import { sourceSchema, type Source } from '../../schema';
import { fatal, warning, type PipelineMessage } from '../messages';
import { parseLocatedYaml, parseWithFriendlyErrors } from '../validate';

const sourcesFileSchema = z
  .object({
    sources: z.array(sourceSchema.extend({ names: z.array(z.string().min(1)).min(1) }).strict()),
  })
  .strict();

/** Known sources, looked up by folded spelling. */
export interface SourceTable {
  byName: ReadonlyMap<string, Source>;
}

/** Fold a written agency name so spelling variants compare equal. */
function sourceKey(name: string): string {
  return foldArabic(name).replace(/[\s"'“”«».]+/g, ' ').trim();
}

/** Parse and validate `content/sources.yaml`; duplicate ids or spellings are errors. */
export function parseSources(yamlText: string): { table: SourceTable; messages: PipelineMessage[] } {
  const parsed = parseLocatedYaml(yamlText);
  const empty: SourceTable = { byName: new Map() };
  if (parsed.errors.length > 0) {
    return { table: empty, messages: parsed.errors.map((e) => fatal('invalid-sources', `YAML syntax: ${e.text}`, e.line === undefined ? {} : { line: e.line })) };
  }
  const result = parseWithFriendlyErrors(sourcesFileSchema, parsed.data, parsed.locate);
  if (!result.success) {
    return { table: empty, messages: result.issues.map((i) => fatal('invalid-sources', i.text, i.line === undefined ? {} : { line: i.line })) };
  }
  const byName = new Map<string, Source>();
  const ids = new Set<string>();
  const messages: PipelineMessage[] = [];
  result.data.sources.forEach(({ names, ...source }, index) => {
    if (ids.has(source.id)) {
      messages.push(fatal('invalid-sources', `sources.${index}.id: "${source.id}" is used twice`, lineOf(parsed.locate(['sources', index, 'id']))));
    }
    ids.add(source.id);
    for (const name of [source.ar, source.en, ...names]) {
      const key = sourceKey(name);
      const existing = byName.get(key);
      if (existing && existing.id !== source.id) {
        messages.push(fatal('invalid-sources', `sources.${index}.names: "${name}" already names "${existing.id}"`, lineOf(parsed.locate(['sources', index, 'names']))));
      }
      if (!existing) byName.set(key, source);
    }
  });
  return { table: { byName }, messages };
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/**
 * Credits often add the abbreviation in brackets: «وكالة الأنباء الكويتية (كونا)», «Reuters (رويترز)».
 * Either part may be the known one; when both are known they must name the same agency, so a
 * credit like «رويترز (أ ف ب)» stays unknown instead of picking one of two.
 */
function lookUpBracketed(raw: string, table: SourceTable): Source | undefined {
  const match = /^([^()]+)\(([^()]+)\)\s*$/u.exec(raw.trim());
  if (!match) return undefined;
  const outer = table.byName.get(sourceKey(match[1] ?? ''));
  const inner = table.byName.get(sourceKey(match[2] ?? ''));
  if (outer && inner && outer.id !== inner.id) return undefined;
  return outer ?? inner;
}

/** Look up the agency written in a source line; unknown names give null and a warning. */
export function normalizeSource(raw: string | undefined, table: SourceTable, line?: number): { source: Source | null; messages: PipelineMessage[] } {
  if (raw === undefined) return { source: null, messages: [] };
  const source = table.byName.get(sourceKey(raw)) ?? lookUpBracketed(raw, table);
  if (source) return { source, messages: [] };
  return {
    source: null,
    messages: [
      warning('unknown-source', `the source "${raw}" is not in content/sources.yaml, so the article has no source; add it (or this spelling to an entry's names)`, line === undefined ? {} : { line }),
    ],
  };
}
