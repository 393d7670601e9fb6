/**
 * `npm run add -- FILE.txt [--date YYYY-MM-DD --reason "…"]`: add a raw article to the archive.
 * Copies it into seeds/ under the next number (named by its content hash, so the name is stable),
 * writes the sidecar when a date is given, runs ingest, and prints the review sheet. A text that is
 * already in the archive (same bytes) is refused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { DEFAULT_CONTENT_PATHS, formatReports, loadIngestConfig } from '../loaders/content';
import { listRealFolder, readRegularFile } from '../loaders/files';
import { MAX_SEED_BYTES, readSeedInput, repeatedLinesOf, sidecarName } from '../loaders/seeds';
import { ingestSeed } from '../pipeline/index';
import { renderReviewSheet } from '../review/sheet';
import { isoDate } from '../schema';

const USAGE = `Usage: npm run add -- FILE.txt [--date YYYY-MM-DD --reason "where the date comes from"]

Copy a raw article into seeds/ under the next number, run ingest, and print the review sheet.`;

/** Add the file, ingest, print the review sheet; the exit code is ingest's. */
function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      options: { date: { type: 'string' }, reason: { type: 'string' }, seeds: { type: 'string', default: 'seeds' }, help: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) return fail(`Name exactly one file to add.\n\n${USAGE}`);
  if (values.date !== undefined && !isoDate.safeParse(values.date).success) return fail(`--date ${values.date} is not a calendar date written YYYY-MM-DD.`);
  if (values.date !== undefined && !values.reason?.trim()) return fail('--date needs --reason "…": say where the date comes from (it is recorded in the article\'s provenance).');
  if (values.date === undefined && values.reason !== undefined) return fail('--reason goes with --date.');

  const source = positionals[0]!;
  const read = readRegularFile(source, MAX_SEED_BYTES);
  if ('problem' in read) return fail(`${source}: ${read.problem.reason}.`);
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');

  const seedsDir = values.seeds;
  const listed = listRealFolder(seedsDir);
  if ('problem' in listed) return fail(`${seedsDir}: ${listed.problem.reason}.`);
  let highest = -1;
  for (const entry of listed.entries) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.txt')) continue;
    const existing = readRegularFile(path.join(seedsDir, entry.name), MAX_SEED_BYTES);
    if ('bytes' in existing && createHash('sha256').update(existing.bytes).digest('hex') === sha256) {
      return fail(`${source} is already in the archive as ${path.join(seedsDir, entry.name)} (same content); nothing was added.`);
    }
    const number = /^(\d+)_/.exec(entry.name)?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  const name = `${String(highest + 1).padStart(3, '0')}_${sha256.slice(0, 16)}.txt`;
  writeFileSync(path.join(seedsDir, name), read.bytes, { flag: 'wx' });
  if (values.date !== undefined) {
    writeFileSync(path.join(seedsDir, sidecarName(name)), stringify({ published: values.date, publishedPrecision: 'day', reason: values.reason!.trim() }), { flag: 'wx' });
  }
  process.stdout.write(`Added ${path.join(seedsDir, name)}${values.date === undefined ? '' : ` and ${sidecarName(name)}`}. Running ingest…\n\n`);

  const ingest = spawnSync('npm', ['run', '--silent', 'ingest', '--', '--seeds', seedsDir], { stdio: 'inherit' });

  const { config, reports } = loadIngestConfig(DEFAULT_CONTENT_PATHS);
  if (!config) return fail(`The content files have errors:\n${formatReports(reports)}`);
  const input = readSeedInput(seedsDir, name, values.date !== undefined);
  if ('input' in input) process.stdout.write(`\n${renderReviewSheet([{ seedPath: path.join(seedsDir, name), result: ingestSeed(input.input, { ...config, repeatedLines: repeatedLinesOf(seedsDir) }) }])}`);
  process.stdout.write(`\nReview content/articles/ in the diff, then commit ${path.join(seedsDir, name)}${values.date === undefined ? '' : ', its sidecar'} and the article.\n`);
  return ingest.status ?? 1;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`add stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
