/**
 * The ingest pipeline: one seed's bytes (+ optional sidecar) → validated frontmatter and MDX text.
 * read → clean → dates → structure → annotate → metadata → sidecar overrides → validate → MDX.
 * Pure: no file system, no clock; the CLI does the I/O.
 */
import { createHash } from 'node:crypto';
import { articleSchema, isHttpUrl, type ArticleFrontmatter, type EntityKind } from '../schema';
import { annotateText, type Inline } from './entities/annotate';
import { findCandidateNames, type CandidateName } from './entities/candidates';
import { removeBoilerplate, type BoilerplateRule, type RemovedLine } from './page/clean';
import { extractPublicationDate } from './page/dates';
import type { EntityMatcher, Mention } from './entities/entities';
import { bodyToMdast, mdastToMdx, renderMdxFile, verifyRoundTrip, type AnnotatedBlock } from './mdx/write';
import { fatal, warning, type PipelineMessage } from './messages';
import { countWords, deriveTitle, readingMinutes, summarize } from './page/metadata';
import { readSeed } from './text/read';
import { parseSidecar } from './page/sidecar';
import { articleSlug, headingSlugs, seedId } from './text/slug';
import type { SourceTable } from './page/sources';
import { segmentBlocks } from './page/structure';
import { findAgencyCredit } from './page/agency';
import { proseBounds, removeLineFurniture, removePageChrome } from './page/furniture';
import { chooseHeadline } from './page/headline';
import { parseWithFriendlyErrors } from './validate';

/** Rules and tables the pipeline needs, loaded once by the caller. */
export interface IngestConfig {
  rules: readonly BoilerplateRule[];
  sources: SourceTable;
  /** Gazetteer matcher; without it no entities are marked. */
  matcher?: EntityMatcher;
  /** Short lines found in several seeds (site furniture the rules do not know yet); see furniture.ts. */
  repeatedLines?: ReadonlySet<string>;
  /** Gazetteer entity id → kind, to check the ids a sidecar names; without it a sidecar can name none. */
  entities?: ReadonlyMap<string, EntityKind>;
}

/** One seed to convert. */
export interface SeedInput {
  /** File name in the seeds folder, e.g. `001_6dfbaefa9a0405cb.txt`. */
  fileName: string;
  bytes: Uint8Array;
  /** Text of `<id>.meta.yaml`, when present. */
  sidecar?: string;
}

/** What ingest made of one seed. `mdx` is null when a fatal message says why. */
export interface IngestResult {
  id: string;
  slug: string;
  sha256: string;
  article: ArticleFrontmatter | null;
  mdx: string | null;
  /** Messages about the seed file. */
  messages: PipelineMessage[];
  /** Messages about the sidecar file. */
  sidecarMessages: PipelineMessage[];
  /** Names after role words that the gazetteer does not know. */
  candidates: CandidateName[];
}

const KIND_FIELD: Readonly<Record<EntityKind, 'people' | 'places' | 'organizations'>> = {
  person: 'people',
  place: 'places',
  organization: 'organizations',
};

