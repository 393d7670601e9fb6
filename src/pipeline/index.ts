/**
 * The ingest pipeline: one seed's bytes (+ optional sidecar) → validated frontmatter and MDX text.
 * read → clean → dates → structure → annotate → metadata → sidecar overrides → validate → MDX.
 * Each stage is a named step below; `ingestSeed` reads as their sequence.
 * Pure: no file system, no clock; the CLI does the I/O.
 */
import { createHash } from 'node:crypto';
import { articleSchema, isHttpUrl, type ArticleFrontmatter, type EntityKind } from '../schema';
import { annotateText, type Inline } from './entities/annotate';
import { findCandidateNames, type CandidateName } from './entities/candidates';
import { removeBoilerplate, type BoilerplateRule, type CleanResult, type RemovedLine } from './page/clean';
import { extractPublicationDate, type PublicationDate } from './page/dates';
import type { EntityMatcher, Mention } from './entities/entities';
import { bodyToMdast, mdastToMdx, renderMdxFile, verifyRoundTrip, type AnnotatedBlock } from './mdx/write';
import { fatal, warning, type PipelineMessage } from './messages';
import type { RemovalId } from './rules';
import { countWords, deriveTitle, readingMinutes, summarize } from './page/metadata';
import { readSeed, type DecodedSeed } from './text/read';
import { parseSidecar, type Sidecar } from './page/sidecar';
import { articleSlug, headingSlugs, seedId } from './text/slug';
import type { SourceTable } from './page/sources';
import { segmentBlocks, type Block, type Paragraph } from './page/structure';
import { findAgencyCredit, type AgencyCredit } from './page/agency';
import { proseBounds, removeLineFurniture, removePageChrome } from './page/furniture';
import { chooseHeadline, type HeadlineChoice } from './page/headline';
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
  const result = identify(input);
  const fail = (message: PipelineMessage): IngestResult => {
    result.messages.push(message);
    return result;
  };
  if (result.slug === '') return fail(fatal('invalid-file-name', 'the seed file name has no letters or digits to make a URL slug from; rename it, e.g. 005_source.txt'));

  const read = readSeed(input.bytes);
  result.messages.push(...read.messages);
  if (!read.seed) return result;
  const seed = read.seed;

  const sidecar = input.sidecar === undefined ? null : parseSidecar(input.sidecar, { sources: config.sources, entities: config.entities ?? new Map() });
  if (sidecar) result.sidecarMessages.push(...sidecar.messages);
  if (sidecar && !sidecar.sidecar) {
    return fail(fatal('invalid-sidecar', `the sidecar ${result.id}.meta.yaml is invalid (see its messages), so the article was not written`));
  }

  const page = cleanPage(seed, config);
  result.messages.push(...page.messages);
  const dates = extractPublicationDate(page.cleaned.lines, { seedId: result.id, layout: page.layout });
  const body = structureBody(seed, page);
  if (body.blocks.length === 0) {
    return fail(fatal('empty-article', 'nothing is left of the article once boilerplate is removed; check the seed holds the article text (or extend content/boilerplate.yaml less greedily)'));
  }

  const annotation = annotateBlocks(body.blocks, page, config.matcher);
  result.candidates = annotation.candidates;
  const metadata = readMetadata(seed, page, body, dates.date, config.sources);
  result.messages.push(...metadata.messages);
  const frontmatter = buildFrontmatter(input, result, seed, page, body, dates.date, metadata, annotation.entityIds);
  result.messages.push(...applySidecar(frontmatter, sidecar?.sidecar ?? null, dates));

  const valid = parseWithFriendlyErrors(articleSchema, frontmatter);
  if (!valid.success) {
    for (const issue of valid.issues) result.messages.push(fatal('invalid-frontmatter', `frontmatter ${issue.text}; the article was not written`));
    return result;
  }
  const written = writeMdx(annotation.annotated, frontmatter);
  result.messages.push(...written.messages);
  if (written.mdx === null) return result;
  result.article = valid.data;
  result.mdx = written.mdx;
  return result;
}

/** Step: the seed's id, URL slug and content hash, before anything is read. */
function identify(input: SeedInput): IngestResult {
  const id = seedId(input.fileName);
  const slug = articleSlug(id);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return { id, slug, sha256, article: null, mdx: null, messages: [], sidecarMessages: [], candidates: [] };
}

/** The page once boilerplate, line furniture, the headline and the page chrome are judged. */
interface CleanedPage {
  cleaned: CleanResult;
  /** Lines removed as line furniture (furniture.ts). */
  furnitureRemoved: RemovedLine[];
  choice: HeadlineChoice;
  headline: Paragraph | null;
  /** The lines left once the chrome is removed (numbering kept: a removed line is ''). */
  lines: string[];
  chromeRemoved: RemovedLine[];
  prose: { first: number; last: number } | null;
  layout: { headlineLine: number | null; leadLine: number | null };
  messages: PipelineMessage[];
}

