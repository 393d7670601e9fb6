/**
 * Sidecars: `seeds/<id>.meta.yaml` lets a contributor state what the text cannot (a known date, a
 * better title …). Any frontmatter field may be set; a `reason` is required and every field set is
 * recorded in provenance.overrides with it.
 */
import { articleSchema, type ArticleFrontmatter } from '../schema';
import { fatal, type PipelineMessage } from './messages';
import { parseLocatedYaml, parseWithFriendlyErrors } from './validate';
import { z } from 'zod';

/** Fields a sidecar may set: everything but the identity and the provenance ingest computes. */
const sidecarSchema = articleSchema
  .omit({ id: true, slug: true, provenance: true })
  .partial()
  .extend({ reason: z.string().trim().min(1).describe('Why the seed text is overridden, e.g. where the date comes from.') })
  .strict();

export type SidecarFields = Partial<Omit<ArticleFrontmatter, 'id' | 'slug' | 'provenance'>>;

/** A validated sidecar: the fields to set and the reason given. */
export interface Sidecar {
  fields: SidecarFields;
  reason: string;
}

/** Parse and validate a sidecar's YAML text. Problems are fatal messages with the sidecar's line. */
export function parseSidecar(yamlText: string): { sidecar: Sidecar | null; messages: PipelineMessage[] } {
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
  const { reason, ...fields } = result.data;
  return { sidecar: { fields: fields as SidecarFields, reason }, messages: [] };
}
