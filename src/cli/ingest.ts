/**
 * `npm run ingest`: seeds/*.txt → content/articles/<slug>.mdx. A thin shell around the pure
 * pipeline: parse arguments, read files, write atomically, print, set the exit code.
 */
import { existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { DEFAULT_CONTENT_PATHS, loadIngestConfig, type ContentPaths, type FileReport } from '../loaders/content';
import { listRealFolder, readRegularFile, readUtf8File, realFolderProblem, type FolderEntry } from '../loaders/files';
import { MAX_SEED_BYTES, sidecarName as sidecarFileName } from '../loaders/seeds';
import { findConflicts } from '../pipeline/corpus';
import { RepeatedLineCounter } from '../pipeline/page/furniture';
import { MAX_SIDECAR_BYTES } from '../pipeline/page/sidecar';
import { readSeed } from '../pipeline/text/read';
import type { IngestResult } from '../pipeline/index';
import { articleKey, codeDigest, contentDigest, DEFAULT_CACHE_DIR, IngestCache, sha256, type ArticleReport } from './ingest-cache';
import { convertAll, defaultThreads, MIN_SEEDS_PER_WORKER, WorkerPool, type ConvertJob, type Converted } from './ingest-workers';
import { fatal, warning, type PipelineMessage } from '../pipeline/messages';
import { articleSlug, seedId } from '../pipeline/text/slug';
import { seedFileName } from '../schema';

/** Folders of at least this many seeds report progress on stderr. */
const PROGRESS_MIN_SEEDS = 200;

/** More removals than this in one run (or all articles) need --prune: a wrong --seeds must not empty the archive. */
const MAX_UNPRUNED_REMOVALS = 10;

/** Temporary files of an interrupted write: `.<name>.mdx.<pid>.tmp`. */
const TEMP_FILE = /^\..+\.mdx\.\d+\.tmp$/;

const USAGE = `Usage: npm run ingest -- [options]

Convert every seeds/*.txt into content/articles/<slug>.mdx.

Options:
  --check                 change nothing; exit 1 if any article is missing, stale or orphaned
                          (every seed is converted: --check never relies on the cache)
  --seeds DIR             folder of seed .txt files (default: seeds)
  --out DIR               folder for the .mdx files (default: content/articles)
  --prune                 allow removing every article, or more than ${MAX_UNPRUNED_REMOVALS}, in one run
  --frail                 exit 1 on warnings too
  --removed               list every line that left an article's body, with its rule
  --candidates-json FILE  write the names the gazetteer does not know to FILE as JSON
  --rules FILE            boilerplate rules (default: content/boilerplate.yaml)
  --sources FILE          source agencies (default: content/sources.yaml)
  --gazetteer DIR         gazetteer folder (default: content/gazetteer)
  --jobs N                threads converting seeds (default: one per core)
  --cache DIR             where to keep the ingest cache (default: node_modules/.cache/arshif)
  --no-cache              convert every seed, without reading or updating the cache
  --help                  show this text`;

/** Where a seeds-folder entry stands before conversion. */
interface SeedEntry {
  name: string;
  path: string;
  slug: string;
  /** Set when the file cannot be converted at all. */
  problem?: PipelineMessage;
}

/** The conversion threads of this run, stopped however the run ends. */
let pool: WorkerPool | null = null;

async function main(): Promise<number> {
  try {
    return await run();
  } catch (error) {
    // Whatever slipped past the checks is still reported as a sentence, never a stack trace.
    const cause = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ingest stopped: ${cause}\nNothing after this point was written. Report this with the command you ran (see SECURITY.md for security problems).\n`);
    return 2;
  } finally {
    pool?.terminate();
  }
}

type Options = ReturnType<typeof parseOptions>;

/** The command line, parsed strictly (an unknown option throws with a message for the user). */
function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content/articles' },
      prune: { type: 'boolean', default: false },
      frail: { type: 'boolean', default: false },
      removed: { type: 'boolean', default: false },
      'candidates-json': { type: 'string' },
      rules: { type: 'string', default: DEFAULT_CONTENT_PATHS.rules },
      sources: { type: 'string', default: DEFAULT_CONTENT_PATHS.sources },
      gazetteer: { type: 'string', default: DEFAULT_CONTENT_PATHS.gazetteer },
      jobs: { type: 'string' },
      cache: { type: 'string', default: DEFAULT_CACHE_DIR },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** Messages collected per file over the whole run and printed once, with vfile-reporter. */
class Diagnostics {
  private readonly files: VFile[] = [];

  /** Record messages about `path`. */
  add(path: string, messages: readonly PipelineMessage[]): void {
    if (messages.length === 0) return;
    const file = new VFile({ path });
    for (const m of messages) {
      const message = file.message(m.reason, { place: m.line === undefined ? undefined : { line: m.line, column: m.column ?? 1 }, ruleId: m.ruleId, source: 'arshif' });
      message.fatal = m.fatal;
    }
    this.files.push(file);
  }

  /** Record the reports of the content loaders. */
  addReports(reports: readonly FileReport[]): void {
    for (const report of reports) this.add(report.path, report.messages);
  }

  get fatalCount(): number {
    return this.files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
  }

  /** Print everything recorded, then return `exitCode`. */
  finish(exitCode: number): number {
    if (this.files.length > 0) process.stderr.write(`${reporter(this.files, { quiet: true })}\n`);
    return exitCode;
  }
}

/** A seed with what pass 1 learned: its hash and short lines, or the problem that stops it. */
type Identity = SeedEntry & { sha256: string; shortLines: string[] };

/**
 * Pass 1: the identity (hash) of every seed, so conflicts are known before anything is written,
 * and the short lines several seeds share (a site's furniture, see furniture.ts). A seed's short
 * lines depend only on its bytes, so the cache keeps them by hash and an unchanged seed is not decoded.
 */
function identifySeeds(seeds: readonly SeedEntry[], cache: IngestCache): { identities: Identity[]; repeatedLines: ReadonlySet<string> } {
  const lineCounter = new RepeatedLineCounter();
  const identities = seeds.map((seed): Identity => {
    if (seed.problem) return { ...seed, sha256: '', shortLines: [] };
    const read = readRegularFile(seed.path, MAX_SEED_BYTES);
    if ('problem' in read) return { ...seed, problem: fatal(read.problem.ruleId, read.problem.reason), sha256: '', shortLines: [] };
    const hash = sha256(read.bytes);
    const shortLines = cache.shortLines(hash) ?? RepeatedLineCounter.shortLines(readSeed(read.bytes).seed?.lines ?? []);
    cache.rememberShortLines(hash, shortLines);
    lineCounter.addShortLines(shortLines);
    return { ...seed, sha256: hash, shortLines };
  });
  return { identities, repeatedLines: lineCounter.repeated() };
}

/**
 * The cache key of a seed's inputs, or null when the sidecar cannot be read (the seed is then
 * converted, to report why). The repeated lines that count are the ones the seed contains.
 */
function seedKey(identity: Identity, hasSidecar: boolean, seedsDir: string, content: string, repeatedLines: ReadonlySet<string>): { key: string; sidecarSha256: string | null } | null {
  let sidecarSha256: string | null = null;
  if (hasSidecar) {
    const read = readUtf8File(join(seedsDir, sidecarFileName(identity.name)), MAX_SIDECAR_BYTES);
    if ('problem' in read) return null;
    sidecarSha256 = sha256(read.text);
  }
  const repeated = identity.shortLines.filter((line) => repeatedLines.has(line));
  return { key: articleKey({ seedName: identity.name, seedSha256: identity.sha256, sidecarSha256, contentDigest: content, repeatedLines: repeated }), sidecarSha256 };
}

/** What became of one article in the output folder, and the counters of the run. */
interface Tally {
  written: number;
  unchanged: number;
  /** Of the unchanged, those the cache vouched for without converting their seed. */
  cached: number;
  failed: number;
  warnings: number;
  drift: string[];
}

/** The SHA-256 of an article on disk, or null when it is not a regular file that can be read. */
function articleSha256(slug: string, outDir: string, outKinds: ReadonlyMap<string, FolderEntry['kind']>): string | null {
  const name = `${slug}.mdx`;
  if (outKinds.get(name) !== 'file') return null;
  const read = readRegularFile(join(outDir, name), Number.MAX_SAFE_INTEGER);
  return 'bytes' in read ? sha256(read.bytes) : null;
}

/**
 * Write (or in --check, compare) one converted article; returns its status word and whether the
 * file now holds `mdx`.
 */
function placeArticle(mdx: string, slug: string, outDir: string, outKinds: ReadonlyMap<string, FolderEntry['kind']>, check: boolean, tally: Tally, diagnostics: Diagnostics): { status: string; placed: boolean } {
  const status = placeArticleFile(mdx, slug, outDir, outKinds, check, tally, diagnostics);
  return { status, placed: status === 'unchanged' || status === 'written' || status === 'updated' };
}

function placeArticleFile(mdx: string, slug: string, outDir: string, outKinds: ReadonlyMap<string, FolderEntry['kind']>, check: boolean, tally: Tally, diagnostics: Diagnostics): string {
  const targetName = `${slug}.mdx`;
  const target = join(outDir, targetName);
  const kind = outKinds.get(targetName);
  const current = kind === 'file' ? readUtf8File(target, Number.MAX_SAFE_INTEGER) : null;
  if (current && 'text' in current && current.text === mdx) {
    tally.unchanged++;
    return 'unchanged';
  }
  if (check) {
    const status = kind === undefined ? 'missing' : kind === 'file' ? 'stale' : 'not a regular file';
    tally.drift.push(`${status}: ${target}`);
    return status;
  }
  if (kind === 'folder' || kind === 'other') {
    diagnostics.add(target, [fatal('not-a-regular-file', 'a folder or special file has the name of this article; remove it and run ingest again')]);
    return 'not written';
  }
  const failure = writeAtomically(target, mdx);
  if (failure !== null) {
    diagnostics.add(target, [fatal('write-failed', `the article could not be written (${failure}); check the folder is writable and has room`)]);
    return 'not written';
  }
  // A symbolic link in its place was replaced by the file itself (rename never writes through a link).
  tally.written++;
  return kind === undefined ? 'written' : 'updated';
}

/**
 * Remove the articles whose seed is gone (or in --check, list them). Removing every article, or
 * more than MAX_UNPRUNED_REMOVALS, needs --prune. Returns the orphans and whether removal was refused.
 */
function removeOrphans(outEntries: readonly FolderEntry[], expected: ReadonlySet<string>, options: Options, tally: Tally, diagnostics: Diagnostics): { orphans: number; refused: boolean } {
  const existing = outEntries.filter((entry) => entry.name.endsWith('.mdx') && !entry.name.startsWith('.'));
  const orphans = existing.filter((entry) => !expected.has(entry.name));
  if (options.check) {
    for (const orphan of orphans) tally.drift.push(`orphaned: ${join(options.out, orphan.name)}`);
    return { orphans: orphans.length, refused: false };
  }
  if (orphans.length > 0 && !options.prune && (orphans.length === existing.length || orphans.length > MAX_UNPRUNED_REMOVALS)) {
    process.stderr.write(
      `\nRefusing to remove ${plural(orphans.length, 'article')} of ${existing.length} in ${options.out}: their seeds are not in ${options.seeds}. ` +
        `If that is intended, run again with --prune; if not, check --seeds points at the right folder.\n`,
    );
    return { orphans: orphans.length, refused: true };
  }
  for (const orphan of orphans) {
    const path = join(options.out, orphan.name);
    if (orphan.kind === 'file' || orphan.kind === 'symlink') {
      unlinkSync(path); // unlink removes a link itself, never what it points at
      process.stdout.write(`${basename(orphan.name, '.mdx')}  removed (its seed is gone)\n`);
    } else diagnostics.add(path, [fatal('not-a-regular-file', 'a folder or special file is named like an article; remove it by hand')]);
  }
  return { orphans: orphans.length, refused: false };
}

async function run(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { check, seeds: seedsDir, out: outDir } = options;
  const threads = options.jobs === undefined ? defaultThreads() : Number(options.jobs);
  if (!Number.isInteger(threads) || threads < 1) {
    process.stderr.write(`--jobs takes a whole number of threads, at least 1 (got ${JSON.stringify(options.jobs)})\n\n${USAGE}\n`);
    return 2;
  }
  const diagnostics = new Diagnostics();

  // Configuration: rules, sources and gazetteer, through the loaders the site and search use too.
  // Their digest is taken before they are read and checked again before the cache is saved, so an
  // edit during the run never leaves a cache entry for content the run did not use.
  const paths: ContentPaths = { rules: options.rules, sources: options.sources, gazetteer: options.gazetteer };
  const content = contentDigest(paths);
  const loaded = loadIngestConfig(paths);
  diagnostics.addReports(loaded.reports);
  if (!loaded.config) return diagnostics.finish(1);

  const listing = listRealFolder(seedsDir);
  if ('problem' in listing) {
    process.stderr.write(`${seedsDir}: ${listing.problem.reason}. Pass --seeds DIR with a real folder of seeds.\n`);
    return diagnostics.finish(1);
  }
  const outProblem = outputFolderProblem(outDir);
  if (outProblem) {
    process.stderr.write(`${outDir}: ${outProblem} Ingest writes and deletes only inside a real folder; nothing was changed.\n`);
    return diagnostics.finish(1);
  }

  const { seeds, sidecars, messages: entryMessages } = classifyEntries(listing.entries, seedsDir);
  for (const [path, list] of entryMessages) diagnostics.add(path, list);
  const seedNames = new Set(seeds.map((seed) => seed.name));
  for (const sidecar of sidecars.keys()) {
    const id = sidecar.slice(0, -'.meta.yaml'.length);
    if (!seedNames.has(`${id}.txt`)) diagnostics.add(join(seedsDir, sidecar), [warning('orphaned-sidecar', `there is no seed ${id}.txt for this sidecar; rename or delete it`)]);
  }

  // --check converts every seed: what it vouches for is never taken from a cache, so a cache that
  // went wrong (or was tampered with) can slow a run but never pass a stale article.
  const cache = options['no-cache'] || check ? IngestCache.disabled() : IngestCache.open(options.cache, outDir, codeDigest());
  // Seeds the cache knows no article for will be converted: when there are enough, the workers
  // start now and load while pass 1 reads the seeds.
  const workersFor = (seedCount: number): number => Math.min(threads - 1, options.jobs === undefined ? Math.floor(seedCount / MIN_SEEDS_PER_WORKER) : seedCount - 1);
  const unknown = seeds.filter((seed) => !seed.problem && !cache.knows(seed.name)).length;
  if (workersFor(unknown) > 0) pool = new WorkerPool(workersFor(unknown), seedsDir, paths);
  const { identities, repeatedLines } = identifySeeds(seeds, cache);
  const config = { ...loaded.config, repeatedLines };
  const conflicts = findConflicts(identities.filter((identity) => !identity.problem));

  // Pass 2: convert and write (or compare) one seed at a time, so memory stays flat.
  if (!check) mkdirSync(outDir, { recursive: true });
  const outEntries = existsSync(outDir) ? listRealFolder(outDir) : { entries: [] as FolderEntry[] };
  if ('problem' in outEntries) {
    process.stderr.write(`${outDir}: ${outEntries.problem.reason}; nothing was changed.\n`);
    return diagnostics.finish(1);
  }
  const outKinds = new Map(outEntries.entries.map((entry) => [entry.name, entry.kind]));
  cleanStaleTempFiles(outEntries.entries, outDir, check, diagnostics);

  const expected = new Set<string>();
  const tally: Tally = { written: 0, unchanged: 0, cached: 0, failed: 0, warnings: 0, drift: [] };
  const candidates: Array<{ seed: string; line: number; name: string; roleWord: string; context: string }> = [];

  /** Print, count and record one seed's report (converted now or replayed from the cache). */
  const report = (identity: Identity, messages: readonly PipelineMessage[], sidecarMessages: readonly PipelineMessage[], found: ArticleReport['candidates']): number => {
    diagnostics.add(identity.path, [...messages]);
    diagnostics.add(join(seedsDir, sidecarFileName(identity.name)), [...sidecarMessages]);
    const warnings = [...messages, ...sidecarMessages].filter((m) => !m.fatal).length;
    tally.warnings += warnings;
    for (const c of found) candidates.push({ seed: identity.name, ...c });
    return warnings;
  };
  const progress = (index: number): void => {
    if (identities.length >= PROGRESS_MIN_SEEDS && index > 0 && index % Math.ceil(identities.length / 10) === 0) {
      process.stderr.write(`ingest: ${index}/${identities.length} seeds\n`);
    }
  };

  // Sort the seeds: the ones that cannot be converted, the ones the cache vouches for (their
  // article on disk is the one their unchanged inputs made), and the ones to convert.
  type Plan = { kind: 'failed'; result: IngestResult } | { kind: 'cached'; report: ArticleReport; key: string; mdxSha256: string } | { kind: 'convert'; key: { key: string; sidecarSha256: string | null } | null };
  const plans = identities.map((identity): Plan => {
    // A seed that fails keeps its article: a bad edit must not delete what was published.
    if (identity.slug !== '') expected.add(`${identity.slug}.mdx`);
    const failed = { id: seedId(identity.name), slug: identity.slug, sha256: identity.sha256, article: null, mdx: null, sidecarMessages: [], candidates: [] };
    if (identity.problem) return { kind: 'failed', result: { ...failed, messages: [identity.problem] } };
    const conflict = conflicts.get(identity.path);
    if (conflict) return { kind: 'failed', result: { ...failed, messages: conflict } };
    const key = seedKey(identity, sidecars.has(sidecarFileName(identity.name)), seedsDir, content, repeatedLines);
    const cached = key === null ? undefined : cache.article(identity.name, key.key);
    if (cached !== undefined && articleSha256(identity.slug, outDir, outKinds) === cached.mdxSha256) {
      return { kind: 'cached', report: cached.report, key: cached.key, mdxSha256: cached.mdxSha256 };
    }
    return { kind: 'convert', key };
  });

  /** Report a seed that was converted (or could not be) and write or compare its article. */
  const place = (index: number, result: IngestResult, sidecarSha256: string | null): void => {
    const identity = identities[index]!;
    const plan = plans[index]!;
    const warnings = report(identity, result.messages, result.sidecarMessages, result.candidates);
    if (!result.mdx || !result.article) {
      tally.failed++;
      const errors = [...result.messages, ...result.sidecarMessages].filter((m) => m.fatal).length;
      process.stdout.write(`${identity.slug || identity.name}  not converted: ${errors} error${errors === 1 ? '' : 's'}, ${plural(warnings, 'warning')}\n`);
      return;
    }
    const { status, placed } = placeArticle(result.mdx, identity.slug, outDir, outKinds, check, tally, diagnostics);
    const line = articleLine(result.article);
    process.stdout.write(`${line}  ${plural(warnings, 'warning')}  ${status}\n`);
    process.stdout.write(removalReport(result.article.provenance.removed, options.removed));
    // Remembered only when the inputs converted are the ones keyed (a file edited during the run is not).
    if (placed && plan.kind === 'convert' && plan.key !== null && result.sha256 === identity.sha256 && sidecarSha256 === plan.key.sidecarSha256) {
      const { messages, sidecarMessages, candidates: found } = result;
      cache.rememberArticle(identity.name, { key: plan.key.key, mdxSha256: sha256(result.mdx), report: { line, removed: result.article.provenance.removed, messages, sidecarMessages, candidates: found } });
    }
  };

  // Pass 2: convert (on every core) and write or compare, printing in seed order as results come.
  const arrived = new Map<number, Converted>();
  let next = 0;
  const flush = (): void => {
    for (; next < identities.length; next++) {
      const plan = plans[next]!;
      const identity = identities[next]!;
      if (plan.kind === 'convert' && !arrived.has(next)) return;
      progress(next);
      if (plan.kind === 'failed') place(next, plan.result, null);
      else if (plan.kind === 'cached') {
        const warnings = report(identity, plan.report.messages, plan.report.sidecarMessages, plan.report.candidates);
        tally.unchanged++;
        tally.cached++;
        process.stdout.write(`${plan.report.line}  ${plural(warnings, 'warning')}  unchanged\n`);
        process.stdout.write(removalReport(plan.report.removed, options.removed));
        cache.rememberArticle(identity.name, { key: plan.key, mdxSha256: plan.mdxSha256, report: plan.report });
      } else {
        const converted = arrived.get(next)!;
        arrived.delete(next);
        place(next, converted.result, converted.sidecarSha256);
      }
    }
  };
  const jobs: ConvertJob[] = [];
  plans.forEach((plan, index) => {
    const identity = identities[index]!;
    if (plan.kind === 'convert') jobs.push({ index, name: identity.name, slug: identity.slug, sha256: identity.sha256, hasSidecar: sidecars.has(sidecarFileName(identity.name)) });
  });
  // Known seeds that changed (an edited gazetteer changes every key) may still call for workers.
  if (pool === null && workersFor(jobs.length) > 0) pool = new WorkerPool(workersFor(jobs.length), seedsDir, paths);
  const busyThreads = await convertAll(jobs, seedsDir, [...repeatedLines], config, pool, (converted) => {
    arrived.set(converted.index, converted);
    flush();
  });
  flush();
  if (busyThreads > 1) process.stderr.write(`ingest: ${plural(jobs.length, 'seed')} converted on ${busyThreads} threads\n`);

  const orphans = removeOrphans(outEntries.entries, expected, options, tally, diagnostics);
  if (!check && !options['no-cache'] && contentDigest(paths) === content) {
    const failure = cache.save();
    if (failure !== null) process.stderr.write(`ingest cache: could not be saved in ${options.cache} (${failure}); the next run converts every seed again\n`);
  }
  reportCandidates(candidates, seedsDir, check ? undefined : options['candidates-json']);

  process.stdout.write(
    `\n${plural(identities.length, 'seed')}: ${check ? `${tally.unchanged} up to date` : `${tally.written} written, ${tally.unchanged} unchanged`}, ${tally.failed} not converted, ${plural(tally.warnings, 'warning')}${orphans.orphans > 0 ? `, ${plural(orphans.orphans, 'orphan')} ${check ? 'found' : orphans.refused ? 'kept (see above)' : 'removed'}` : ''}${tally.cached > 0 ? ` (${tally.cached} unchanged since the last run, not converted again)` : ''}\n`,
  );
  if (check && tally.drift.length > 0) {
    process.stdout.write(`\ncontent is out of date (run \`npm run ingest\` and commit the result):\n${tally.drift.map((d) => `  ${d}`).join('\n')}\n`);
  }
  const failed = diagnostics.fatalCount > 0 || orphans.refused || (check && tally.drift.length > 0) || (options.frail && tally.warnings > 0);
  return diagnostics.finish(failed ? 1 : 0);
}

/**
 * Sort the seeds folder: seeds (`*.txt` with a safe name, regular files), sidecars
 * (`*.meta.yaml`), and everything else, each oddity with a message naming the file.
 */
function classifyEntries(
  entries: readonly FolderEntry[],
  seedsDir: string,
): { seeds: SeedEntry[]; sidecars: Map<string, FolderEntry>; messages: Map<string, PipelineMessage[]> } {
  const seeds: SeedEntry[] = [];
  const sidecars = new Map<string, FolderEntry>();
  const messages = new Map<string, PipelineMessage[]>();
  const say = (name: string, message: PipelineMessage) => messages.set(join(seedsDir, name), [...(messages.get(join(seedsDir, name)) ?? []), message]);
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.')) continue; // .gitkeep and editor files
    const path = join(seedsDir, name);
    if (name.endsWith('.txt')) {
      const slug = articleSlug(seedId(name));
      if (!seedFileName.safeParse(name).success) {
        seeds.push({
          name, path, slug: '',
          problem: fatal('invalid-file-name', 'seed file names use only ASCII letters, digits, "_", "-" and "." (at most 100 characters) and end in .txt, e.g. 005_tass.txt; rename the file'),
        });
      } else if (entry.kind !== 'file') {
        seeds.push({ name, path, slug, problem: notRegular(entry) });
      } else seeds.push({ name, path, slug });
    } else if (name.endsWith('.meta.yaml')) {
      if (entry.kind !== 'file') say(name, notRegular(entry));
      else sidecars.set(name, entry);
    } else if (/\.txt$/i.test(name)) {
      say(name, fatal('invalid-file-name', `seeds end in lower-case .txt; rename it to ${name.replace(/\.txt$/i, '.txt')}`));
    } else {
      say(name, warning('unexpected-file', 'this is neither a seed (.txt) nor a sidecar (.meta.yaml), so ingest ignores it; move it out of the seeds folder'));
    }
  }
  return { seeds, sidecars, messages };
}