/**
 * Step: clean. A pasted page: furniture judged line by line, then the headline by evidence, then the
 * page's head and tail around the article (furniture.ts, headline.ts). Every removal is recorded.
 */
function cleanPage(seed: DecodedSeed, config: IngestConfig): CleanedPage {
  const cleaned = removeBoilerplate(seed.lines, config.rules);
  const lineFurniture = removeLineFurniture(cleaned.lines, seed.lines, cleaned.listStarts, config.repeatedLines);
  const choice = chooseHeadline(lineFurniture.lines);
  const headline = choice.headline;
  const removedBefore = new Set([...cleaned.removed, ...lineFurniture.removed].map((r) => r.line));
  const chrome = removePageChrome(lineFurniture.lines, seed.lines, headline?.line ?? null, removedBefore);
  const prose = proseBounds(chrome.lines);
  return {
    cleaned,
    furnitureRemoved: lineFurniture.removed,
    choice,
    headline,
    lines: chrome.lines,
    chromeRemoved: chrome.removed,
    prose,
    // Dates read the page with its furniture: datelines and bylines are furniture too.
    layout: { headlineLine: headline?.line ?? null, leadLine: prose ? prose.first + 1 : null },
    messages: [...cleaned.messages, ...choice.messages],
  };
}

/** The article body in blocks, and every line removed on the way, in line order. */
interface Body {
  blocks: Block[];
  removed: RemovedLine[];
}

/** Step: structure. The headline becomes the title; it leaves the body and is recorded like any removed line. */
function structureBody(seed: DecodedSeed, page: CleanedPage): Body {
  const bodyLines = [...page.lines];
  const removed: RemovedLine[] = [...page.cleaned.removed, ...page.furnitureRemoved, ...page.chromeRemoved];
  const headline = page.headline;
  if (headline) {
    bodyLines[headline.line - 1] = '';
    removed.push({ line: headline.line, text: seed.lines[headline.line - 1] ?? headline.text, rule: 'headline' satisfies RemovalId, field: 'title' });
    for (const line of page.choice.repeats) {
      bodyLines[line - 1] = '';
      removed.push({ line, text: seed.lines[line - 1] ?? headline.text, rule: 'headline-repeated' satisfies RemovalId });
    }
  }
  removed.sort((a, b) => a.line - b.line);
  return { blocks: segmentBlocks(bodyLines), removed };
}

type EntityIds = Record<'people' | 'places' | 'organizations', string[]>;

/**
 * Step: annotate. Entities marked in paragraphs; entity ids collected in order of first mention
 * (title and headings count); names the gazetteer does not know reported as candidates.
 */
function annotateBlocks(
  blocks: readonly Block[],
  page: CleanedPage,
  gazetteer: EntityMatcher | undefined,
): { annotated: AnnotatedBlock[]; entityIds: EntityIds; candidates: CandidateName[] } {
  // Annotation and the candidate report both look up the same paragraphs; match each text once.
  const matcher = gazetteer ? memoized(gazetteer) : undefined;
  const firstMention = new Map<string, EntityKind>();
  const remember = (mentions: readonly Mention[]): void => {
    for (const mention of mentions) if (!firstMention.has(mention.entityId)) firstMention.set(mention.entityId, mention.kind);
  };
  const note = (text: string): void => remember(matcher?.find(text) ?? []);
  const annotate = (text: string): Inline[] => {
    const { inlines, mentions } = annotateText(text, matcher);
    remember(mentions);
    return inlines;
  };
  if (page.headline) note(page.headline.text);
  const annotated = blocks.map((block): AnnotatedBlock => {
    if (block.kind === 'heading') {
      note(block.text);
      return { kind: 'heading', text: block.text };
    }
    if (block.kind === 'paragraph') return { kind: 'paragraph', inlines: annotate(block.paragraph.text) };
    return { kind: block.kind, paragraphs: block.paragraphs.map((p) => annotate(p.text)) };
  });
  const entityIds: EntityIds = { people: [], places: [], organizations: [] };
  for (const [entityId, kind] of firstMention) entityIds[KIND_FIELD[kind]].push(entityId);
  return { annotated, entityIds, candidates: matcher ? findCandidateNames(page.lines, matcher) : [] };
}

/** What the body and the page say about the article besides its text. */
interface Metadata {
  headings: string[];
  lead: string;
  words: number;
  source: AgencyCredit;
  shortLink: string | null;
  messages: PipelineMessage[];
}

