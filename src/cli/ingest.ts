/**
 * `npm run ingest`: seeds/*.txt → content/articles/<slug>.mdx. A thin shell around the pure
 * pipeline: parse arguments, read files, write atomically, print, set the exit code.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { DEFAULT_CONTENT_PATHS, loadIngestConfig, type FileReport } from '../loaders/content';
import { listRealFolder, readRegularFile, readUtf8File, realFolderProblem, type FolderEntry } from '../loaders/files';
import { MAX_SEED_BYTES, readSeedInput, sidecarName as sidecarFileName } from '../loaders/seeds';
import { findConflicts } from '../pipeline/corpus';
import { RepeatedLineCounter } from '../pipeline/page/furniture';
import { readSeed } from '../pipeline/text/read';
import { ingestSeed, type IngestConfig, type IngestResult } from '../pipeline/index';
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
  --seeds DIR             folder of seed .txt files (default: seeds)
  --out DIR               folder for the .mdx files (default: content/articles)
  --prune                 allow removing every article, or more than ${MAX_UNPRUNED_REMOVALS}, in one run
  --frail                 exit 1 on warnings too
  --removed               list every line that left an article's body, with its rule
  --candidates-json FILE  write the names the gazetteer does not know to FILE as JSON
  --rules FILE            boilerplate rules (default: content/boilerplate.yaml)
  --sources FILE          source agencies (default: content/sources.yaml)
  --gazetteer DIR         gazetteer folder (default: content/gazetteer)
  --help                  show this text`;

/** Where a seeds-folder entry stands before conversion. */
interface SeedEntry {
  name: string;
  path: string;
  slug: string;
  /** Set when the file cannot be converted at all. */
  problem?: PipelineMessage;
}

function main(): number {
  try {
    return run();
  } catch (error) {
    // Whatever slipped past the checks is still reported as a sentence, never a stack trace.
    const cause = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ingest stopped: ${cause}\nNothing after this point was written. Report this with the command you ran (see SECURITY.md for security problems).\n`);
    return 2;
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

/** A seed with what pass 1 learned: its hash, or the problem that stops it. */
type Identity = SeedEntry & { sha256: string };

/**
 * Pass 1: the identity (hash) of every seed, so conflicts are known before anything is written,
 * and the short lines several seeds share (a site's furniture, see furniture.ts).
 */
function identifySeeds(seeds: readonly SeedEntry[]): { identities: Identity[]; repeatedLines: ReadonlySet<string> } {
  const lineCounter = new RepeatedLineCounter();
  const identities = seeds.map((seed): Identity => {
    if (seed.problem) return { ...seed, sha256: '' };
    const read = readRegularFile(seed.path, MAX_SEED_BYTES);
    if ('problem' in read) return { ...seed, problem: fatal(read.problem.ruleId, read.problem.reason), sha256: '' };
    lineCounter.add(readSeed(read.bytes).seed?.lines ?? []);
    return { ...seed, sha256: createHash('sha256').update(read.bytes).digest('hex') };
  });
  return { identities, repeatedLines: lineCounter.repeated() };
}

/** What became of one article in the output folder, and the counters of the run. */
interface Tally {
  written: number;
  unchanged: number;
  failed: number;
  warnings: number;
  drift: string[];
}

/** Write (or in --check, compare) one converted article; returns its status word. */
function placeArticle(mdx: string, slug: string, outDir: string, outKinds: ReadonlyMap<string, FolderEntry['kind']>, check: boolean, tally: Tally, diagnostics: Diagnostics): string {
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

function run(): number {
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
  const diagnostics = new Diagnostics();

  // Configuration: rules, sources and gazetteer, through the loaders the site and search use too.
  const loaded = loadIngestConfig({ rules: options.rules, sources: options.sources, gazetteer: options.gazetteer });
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

  const { identities, repeatedLines } = identifySeeds(seeds);
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
  const tally: Tally = { written: 0, unchanged: 0, failed: 0, warnings: 0, drift: [] };
  const candidates: Array<{ seed: string; line: number; name: string; roleWord: string; context: string }> = [];
  identities.forEach((identity, index) => {
    if (identities.length >= PROGRESS_MIN_SEEDS && index > 0 && index % Math.ceil(identities.length / 10) === 0) {
      process.stderr.write(`ingest: ${index}/${identities.length} seeds\n`);
    }
    // A seed that fails keeps its article: a bad edit must not delete what was published.
    if (identity.slug !== '') expected.add(`${identity.slug}.mdx`);
    const sidecarName = sidecarFileName(identity.name);
    const result = convertSeed(identity, conflicts.get(identity.path), sidecars.has(sidecarName), seedsDir, config);
    diagnostics.add(identity.path, result.messages);
    diagnostics.add(join(seedsDir, sidecarName), result.sidecarMessages);
    const all = [...result.messages, ...result.sidecarMessages];
    const warnings = all.filter((m) => !m.fatal).length;
    tally.warnings += warnings;
    for (const c of result.candidates) candidates.push({ seed: identity.name, ...c });

    if (!result.mdx || !result.article) {
      tally.failed++;
      const errors = all.filter((m) => m.fatal).length;
      process.stdout.write(`${identity.slug || identity.name}  not converted: ${errors} error${errors === 1 ? '' : 's'}, ${plural(warnings, 'warning')}\n`);
      return;
    }
    const status = placeArticle(result.mdx, identity.slug, outDir, outKinds, check, tally, diagnostics);
    process.stdout.write(`${articleLine(result, warnings)}  ${status}\n`);
    process.stdout.write(removalReport(result.article, options.removed));
  });

  const orphans = removeOrphans(outEntries.entries, expected, options, tally, diagnostics);
  reportCandidates(candidates, seedsDir, check ? undefined : options['candidates-json']);

  process.stdout.write(
    `\n${plural(identities.length, 'seed')}: ${check ? `${tally.unchanged} up to date` : `${tally.written} written, ${tally.unchanged} unchanged`}, ${tally.failed} not converted, ${plural(tally.warnings, 'warning')}${orphans.orphans > 0 ? `, ${plural(orphans.orphans, 'orphan')} ${check ? 'found' : orphans.refused ? 'kept (see above)' : 'removed'}` : ''}\n`,
  );
  if (check && tally.drift.length > 0) {
    process.stdout.write(`\ncontent is out of date (run \`npm run ingest\` and commit the result):\n${tally.drift.map((d) => `  ${d}`).join('\n')}\n`);
  }
  const failed = diagnostics.fatalCount > 0 || orphans.refused || (check && tally.drift.length > 0) || (options.frail && tally.warnings > 0);
  return diagnostics.finish(failed ? 1 : 0);
}