/** Convert one seed. Never throws for bad input: problems come back as messages. */
export function ingestSeed(input: SeedInput, config: IngestConfig): IngestResult {
  const id = seedId(input.fileName);
  const slug = articleSlug(id);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const result: IngestResult = { id, slug, sha256, article: null, mdx: null, messages: [], sidecarMessages: [], candidates: [] };
  const fail = (message: PipelineMessage): IngestResult => {
    result.messages.push(message);
    return result;
  };

  if (slug === '') return fail(fatal('invalid-file-name', 'the seed file name has no letters or digits to make a URL slug from; rename it, e.g. 005_source.txt'));

  const read = readSeed(input.bytes);
  result.messages.push(...read.messages);
  if (!read.seed) return result;
  const seed = read.seed;

  const sidecar = input.sidecar === undefined ? null : parseSidecar(input.sidecar, { sources: config.sources, entities: config.entities ?? new Map() });
  if (sidecar) result.sidecarMessages.push(...sidecar.messages);
  if (sidecar && !sidecar.sidecar) {
    return fail(fatal('invalid-sidecar', `the sidecar ${id}.meta.yaml is invalid (see its messages), so the article was not written`));
  }

  const cleaned = removeBoilerplate(seed.lines, config.rules);
  result.messages.push(...cleaned.messages);

  // A pasted page: furniture judged line by line, then the headline by evidence, then the page's
  // head and tail around the article (furniture.ts, headline.ts). Every removal is recorded.
  const lineFurniture = removeLineFurniture(cleaned.lines, seed.lines, cleaned.listStarts, config.repeatedLines);
  const choice = chooseHeadline(lineFurniture.lines);
  result.messages.push(...choice.messages);
  const headline = choice.headline;
  const removedBefore = new Set([...cleaned.removed, ...lineFurniture.removed].map((r) => r.line));
  const chrome = removePageChrome(lineFurniture.lines, seed.lines, headline?.line ?? null, removedBefore);
  const prose = proseBounds(chrome.lines);
  const layout = { headlineLine: headline?.line ?? null, leadLine: prose ? prose.first + 1 : null };

  // Dates read the page with its furniture: datelines and bylines are furniture too.
  const dates = extractPublicationDate(cleaned.lines, { seedId: id, layout });

  // The headline becomes the title; it leaves the body and is recorded like any removed line.
  const bodyLines = [...chrome.lines];
  const removed: RemovedLine[] = [...cleaned.removed, ...lineFurniture.removed, ...chrome.removed];
  if (headline) {
    bodyLines[headline.line - 1] = '';
    removed.push({ line: headline.line, text: seed.lines[headline.line - 1] ?? headline.text, rule: 'headline', field: 'title' });
    for (const line of choice.repeats) {
      bodyLines[line - 1] = '';
      removed.push({ line, text: seed.lines[line - 1] ?? headline.text, rule: 'headline-repeated' });
    }
  }
  removed.sort((a, b) => a.line - b.line);

  const blocks = segmentBlocks(bodyLines);
  if (blocks.length === 0) {
    return fail(fatal('empty-article', 'nothing is left of the article once boilerplate is removed; check the seed holds the article text (or extend content/boilerplate.yaml less greedily)'));
  }

  // Annotation and the candidate report both look up the same paragraphs; match each text once.
  const matcher = config.matcher ? memoized(config.matcher) : undefined;

  // Annotate paragraphs; collect entity ids in order of first mention (title and headings count).
  const firstMention = new Map<string, EntityKind>();
  const note = (text: string): void => {
    for (const mention of matcher?.find(text) ?? []) if (!firstMention.has(mention.entityId)) firstMention.set(mention.entityId, mention.kind);
  };
  const annotate = (text: string): Inline[] => {
    const { inlines, mentions } = annotateText(text, matcher);
    for (const mention of mentions) if (!firstMention.has(mention.entityId)) firstMention.set(mention.entityId, mention.kind);
    return inlines;
  };
  if (headline) note(headline.text);
  const annotated: AnnotatedBlock[] = blocks.map((block): AnnotatedBlock => {
    if (block.kind === 'heading') {
      note(block.text);
      return { kind: 'heading', text: block.text };
    }
    if (block.kind === 'paragraph') return { kind: 'paragraph', inlines: annotate(block.paragraph.text) };
    return { kind: block.kind, paragraphs: block.paragraphs.map((p) => annotate(p.text)) };
  });
  const entityIds = { people: [] as string[], places: [] as string[], organizations: [] as string[] };
  for (const [entityId, kind] of firstMention) entityIds[KIND_FIELD[kind]].push(entityId);

  if (matcher) result.candidates = findCandidateNames(chrome.lines, matcher);

  const paragraphs = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : block.kind === 'heading' ? [] : block.paragraphs));
  const headings = blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
  const lead = paragraphs[0]?.text ?? headings[0] ?? '';
  const words = countWords([...headings, ...paragraphs.map((p) => p.text)]);

  const sourceLine = cleaned.removed.find((r) => r.field === 'source')?.line;
  const source = findAgencyCredit(
    {
      lines: seed.lines,
      removed,
      ...(cleaned.fields.source === undefined ? {} : { explicit: { raw: cleaned.fields.source, ...(sourceLine === undefined ? {} : { line: sourceLine }) } }),
      headlineLine: layout.headlineLine,
      leadLine: layout.leadLine,
      lastLine: prose ? prose.last + 1 : null,
    },
    config.sources,
  );
  result.messages.push(...source.messages);
  // A removed line that gave the date or the agency says so in provenance.
  for (const [line, field] of [[dates.date.line, 'published'], [source.source ? source.line : null, 'source']] as const) {
    const record = removed.find((r) => r.line === line && r.field === undefined);
    if (record) record.field = field;
  }

  let shortLink = cleaned.fields.shortLink ?? null;
  if (shortLink !== null && !isHttpUrl(shortLink)) {
    const line = cleaned.removed.find((r) => r.field === 'shortLink')?.line;
    result.messages.push(warning('invalid-short-link', `the short link "${shortLink}" is not an http(s) URL, so it was left out (the line is kept in provenance)`, line === undefined ? {} : { line }));
    shortLink = null;
  }

  const slugs = headingSlugs(headings);
  const frontmatter: Record<string, unknown> = {
    id,
    slug,
    title: headline ? headline.text : deriveTitle(lead),
    titleSource: headline ? 'headline' : 'derived',
    summary: summarize(lead),
    published: dates.date.published,
    publishedPrecision: dates.date.precision,
    publishedEvidence: dates.date.evidence,
    source: source.source,
    shortLink,
    photoCredit: cleaned.fields.photoCredit ?? null,
    category: cleaned.fields.category ?? null,
    headings: headings.map((text, index) => ({ depth: 2, text, slug: slugs[index] })),
    people: entityIds.people,
    places: entityIds.places,
    organizations: entityIds.organizations,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    language: 'ar',
    provenance: {
      seed: input.fileName,
      sha256,
      encoding: seed.encoding,
      lineEndings: seed.lineEndings,
      removed,
      normalized: seed.normalized,
      overrides: [] as Array<{ field: string; value: unknown; reason: string }>,
    },
  };

  let dateMessages = dates.messages;
  if (sidecar?.sidecar) {
    const { fields, reason } = sidecar.sidecar;
    const overrides = (frontmatter['provenance'] as { overrides: Array<{ field: string; value: unknown; reason: string }> }).overrides;
    for (const [field, value] of Object.entries(fields)) {
      frontmatter[field] = value;
      // The source is recorded as the id the contributor wrote, not the record it resolved to.
      overrides.push({ field, value: field === 'source' && value !== null ? (value as { id: string }).id : value, reason });
    }
    if (fields.title !== undefined) frontmatter['titleSource'] = 'editor';
    if (fields.published !== undefined) {
      // A date the contributor supplies settles the question the text left open.
      dateMessages = dateMessages.filter((m) => m.ruleId !== 'missing-date');
      if (fields.publishedPrecision === undefined) frontmatter['publishedPrecision'] = fields.published === null ? 'unknown' : 'day';
      if (fields.publishedEvidence === undefined && fields.published !== dates.date.published) frontmatter['publishedEvidence'] = null;
    }
  }
  result.messages.push(...dateMessages);

  const valid = parseWithFriendlyErrors(articleSchema, frontmatter);
  if (!valid.success) {
    for (const issue of valid.issues) result.messages.push(fatal('invalid-frontmatter', `frontmatter ${issue.text}; the article was not written`));
    return result;
  }

  const tree = bodyToMdast(annotated);
  const body = mdastToMdx(tree);
  const roundTrip = verifyRoundTrip(tree, body);
  if (roundTrip.length > 0) {
    result.messages.push(...roundTrip);
    return result;
  }
  result.article = valid.data;
  result.mdx = renderMdxFile(frontmatter, body);
  return result;
}

/** The same matcher, remembering its answers for the texts of one article. */
function memoized(matcher: EntityMatcher): EntityMatcher {
  const answers = new Map<string, Mention[]>();
  return {
    find(text: string): Mention[] {
      let mentions = answers.get(text);
      if (mentions === undefined) {
        mentions = matcher.find(text);
        answers.set(text, mentions);
      }
      return mentions;
    },
  };
}

/** True when any message is fatal. */
export function hasFatal(messages: readonly PipelineMessage[]): boolean {
  return messages.some((m) => m.fatal);
}