function notRegular(entry: FolderEntry): PipelineMessage {
  const what = entry.kind === 'symlink' ? 'a symbolic link' : entry.kind === 'folder' ? 'a folder' : 'a special file';
  return fatal('not-a-regular-file', `${entry.name} is ${what}; seeds and sidecars are read only as regular files inside the seeds folder, never through links — replace it with the file itself`);
}

/** Why the output folder cannot be written, or null. A folder that does not exist yet must be created under real folders. */
function outputFolderProblem(outDir: string): string | null {
  if (existsSync(outDir) || isLink(outDir)) {
    const problem = realFolderProblem(outDir);
    return problem ? `${problem.reason}.` : null;
  }
  // Not there yet: its nearest existing ancestor must itself be reached without links.
  let ancestor = resolve(outDir);
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  return realpathSync(ancestor) === ancestor ? null : `its parent ${ancestor} is reached through a symbolic link.`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Remove (or in --check, report) what an interrupted earlier run left behind. */
function cleanStaleTempFiles(entries: readonly FolderEntry[], outDir: string, check: boolean, diagnostics: Diagnostics): void {
  for (const entry of entries) {
    if (!TEMP_FILE.test(entry.name)) continue;
    const path = join(outDir, entry.name);
    if (check || (entry.kind !== 'file' && entry.kind !== 'symlink')) {
      diagnostics.add(path, [warning('stale-temp-file', 'an interrupted ingest left this temporary file; run `npm run ingest` to remove it')]);
    } else {
      unlinkSync(path);
      diagnostics.add(path, [warning('stale-temp-file', 'an interrupted ingest left this temporary file; it was removed (nothing to do)')]);
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The lines that left an article's body: a count per rule, or with `--removed` each line. */
function removalReport(removed: ArticleReport['removed'], each: boolean): string {
  if (removed.length === 0) return '';
  const perRule = new Map<string, number>();
  for (const r of removed) perRule.set(r.rule, (perRule.get(r.rule) ?? 0) + 1);
  const counts = [...perRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
  if (!each) return `  out of the body: ${counts}\n`;
  return removed.map((r) => `  ${r.line}  ${r.rule}${r.field ? ` → ${r.field}` : ''}  ${JSON.stringify(r.text)}\n`).join('');
}

/** One line per article: slug, date, source, entity counts (the warning count follows). */
function articleLine(a: NonNullable<IngestResult['article']>): string {
  const date = a.published ?? 'no date';
  const source = a.source?.en ?? 'no source';
  return `${a.slug}  ${date}  ${source}  people ${a.people.length}, places ${a.places.length}, orgs ${a.organizations.length}`;
}

function reportCandidates(
  candidates: ReadonlyArray<{ seed: string; line: number; name: string; roleWord: string; context: string }>,
  seedsDir: string,
  jsonPath: string | undefined,
): void {
  if (candidates.length > 0) {
    const shown = candidates.slice(0, 30);
    process.stdout.write(`\n${plural(candidates.length, 'name')} after role words not in the gazetteer (add them to content/gazetteer/people.yaml):\n`);
    for (const c of shown) process.stdout.write(`  ${join(seedsDir, c.seed)}:${c.line}  ${c.name}  (after "${c.roleWord}")\n`);
    if (candidates.length > shown.length) process.stdout.write(`  … and ${candidates.length - shown.length} more; write them all with --candidates-json FILE\n`);
  }
  if (!jsonPath) return;
  const failed = writeAtomically(jsonPath, `${JSON.stringify(candidates, null, 2)}\n`);
  if (failed !== null) process.stderr.write(`${jsonPath}: the candidate names could not be written (${failed})\n`);
}

/** Write via a temporary file and rename, so a reader never sees half a file. Returns why it failed, or null. */
function writeAtomically(path: string, text: string): string | null {
  const temp = join(path, '..', `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, path);
    return null;
  } catch (error) {
    rmSync(temp, { force: true });
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

process.exitCode = await main();