/** Convert one seed, or say why it cannot be (a problem found in pass 1, a conflict with another seed). */
function convertSeed(identity: Identity, conflict: PipelineMessage[] | undefined, hasSidecar: boolean, seedsDir: string, config: IngestConfig): IngestResult {
  const failed = { id: seedId(identity.name), slug: identity.slug, sha256: identity.sha256, article: null, mdx: null, sidecarMessages: [], candidates: [] };
  if (identity.problem) return { ...failed, messages: [identity.problem] };
  if (conflict) return { ...failed, messages: conflict };
  const read = readSeedInput(seedsDir, identity.name, hasSidecar);
  return 'input' in read ? ingestSeed(read.input, config) : { ...failed, ...read };
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

/** One line per article: slug, date, source, entity counts, warnings. */
/** The lines that left an article's body: a count per rule, or with `--removed` each line. */
function removalReport(article: IngestResult['article'], each: boolean): string {
  const removed = article?.provenance.removed ?? [];
  if (removed.length === 0) return '';
  const perRule = new Map<string, number>();
  for (const r of removed) perRule.set(r.rule, (perRule.get(r.rule) ?? 0) + 1);
  const counts = [...perRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
  if (!each) return `  out of the body: ${counts}\n`;
  return removed.map((r) => `  ${r.line}  ${r.rule}${r.field ? ` → ${r.field}` : ''}  ${JSON.stringify(r.text)}\n`).join('');
}

function articleLine(result: IngestResult, warnings: number): string {
  const a = result.article;
  if (!a) return result.slug;
  const date = a.published ?? 'no date';
  const source = a.source?.en ?? 'no source';
  return `${a.slug}  ${date}  ${source}  people ${a.people.length}, places ${a.places.length}, orgs ${a.organizations.length}  ${plural(warnings, 'warning')}`;
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

process.exitCode = main();
