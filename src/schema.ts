/**
 * The data contract of the archive: article frontmatter and gazetteer entities.
 * One schema, imported by the ingest pipeline (to validate before writing) and by
 * `src/content.config.ts` (so Astro validates the same thing it renders).
 */
import { z } from 'zod';

/** A date written `YYYY-MM-DD` that exists in the proleptic Gregorian calendar (no 2099-02-30, no month 13). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'expected a date that exists in the calendar (years 1000–2999, months 01–12, days that month has)')
  .describe('Calendar date in the proleptic Gregorian calendar, YYYY-MM-DD.');

/** True when `YYYY-MM-DD` names a real day between the years 1000 and 2999. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Length limits of published text, so one field cannot blow up every page that shows it
 * (documented in SECURITY.md).
 */
export const LIMITS = {
  title: 300,
  summary: 300,
  shortText: 300,
  category: 100,
  url: 2000,
  reason: 2000,
  entityName: 200,
  description: 1000,
} as const;

/** Why a text cannot be published as is, or null: controls, noncharacters, lone surrogates, bidi controls. */
export function unpublishableCharacter(text: string, allowLineBreaks = false): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const code = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        if ((code & 0xfffe) === 0xfffe) return `the noncharacter U+${code.toString(16).toUpperCase()} at character ${i + 1}`;
        i++;
        continue;
      }
      return `a lone surrogate U+${hex(c)} at character ${i + 1}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `a lone surrogate U+${hex(c)} at character ${i + 1}`;
    if (c === 0x09 || (c === 0x0a && allowLineBreaks)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `the control character U+${hex(c)} at character ${i + 1}`;
    if ((c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) return `the noncharacter U+${hex(c)} at character ${i + 1}`;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return `the bidi control U+${hex(c)} at character ${i + 1} (it can disguise the order of the text)`;
  }
  return null;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** A one-line text safe to publish in HTML, XML and JSON, at most `max` characters and not blank. */
export function plainText(max: number, options: { allowLineBreaks?: boolean } = {}) {
  return z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = unpublishableCharacter(text, options.allowLineBreaks ?? false);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `expected text without ${problem.replace(/^(a|the) /, '')}; remove it` });
      else if (text.trim() === '') ctx.addIssue({ code: 'custom', message: 'expected text, found only spaces' });
    });
}

/** An absolute http: or https: URL, the only links the site renders (no javascript:, data: …). */
const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((text) => {
    if (!URL.canParse(text)) return false;
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  }, 'expected an absolute http:// or https:// URL');

/** True when `text` is an absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  return httpUrl.safeParse(text).success;
}

/**
 * A seed file name: ASCII letters, digits, `_`, `-` and `.`, ending in `.txt`, at most 100
 * characters — safe in URLs, on every file system and in shells.
 */
export const seedFileName = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$/, 'a file name of ASCII letters, digits, "_", "-" and "." ending in .txt, e.g. 005_tass.txt');

/** Entity ids are ASCII slugs so they are safe in URLs, file names and HTML attributes. */
export const entityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an ASCII slug such as "emomali-rahmon"');

const entityKinds = ['person', 'place', 'organization'] as const;
export type EntityKind = (typeof entityKinds)[number];

/** A news agency or publisher, normalized so that تاس and TASS are one source. */
export const sourceSchema = z
  .object({
    id: entityId.describe('Stable ASCII id of the source, e.g. "tass".'),
    ar: plainText(LIMITS.entityName).describe('Arabic name as readers know it, e.g. "تاس".'),
    en: plainText(LIMITS.entityName).describe('English name, e.g. "TASS".'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

/** One line of the seed that left the article body, kept verbatim so nothing is lost. */
const removedLineSchema = z
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
const normalizationSchema = z
  .object({
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    from: z.string().describe('Code points removed or replaced, written U+XXXX separated by spaces.'),
    to: z.string().describe('What replaced them ("" when removed).'),
    rule: z.string().min(1),
  })
  .strict();

/** A frontmatter field a contributor set in `seeds/<id>.meta.yaml`, with the reason given. */
const overrideSchema = z
  .object({
    field: z.string().min(1),
    value: z.unknown(),
    reason: plainText(LIMITS.reason, { allowLineBreaks: true }),
  })
  .strict();

const provenanceSchema = z
  .object({
    seed: seedFileName.describe('File name of the seed in seeds/.'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the seed file bytes.'),
    encoding: z.string().describe('How the bytes were decoded, e.g. "utf-8", "utf-8 with BOM", "utf-16le".'),
    lineEndings: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
    removed: z.array(removedLineSchema),
    normalized: z.array(normalizationSchema),
    overrides: z.array(overrideSchema),
  })
  .strict();
export type Provenance = z.infer<typeof provenanceSchema>;

const headingSchema = z
  .object({
    depth: z.number().int().min(2).max(6),
    text: plainText(LIMITS.title),
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
    title: plainText(LIMITS.title),
    titleSource: z.enum(['headline', 'derived', 'editor']).describe('Where the title comes from: the headline line, derived from the lead, or set by an editor in a sidecar.'),
    summary: z.union([z.literal(''), plainText(LIMITS.summary)]),
    published: isoDate.nullable(),
    publishedPrecision: z.enum(['day', 'month', 'year', 'unknown']),
    publishedEvidence: plainText(LIMITS.shortText).nullable().describe('The exact phrase the date was read from.'),
    source: sourceSchema.nullable(),
    shortLink: httpUrl.nullable(),
    photoCredit: plainText(LIMITS.shortText).nullable(),
    category: plainText(LIMITS.category).nullable(),
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
    name: plainText(LIMITS.entityName).describe('Arabic canonical name.'),
    nameEn: plainText(LIMITS.entityName).describe('English name.'),
    aliases: z
      .array(plainText(LIMITS.entityName))
      .default([])
      .describe('Every other Arabic spelling and derived form (adjectives included) that refers to it.'),
    aliasesEn: z.array(plainText(LIMITS.entityName)).default([]).describe('Other English names and abbreviations (e.g. CSTO).'),
    description: plainText(LIMITS.description).describe('One line of Arabic describing the entity.'),
    role: plainText(LIMITS.entityName).optional().describe('For people: their role as the articles state it, in Arabic.'),
    coordinates: z
      .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])
      .optional()
      .describe('For places: [latitude, longitude] in decimal degrees, only where certain (a capital, a country centroid).'),
  })
  .strict();
export type Entity = z.infer<typeof entitySchema>;
