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
import { RepeatedLineCounter } from '../pipeline/furniture';
import { readSeed } from '../pipeline/read';
import { ingestSeed, type IngestResult } from '../pipeline/index';
import { fatal, warning, type PipelineMessage } from '../pipeline/messages';
import { articleSlug, seedId } from '../pipeline/slug';
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

function run(): number {
  let args;
  try {
    args = parseArgs({
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
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { check, frail } = args;
  const seedsDir = args.seeds;
  const outDir = args.out;
  const files: VFile[] = [];
  const fileFor = (path: string, messages: readonly PipelineMessage[]): VFile => {
    const file = new VFile({ path });
    for (const m of messages) {
      const message = file.message(m.reason, { place: m.line === undefined ? undefined : { line: m.line, column: m.column ?? 1 }, ruleId: m.ruleId, source: 'arshif' });
      message.fatal = m.fatal;
    }
    files.push(file);
    return file;
  };
  const finish = (exitCode: number): number => {
    const withMessages = files.filter((f) => f.messages.length > 0);
    if (withMessages.length > 0) process.stderr.write(`${reporter(withMessages, { quiet: true })}\n`);
    return exitCode;
  };
  const report = (reports: readonly FileReport[]): void => {
    for (const r of reports) if (r.messages.length > 0) fileFor(r.path, r.messages);
  };

  // Configuration: rules, sources and gazetteer, through the loaders the site and search use too.
  const loaded = loadIngestConfig({ rules: args.rules, sources: args.sources, gazetteer: args.gazetteer });
  report(loaded.reports);
  const config = loaded.config;
  if (!config) return finish(1);

  const listing = listRealFolder(seedsDir);
  if ('problem' in listing) {
    process.stderr.write(`${seedsDir}: ${listing.problem.reason}. Pass --seeds DIR with a real folder of seeds.\n`);
    return finish(1);
  }
  const outProblem = outputFolderProblem(outDir);
  if (outProblem) {
    process.stderr.write(`${outDir}: ${outProblem} Ingest writes and deletes only inside a real folder; nothing was changed.\n`);
    return finish(1);
  }

  const { seeds, sidecars, messages: entryMessages } = classifyEntries(listing.entries, seedsDir);
  for (const [path, list] of entryMessages) fileFor(path, list);
  const seedNameSet = new Set(seeds.map((seed) => seed.name));

  // Pass 1: identities (slug, hash) of every seed, so conflicts are known before anything is written;
  // and the short lines several seeds share (a site's furniture, see furniture.ts).
  const lineCounter = new RepeatedLineCounter();
  const identities = seeds.map((seed) => {
    if (seed.problem) return { ...seed, sha256: '' };
    const read = readRegularFile(seed.path, MAX_SEED_BYTES);
    if ('problem' in read) return { ...seed, problem: fatal(read.problem.ruleId, read.problem.reason), sha256: '' };
    lineCounter.add(readSeed(read.bytes).seed?.lines ?? []);
    return { ...seed, sha256: createHash('sha256').update(read.bytes).digest('hex') };
  });
  const pageConfig = { ...config, repeatedLines: lineCounter.repeated() };
  const conflicts = findConflicts(identities.filter((identity) => !identity.problem));

  for (const sidecar of [...sidecars.keys()]) {
    const id = sidecar.slice(0, -'.meta.yaml'.length);
    if (!seedNameSet.has(`${id}.txt`)) {
      fileFor(join(seedsDir, sidecar), [warning('orphaned-sidecar', `there is no seed ${id}.txt for this sidecar; rename or delete it`)]);
    }
  }

  // Pass 2: convert and write (or compare) one seed at a time, so memory stays flat.
  if (!check) mkdirSync(outDir, { recursive: true });
  const outEntries = existsSync(outDir) ? listRealFolder(outDir) : { entries: [] as FolderEntry[] };
  if ('problem' in outEntries) {
    process.stderr.write(`${outDir}: ${outEntries.problem.reason}; nothing was changed.\n`);
    return finish(1);
  }
  const outKinds = new Map(outEntries.entries.map((entry) => [entry.name, entry.kind]));
  cleanStaleTempFiles(outEntries.entries, outDir, check, fileFor);

  const expected = new Set<string>();
  const drift: string[] = [];
  const summary = { written: 0, unchanged: 0, failed: 0, warnings: 0 };
  const candidates: Array<{ seed: string; line: number; name: string; roleWord: string; context: string }> = [];
  identities.forEach((identity, index) => {
    if (identities.length >= PROGRESS_MIN_SEEDS && index > 0 && index % Math.ceil(identities.length / 10) === 0) {
      process.stderr.write(`ingest: ${index}/${identities.length} seeds\n`);
    }
    // A seed that fails keeps its article: a bad edit must not delete what was published.
    if (identity.slug !== '') expected.add(`${identity.slug}.mdx`);
    const id = seedId(identity.name);
    const sidecarName = sidecarFileName(identity.name);
    const conflict = conflicts.get(identity.path);
    let result: IngestResult;
    if (identity.problem) {
      result = { id, slug: identity.slug, sha256: '', article: null, mdx: null, messages: [identity.problem], sidecarMessages: [], candidates: [] };
    } else if (conflict) {
      result = { id, slug: identity.slug, sha256: identity.sha256, article: null, mdx: null, messages: conflict, sidecarMessages: [], candidates: [] };
    } else {
      const read = readSeedInput(seedsDir, identity.name, sidecars.has(sidecarName));
      result = 'input' in read ? ingestSeed(read.input, pageConfig) : { id, slug: identity.slug, sha256: identity.sha256, article: null, mdx: null, candidates: [], ...read };
    }
    fileFor(identity.path, result.messages);
    if (result.sidecarMessages.length > 0) fileFor(join(seedsDir, sidecarName), result.sidecarMessages);
    const warnings = [...result.messages, ...result.sidecarMessages].filter((m) => !m.fatal).length;
    summary.warnings += warnings;
    for (const c of result.candidates) candidates.push({ seed: identity.name, ...c });

    if (!result.mdx || !result.article) {
      summary.failed++;
      const errors = [...result.messages, ...result.sidecarMessages].filter((m) => m.fatal).length;
      process.stdout.write(`${identity.slug || identity.name}  not converted: ${errors} error${errors === 1 ? '' : 's'}, ${plural(warnings, 'warning')}\n`);
      return;
    }
    const targetName = `${identity.slug}.mdx`;
    const target = join(outDir, targetName);
    const kind = outKinds.get(targetName);
    const current = kind === 'file' ? readUtf8File(target, Number.MAX_SAFE_INTEGER) : null;
    const currentText = current && 'text' in current ? current.text : null;
    let status: string;
    if (currentText === result.mdx) {
      status = 'unchanged';
      summary.unchanged++;
    } else if (check) {
      status = kind === undefined ? 'missing' : kind === 'file' ? 'stale' : 'not a regular file';
      drift.push(`${status}: ${target}`);
    } else if (kind === 'folder' || kind === 'other') {
      fileFor(target, [fatal('not-a-regular-file', 'a folder or special file has the name of this article; remove it and run ingest again')]);
      status = 'not written';
    } else {
      const written = writeAtomically(target, result.mdx);
      if (written !== null) {
        fileFor(target, [fatal('write-failed', `the article could not be written (${written}); check the folder is writable and has room`)]);
        status = 'not written';
      } else {
        // A symbolic link in its place was replaced by the file itself (rename never writes through a link).
        status = kind === undefined ? 'written' : 'updated';
        summary.written++;
      }
    }
    process.stdout.write(`${articleLine(result, warnings)}  ${status}\n`);
    process.stdout.write(removalReport(result.article, args.removed));
  });

  // Orphans: .mdx files whose seed is gone.
  const existing = outEntries.entries.filter((entry) => entry.name.endsWith('.mdx') && !entry.name.startsWith('.'));
  const orphans = existing.filter((entry) => !expected.has(entry.name));
  let refusedPrune = false;
  if (check) {
    for (const orphan of orphans) drift.push(`orphaned: ${join(outDir, orphan.name)}`);
  } else if (orphans.length > 0 && !args.prune && (orphans.length === existing.length || orphans.length > MAX_UNPRUNED_REMOVALS)) {
    refusedPrune = true;
    process.stderr.write(
      `\nRefusing to remove ${plural(orphans.length, 'article')} of ${existing.length} in ${outDir}: their seeds are not in ${seedsDir}. ` +
        `If that is intended, run again with --prune; if not, check --seeds points at the right folder.\n`,
    );
  } else {
    for (const orphan of orphans) {
      const path = join(outDir, orphan.name);
      if (orphan.kind === 'file' || orphan.kind === 'symlink') {
        unlinkSync(path); // unlink removes a link itself, never what it points at
        process.stdout.write(`${basename(orphan.name, '.mdx')}  removed (its seed is gone)\n`);
      } else fileFor(path, [fatal('not-a-regular-file', 'a folder or special file is named like an article; remove it by hand')]);
    }
  }

  reportCandidates(candidates, seedsDir, check ? undefined : args['candidates-json']);

  const fatalCount = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
  process.stdout.write(
    `\n${plural(identities.length, 'seed')}: ${check ? `${summary.unchanged} up to date` : `${summary.written} written, ${summary.unchanged} unchanged`}, ${summary.failed} not converted, ${plural(summary.warnings, 'warning')}${orphans.length > 0 ? `, ${plural(orphans.length, 'orphan')} ${check ? 'found' : refusedPrune ? 'kept (see above)' : 'removed'}` : ''}\n`,
  );
  if (check && drift.length > 0) {
    process.stdout.write(`\ncontent is out of date (run \`npm run ingest\` and commit the result):\n${drift.map((d) => `  ${d}`).join('\n')}\n`);
  }
  const failed = fatalCount > 0 || refusedPrune || (check && drift.length > 0) || (frail && summary.warnings > 0);
  return finish(failed ? 1 : 0);
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
function cleanStaleTempFiles(entries: readonly FolderEntry[], outDir: string, check: boolean, fileFor: (path: string, messages: readonly PipelineMessage[]) => VFile): void {
  for (const entry of entries) {
    if (!TEMP_FILE.test(entry.name)) continue;
    const path = join(outDir, entry.name);
    if (check || (entry.kind !== 'file' && entry.kind !== 'symlink')) {
      fileFor(path, [warning('stale-temp-file', 'an interrupted ingest left this temporary file; run `npm run ingest` to remove it')]);
    } else {
      unlinkSync(path);
      fileFor(path, [warning('stale-temp-file', 'an interrupted ingest left this temporary file; it was removed (nothing to do)')]);
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
