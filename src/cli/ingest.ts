/**
 * `npm run ingest`: seeds/*.txt → content/articles/<slug>.mdx. A thin shell around the pure
 * pipeline: parse arguments, read files, write atomically, print, set the exit code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { parseBoilerplateRules } from '../pipeline/clean';
import { findConflicts } from '../pipeline/corpus';
import { createEntityMatcher, type EntityMatcher } from '../pipeline/entities';
import { parseGazetteer } from '../pipeline/gazetteer';
import { ingestSeed, type IngestConfig, type IngestResult } from '../pipeline/index';
import type { PipelineMessage } from '../pipeline/messages';
import { articleSlug, seedId } from '../pipeline/slug';
import { parseSources } from '../pipeline/sources';

const USAGE = `Usage: npm run ingest -- [options]

Convert every seeds/*.txt into content/articles/<slug>.mdx.

Options:
  --check                 change nothing; exit 1 if any article is missing, stale or orphaned
  --seeds DIR             folder of seed .txt files (default: seeds)
  --out DIR               folder for the .mdx files (default: content/articles)
  --frail                 exit 1 on warnings too
  --candidates-json FILE  write the names the gazetteer does not know to FILE as JSON
  --rules FILE            boilerplate rules (default: content/boilerplate.yaml)
  --sources FILE          source agencies (default: content/sources.yaml)
  --gazetteer DIR         gazetteer folder (default: content/gazetteer)
  --help                  show this text`;

/** Folders of at least this many seeds report progress on stderr. */
const PROGRESS_MIN_SEEDS = 200;

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'content/articles' },
        frail: { type: 'boolean', default: false },
        'candidates-json': { type: 'string' },
        rules: { type: 'string', default: 'content/boilerplate.yaml' },
        sources: { type: 'string', default: 'content/sources.yaml' },
        gazetteer: { type: 'string', default: 'content/gazetteer' },
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

  // Configuration: rules, sources and gazetteer. A broken rules file stops everything.
  const config = loadConfig(args.rules, args.sources, args.gazetteer, fileFor);
  if (!config) return finish(1);

  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) {
    process.stderr.write(`The seeds folder ${seedsDir} does not exist; pass --seeds DIR or create it.\n`);
    return 1;
  }
  const entries = readdirSync(seedsDir).sort();
  const seedNames = entries.filter((name) => name.endsWith('.txt'));
  const seedNameSet = new Set(seedNames);
  const sidecarNames = new Set(entries.filter((name) => name.endsWith('.meta.yaml')));

  // Pass 1: identities (slug, hash) of every seed, so conflicts are known before anything is written.
  const identities = seedNames.map((name) => {
    const path = join(seedsDir, name);
    return { name, path, slug: articleSlug(seedId(name)), sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  });
  const conflicts = findConflicts(identities);

  for (const sidecar of sidecarNames) {
    const id = sidecar.slice(0, -'.meta.yaml'.length);
    if (!seedNameSet.has(`${id}.txt`)) {
      fileFor(join(seedsDir, sidecar), [{ ruleId: 'orphaned-sidecar', reason: `there is no seed ${id}.txt for this sidecar; rename or delete it`, fatal: false }]);
    }
  }

  // Pass 2: convert and write (or compare) one seed at a time, so memory stays flat.
  if (!check) mkdirSync(outDir, { recursive: true });
  const expected = new Set<string>();
  const drift: string[] = [];
  const summary = { written: 0, unchanged: 0, failed: 0, warnings: 0 };
  const candidates: Array<{ seed: string; line: number; name: string; roleWord: string; context: string }> = [];
  identities.forEach((identity, index) => {
    if (identities.length >= PROGRESS_MIN_SEEDS && index > 0 && index % Math.ceil(identities.length / 10) === 0) {
      process.stderr.write(`ingest: ${index}/${identities.length} seeds\n`);
    }
    expected.add(`${identity.slug}.mdx`);
    const sidecarName = `${seedId(identity.name)}.meta.yaml`;
    const conflict = conflicts.get(identity.path);
    let result: IngestResult;
    if (conflict) {
      result = { id: seedId(identity.name), slug: identity.slug, sha256: identity.sha256, article: null, mdx: null, messages: conflict, sidecarMessages: [], candidates: [] };
    } else {
      const sidecarText = sidecarNames.has(sidecarName) ? readFileSync(join(seedsDir, sidecarName), 'utf8') : undefined;
      result = ingestSeed({ fileName: identity.name, bytes: readFileSync(identity.path), ...(sidecarText === undefined ? {} : { sidecar: sidecarText }) }, config);
    }
    fileFor(identity.path, result.messages);
    if (result.sidecarMessages.length > 0) fileFor(join(seedsDir, sidecarName), result.sidecarMessages);
    const warnings = [...result.messages, ...result.sidecarMessages].filter((m) => !m.fatal).length;
    summary.warnings += warnings;
    for (const c of result.candidates) candidates.push({ seed: identity.name, ...c });

    if (!result.mdx || !result.article) {
      summary.failed++;
      const errors = [...result.messages, ...result.sidecarMessages].filter((m) => m.fatal).length;
      process.stdout.write(`${identity.slug}  not converted: ${errors} error${errors === 1 ? '' : 's'}, ${plural(warnings, 'warning')}\n`);
      return;
    }
    const target = join(outDir, `${identity.slug}.mdx`);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    let status: string;
    if (current === result.mdx) {
      status = 'unchanged';
      summary.unchanged++;
    } else if (check) {
      status = current === null ? 'missing' : 'stale';
      drift.push(`${status}: ${target}`);
    } else {
      writeAtomically(target, result.mdx);
      status = current === null ? 'written' : 'updated';
      summary.written++;
    }
    process.stdout.write(`${articleLine(result, warnings)}  ${status}\n`);
  });

  // Orphans: .mdx files whose seed is gone.
  const orphans = existsSync(outDir) ? readdirSync(outDir).filter((name) => name.endsWith('.mdx') && !expected.has(name)).sort() : [];
  for (const orphan of orphans) {
    const path = join(outDir, orphan);
    if (check) drift.push(`orphaned: ${path}`);
    else {
      rmSync(path);
      process.stdout.write(`${basename(orphan, '.mdx')}  removed (its seed is gone)\n`);
    }
  }

  reportCandidates(candidates, seedsDir, check ? undefined : args['candidates-json']);

  const fatalCount = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
  process.stdout.write(
    `\n${plural(identities.length, 'seed')}: ${check ? `${summary.unchanged} up to date` : `${summary.written} written, ${summary.unchanged} unchanged`}, ${summary.failed} not converted, ${plural(summary.warnings, 'warning')}${orphans.length > 0 ? `, ${plural(orphans.length, 'orphan')} ${check ? 'found' : 'removed'}` : ''}\n`,
  );
  if (check && drift.length > 0) {
    process.stdout.write(`\ncontent is out of date (run \`npm run ingest\` and commit the result):\n${drift.map((d) => `  ${d}`).join('\n')}\n`);
  }
  const failed = fatalCount > 0 || (check && drift.length > 0) || (frail && summary.warnings > 0);
  return finish(failed ? 1 : 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per article: slug, date, source, entity counts, warnings. */
function articleLine(result: IngestResult, warnings: number): string {
  const a = result.article;
  if (!a) return result.slug;
  const date = a.published ?? 'no date';
  const source = a.source?.en ?? 'no source';
  return `${a.slug}  ${date}  ${source}  people ${a.people.length}, places ${a.places.length}, orgs ${a.organizations.length}  ${plural(warnings, 'warning')}`;
}

function loadConfig(
  rulesPath: string,
  sourcesPath: string,
  gazetteerDir: string,
  fileFor: (path: string, messages: readonly PipelineMessage[]) => VFile,
): IngestConfig | null {
  const rules = parseBoilerplateRules(readFileSync(rulesPath, 'utf8'));
  const sources = parseSources(readFileSync(sourcesPath, 'utf8'));
  fileFor(rulesPath, rules.messages);
  fileFor(sourcesPath, sources.messages);
  if ([...rules.messages, ...sources.messages].some((m) => m.fatal)) return null;
  let matcher: EntityMatcher | undefined;
  if (existsSync(gazetteerDir)) {
    const names = readdirSync(gazetteerDir).filter((n) => n.endsWith('.yaml')).sort();
    if (names.length > 0) {
      const gazetteer = parseGazetteer(names.map((n) => ({ path: join(gazetteerDir, n), text: readFileSync(join(gazetteerDir, n), 'utf8') })));
      const byPath = new Map<string, PipelineMessage[]>();
      for (const { path, ...message } of gazetteer.messages) byPath.set(path, [...(byPath.get(path) ?? []), message]);
      for (const [path, messages] of [...byPath].sort(([a], [b]) => (a < b ? -1 : 1))) fileFor(path, messages);
      matcher = createEntityMatcher(gazetteer.entities);
    }
  }
  return { rules: rules.rules, sources: sources.table, ...(matcher ? { matcher } : {}) };
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
  if (jsonPath) writeAtomically(jsonPath, `${JSON.stringify(candidates, null, 2)}\n`);
}

/** Write via a temporary file and rename, so a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  const temp = join(path, '..', `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

process.exitCode = main();
