/**
 * The data contract of the archive: article frontmatter and gazetteer entities.
 * One schema, imported by the ingest pipeline (to validate before writing) and by
 * `src/content.config.ts` (so Astro validates the same thing it renders).
 */
import { z } from 'zod';

/** A date written `YYYY-MM-DD`, the only form frontmatter stores. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .describe('Calendar date in the proleptic Gregorian calendar, YYYY-MM-DD.');

/** Entity ids are ASCII slugs so they are safe in URLs, file names and HTML attributes. */
export const entityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII slug such as "emomali-rahmon"');

export const entityKinds = ['person', 'place', 'organization'] as const;
export type EntityKind = (typeof entityKinds)[number];

/** A news agency or publisher, normalized so that تاس and TASS are one source. */
export const sourceSchema = z
  .object({
    id: entityId.describe('Stable ASCII id of the source, e.g. "tass".'),
    ar: z.string().min(1).describe('Arabic name as readers know it, e.g. "تاس".'),
    en: z.string().min(1).describe('English name, e.g. "TASS".'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

/** One line of the seed that left the article body, kept verbatim so nothing is lost. */
export const removedLineSchema = z
  .object({
    line: z.number().int().positive().describe('1-based line number in the seed file.'),
    text: z.string().describe('The line exactly as it was (after decoding), without its line ending.'),
    rule: z.string().min(1).describe('Id of the boilerplate rule that removed it, e.g. "cookie-banner".'),
    field: z
      .string()
      .optional()
      .describe('Frontmatter field the line was turned into, if any (e.g. "source", "shortLink").'),
  })
  .strict();

/** A character changed or removed while reading (bidi controls, NUL, presentation forms …). */
export const normalizationSchema = z
  .object({
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    from: z.string().describe('Code points removed or replaced, written U+XXXX separated by spaces.'),
    to: z.string().describe('What replaced them ("" when removed).'),
    rule: z.string().min(1),
  })
  .strict();

/** A frontmatter field a contributor set in `seeds/<id>.meta.yaml`, with the reason given. */
export const overrideSchema = z
  .object({
    field: z.string().min(1),
    value: z.unknown(),
    reason: z.string().min(1),
  })
  .strict();

export const provenanceSchema = z
  .object({
    seed: z.string().min(1).describe('File name of the seed in seeds/.'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the seed file bytes.'),
    encoding: z.string().describe('How the bytes were decoded, e.g. "utf-8", "utf-8 with BOM", "utf-16le".'),
    lineEndings: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
    removed: z.array(removedLineSchema),
    normalized: z.array(normalizationSchema),
    overrides: z.array(overrideSchema),
  })
  .strict();
export type Provenance = z.infer<typeof provenanceSchema>;

export const headingSchema = z
  .object({
    depth: z.number().int().min(2).max(6),
    text: z.string().min(1),
    slug: z.string().min(1).describe('Anchor id used in the page for this heading.'),
  })
  .strict();

export const articleSchema = z
  .object({
    id: z.string().min(1).describe("The seed file's stem; stable for the life of the archive."),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase ASCII words joined by "-"')
      .describe('URL segment of the article page.'),
    title: z.string().min(1),
    titleSource: z.enum(['headline', 'derived']),
    summary: z.string().max(300),
    published: isoDate.nullable(),
    publishedPrecision: z.enum(['day', 'month', 'year', 'unknown']),
    publishedEvidence: z.string().nullable().describe('The exact phrase the date was read from.'),
    source: sourceSchema.nullable(),
    shortLink: z.string().url().nullable(),
    photoCredit: z.string().nullable(),
    category: z.string().nullable(),
    headings: z.array(headingSchema),
    people: z.array(entityId),
    places: z.array(entityId),
    organizations: z.array(entityId),
    wordCount: z.number().int().nonnegative(),
    readingMinutes: z.number().int().nonnegative(),
    language: z.literal('ar'),
    provenance: provenanceSchema,
  })
  .strict();
export type ArticleFrontmatter = z.infer<typeof articleSchema>;

/** One person, place or organization in the gazetteer (`content/gazetteer/*.yaml`). */
export const entitySchema = z
  .object({
    id: entityId,
    kind: z.enum(entityKinds),
    name: z.string().min(1).describe('Arabic canonical name.'),
    nameEn: z.string().min(1).describe('English name.'),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe('Every other Arabic spelling and derived form (adjectives included) that refers to it.'),
    aliasesEn: z.array(z.string().min(1)).default([]).describe('Other English names and abbreviations (e.g. CSTO).'),
    description: z.string().min(1).describe('One line of Arabic describing the entity.'),
    role: z.string().optional().describe('For people: their role as the articles state it, in Arabic.'),
    coordinates: z
      .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])
      .optional()
      .describe('For places: [latitude, longitude] in decimal degrees, only where certain (a capital, a country centroid).'),
  })
  .strict();
export type Entity = z.infer<typeof entitySchema>;
