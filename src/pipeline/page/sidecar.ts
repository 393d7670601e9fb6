/**
 * Sidecars: `seeds/<id>.meta.yaml` lets a contributor state what the text cannot (a known date, a
 * better title, the agency …). Only editorial fields may be set — never what ingest computes from
 * the text (headings, counts) or the provenance — and a `reason` is required. A source is named by
 * its id in `content/sources.yaml` and entities by their gazetteer ids, so a sidecar can neither
 * rename an agency nor invent one. Every field set is recorded in provenance.overrides.
 */
import { z } from 'zod';
import { articleSchema, entityId, LIMITS, plainText, type ArticleFrontmatter, type EntityKind } from '../../schema';
import { fatal, type PipelineMessage } from '../messages';
import type { SourceTable } from './sources';
import { parseLocatedYaml, parseWithFriendlyErrors } from '../validate';

/** Largest sidecar accepted, in bytes: a few fields and a reason. */
export const MAX_SIDECAR_BYTES = 64 * 1024;

const shape = articleSchema.shape;

/** The fields a sidecar may set, with the reason. */
const sidecarSchema = z
  .object({
    title: shape.title,
    summary: shape.summary,
    published: shape.published,
    publishedPrecision: shape.publishedPrecision,
    publishedEvidence: shape.publishedEvidence,
    source: entityId.nullable().describe('Id of a source in content/sources.yaml, e.g. "tass", or null for none.'),
    shortLink: shape.shortLink,
    photoCredit: shape.photoCredit,
    category: shape.category,
    people: shape.people,
    places: shape.places,
    organizations: shape.organizations,
  })
  .partial()
  .extend({ reason: plainText(LIMITS.reason, { allowLineBreaks: true }).describe('Why the seed text is overridden, e.g. where the date comes from.') })
  .strict();

/** The frontmatter fields a sidecar sets, the source resolved to its full record. */
type SidecarFields = Partial<
  Pick<
    ArticleFrontmatter,
    'title' | 'summary' | 'published' | 'publishedPrecision' | 'publishedEvidence' | 'source' | 'shortLink' | 'photoCredit' | 'category' | 'people' | 'places' | 'organizations'
  >
>;

/** A validated sidecar: the fields to set and the reason given. */
export interface Sidecar {
  fields: SidecarFields;
  reason: string;
}

/** What a sidecar's ids are checked against. */
export interface SidecarContext {
  sources: SourceTable;
  /** Gazetteer entity id → kind; ids missing here are refused. */
  entities: ReadonlyMap<string, EntityKind>;
}

const ENTITY_FIELDS = { people: 'person', places: 'place', organizations: 'organization' } as const;

/** Parse and validate a sidecar's YAML text. Problems are fatal messages with the sidecar's line. */
export function parseSidecar(yamlText: string, context: SidecarContext): { sidecar: Sidecar | null; messages: PipelineMessage[] } {
  const parsed = parseLocatedYaml(yamlText);
  if (parsed.errors.length > 0) {
    return {
      sidecar: null,
      messages: parsed.errors.map((e) => fatal('invalid-sidecar', `YAML syntax: ${e.text}; fix the sidecar or delete it`, e.line === undefined ? {} : { line: e.line })),
    };
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return { sidecar: null, messages: [fatal('invalid-sidecar', 'a sidecar must be a YAML mapping of frontmatter fields plus a reason, e.g. `published: 2022-01-10` and `reason: …`', { line: 1 })] };
  }
  const result = parseWithFriendlyErrors(sidecarSchema, parsed.data, parsed.locate);
  if (!result.success) {
    return {
      sidecar: null,
      messages: result.issues.map((issue) => fatal('invalid-sidecar', `${issue.text}; fix the sidecar or delete it`, issue.line === undefined ? {} : { line: issue.line })),
    };
  }
  const { reason, source, ...rest } = result.data;
  const messages: PipelineMessage[] = [];
  const at = (path: ReadonlyArray<PropertyKey>) => {
    const line = parsed.locate(path);
    return line === undefined ? {} : { line };
  };
  const fields: SidecarFields = { ...rest };
  if (source !== undefined) {
    const known = source === null ? null : [...context.sources.byName.values()].find((candidate) => candidate.id === source);
    if (known === undefined) {
      messages.push(fatal('invalid-sidecar', `source: "${source}" is not an id in content/sources.yaml; use one of its ids (e.g. "tass") or add the agency there`, at(['source'])));
    } else fields.source = known;
  }
  for (const [field, kind] of Object.entries(ENTITY_FIELDS) as Array<[keyof typeof ENTITY_FIELDS, EntityKind]>) {
    (rest[field] ?? []).forEach((id, index) => {
      const actual = context.entities.get(id);
      if (actual !== kind) {
        const an = (k: EntityKind) => `${k === 'organization' ? 'an' : 'a'} ${k}`;
        const why = actual === undefined ? 'is not in the gazetteer' : `is ${an(actual)}, not ${an(kind)}`;
        messages.push(fatal('invalid-sidecar', `${field}.${index}: "${id}" ${why}; use ${an(kind)} id from content/gazetteer/ or add the entity there`, at([field, index])));
      }
    });
  }
  if (messages.length > 0) return { sidecar: null, messages };
  return { sidecar: { fields, reason }, messages: [] };
}