/** Step: metadata. Headings, lead and length from the body; the agency credit and short link from the page. */
function readMetadata(seed: DecodedSeed, page: CleanedPage, body: Body, date: PublicationDate, sources: SourceTable): Metadata {
  const paragraphs = body.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : block.kind === 'heading' ? [] : block.paragraphs));
  const headings = body.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
  const lead = paragraphs[0]?.text ?? headings[0] ?? '';
  const words = countWords([...headings, ...paragraphs.map((p) => p.text)]);
  const { cleaned, layout, prose } = page;
  const sourceLine = cleaned.removed.find((r) => r.field === 'source')?.line;
  const source = findAgencyCredit(
    {
      lines: seed.lines,
      removed: body.removed,
      ...(cleaned.fields.source === undefined ? {} : { explicit: { raw: cleaned.fields.source, ...(sourceLine === undefined ? {} : { line: sourceLine }) } }),
      headlineLine: layout.headlineLine,
      leadLine: layout.leadLine,
      lastLine: prose ? prose.last + 1 : null,
    },
    sources,
  );
  const messages = [...source.messages];
  // A removed line that gave the date or the agency says so in provenance.
  for (const [line, field] of [[date.line, 'published'], [source.source ? source.line : null, 'source']] as const) {
    const record = body.removed.find((r) => r.line === line && r.field === undefined);
    if (record) record.field = field;
  }
  let shortLink = cleaned.fields.shortLink ?? null;
  if (shortLink !== null && !isHttpUrl(shortLink)) {
    const line = cleaned.removed.find((r) => r.field === 'shortLink')?.line;
    messages.push(warning('invalid-short-link', `the short link "${shortLink}" is not an http(s) URL, so it was left out (the line is kept in provenance)`, line === undefined ? {} : { line }));
    shortLink = null;
  }
  return { headings, lead, words, source, shortLink, messages };
}

type Override = { field: string; value: unknown; reason: string };

/** Step: the frontmatter as the text gives it, before sidecar overrides and validation. */
function buildFrontmatter(
  input: SeedInput,
  ids: IngestResult,
  seed: DecodedSeed,
  page: CleanedPage,
  body: Body,
  date: PublicationDate,
  metadata: Metadata,
  entityIds: EntityIds,
): Record<string, unknown> {
  const { headline, cleaned } = page;
  const { headings, lead, words } = metadata;
  const slugs = headingSlugs(headings);
  return {
    id: ids.id,
    slug: ids.slug,
    title: headline ? headline.text : deriveTitle(lead),
    titleSource: headline ? 'headline' : 'derived',
    summary: summarize(lead),
    published: date.published,
    publishedPrecision: date.precision,
    publishedEvidence: date.evidence,
    source: metadata.source.source,
    shortLink: metadata.shortLink,
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
      sha256: ids.sha256,
      encoding: seed.encoding,
      lineEndings: seed.lineEndings,
      removed: body.removed,
      normalized: seed.normalized,
      overrides: [] as Override[],
    },
  };
}

/**
 * Step: sidecar overrides, applied to `frontmatter` in place and recorded in its provenance.
 * Returns the date messages that still hold once the contributor's fields are in.
 */
function applySidecar(
  frontmatter: Record<string, unknown>,
  sidecar: Sidecar | null,
  dates: { date: PublicationDate; messages: PipelineMessage[] },
): PipelineMessage[] {
  if (!sidecar) return dates.messages;
  const { fields, reason } = sidecar;
  const overrides = (frontmatter['provenance'] as { overrides: Override[] }).overrides;
  for (const [field, value] of Object.entries(fields)) {
    frontmatter[field] = value;
    // The source is recorded as the id the contributor wrote, not the record it resolved to.
    overrides.push({ field, value: field === 'source' && value !== null ? (value as { id: string }).id : value, reason });
  }
  if (fields.title !== undefined) frontmatter['titleSource'] = 'editor';
  if (fields.published === undefined) return dates.messages;
  if (fields.publishedPrecision === undefined) frontmatter['publishedPrecision'] = fields.published === null ? 'unknown' : 'day';
  if (fields.publishedEvidence === undefined && fields.published !== dates.date.published) frontmatter['publishedEvidence'] = null;
  // A date the contributor supplies settles the question the text left open.
  return dates.messages.filter((m) => m.ruleId !== 'missing-date');
}

/** Step: MDX. The body as mdast, serialized, parsed back to prove it says the same; null with messages when not. */
function writeMdx(annotated: readonly AnnotatedBlock[], frontmatter: Record<string, unknown>): { mdx: string | null; messages: PipelineMessage[] } {
  const tree = bodyToMdast(annotated);
  const body = mdastToMdx(tree);
  const roundTrip = verifyRoundTrip(tree, body);
  if (roundTrip.length > 0) return { mdx: null, messages: roundTrip };
  return { mdx: renderMdxFile(frontmatter, body), messages: [] };
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
