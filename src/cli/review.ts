/**
 * `npm run review -- [--base REF] [--out FILE] [SEED …]`: the ingest review sheet (Markdown) for the
 * seeds a pull request adds or changes — those that differ from REF in git, or the ones named. With
 * --out the sheet is appended to FILE (e.g. $GITHUB_STEP_SUMMARY). Exit 1 when a seed fails.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_PATHS, formatReports, hasFatalReport, loadIngestConfig } from '../loaders/content';
import { readSeedInput, repeatedLinesOf, sidecarName } from '../loaders/seeds';
import { ingestSeed, type IngestResult } from '../pipeline/index';
import { articleSlug, seedId } from '../pipeline/text/slug';
import { renderReviewSheet, type ReviewedSeed } from '../review/sheet';

const USAGE = `Usage: npm run review -- [--base REF] [--out FILE] [--seeds DIR] [SEED.txt …]

Print the ingest review sheet of new or changed seeds: those that differ from git REF
(e.g. origin/main), or the seed files named.`;

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      options: { base: { type: 'string' }, out: { type: 'string' }, seeds: { type: 'string', default: 'seeds' }, help: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seedsDir = values.seeds;
  const names = new Set(positionals.map((file) => path.basename(file)));
  if (values.base) for (const name of changedSeeds(values.base, seedsDir)) names.add(name);

  const { config, reports } = loadIngestConfig(DEFAULT_CONTENT_PATHS);
  if (!config || hasFatalReport(reports)) {
    process.stderr.write(`The content files have errors, so no review sheet can be made:\n${formatReports(reports)}\n`);
    return 1;
  }
  const pageConfig = { ...config, repeatedLines: repeatedLinesOf(seedsDir) };
  const reviewed: ReviewedSeed[] = [...names].sort().map((name) => {
    const read = readSeedInput(seedsDir, name, existsSync(path.join(seedsDir, sidecarName(name))));
    const result: IngestResult =
      'input' in read ? ingestSeed(read.input, pageConfig) : { id: seedId(name), slug: articleSlug(seedId(name)), sha256: '', article: null, mdx: null, candidates: [], ...read };
    return { seedPath: path.join(seedsDir, name), result };
  });
  const sheet = renderReviewSheet(reviewed);
  if (values.out) appendFileSync(values.out, `${sheet}\n`);
  else process.stdout.write(sheet);
  return reviewed.some((seed) => seed.result.article === null) ? 1 : 0;
}

/** Seed files added, modified or renamed since `base`, including those whose sidecar changed. */
function changedSeeds(base: string, seedsDir: string): string[] {
  const output = execFileSync('git', ['diff', '--name-only', '--diff-filter=AMR', `${base}...HEAD`, '--', seedsDir], { encoding: 'utf8' });
  const names = new Set<string>();
  for (const file of output.split('\n').filter(Boolean)) {
    const name = path.basename(file);
    if (name.endsWith('.txt')) names.add(name);
    else if (name.endsWith('.meta.yaml')) {
      const seed = `${name.slice(0, -'.meta.yaml'.length)}.txt`;
      if (existsSync(path.join(seedsDir, seed))) names.add(seed);
    }
  }
  return [...names];
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`review stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
