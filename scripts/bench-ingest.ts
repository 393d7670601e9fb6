/**
 * Ingest benchmark: generate N raw seed files from the real seeds' sentences (plus invented
 * dates, deterministic; scripts/synthetic-seeds.ts), run the real CLI on them at two sizes, and
 * report time per article (after the fixed startup cost) and how it scales. Linear ingest keeps
 * the per-article time flat as N grows tenfold. Each size is ingested cold (empty cache), again
 * with nothing changed (warm: every article from the ingest cache), after adding one seed, and
 * with --check.
 *
 *   npx tsx scripts/bench-ingest.ts            # 1,000 and 10,000 articles
 *   npx tsx scripts/bench-ingest.ts 500 5000   # other sizes
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { seedSentences, syntheticSeed, writeSyntheticSeeds } from './synthetic-seeds';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Run the ingest CLI and return wall-clock milliseconds. */
function runIngest(seeds: string, out: string, extra: string[] = []): number {
  const started = performance.now();
  // As `npm run ingest` runs it, with a cache of the benchmark's own.
  const result = spawnSync('npx', ['node', '--import', 'tsx', 'src/cli/ingest.ts', '--seeds', seeds, '--out', out, '--cache', path.join(work, 'cache'), ...extra], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0 && !extra.includes('--check')) {
    throw new Error(`ingest exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  return elapsed;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const [small, large] = sizes.length >= 2 ? sizes : [1000, 10000];
const work = mkdtempSync(path.join(tmpdir(), 'arshif-bench-ingest-'));
try {
  // The fixed cost of a run (npx, tsx, loading rules and gazetteer), measured on an empty folder,
  // so the per-article figures compare the work that grows with the archive.
  const empty = path.join(work, 'empty');
  mkdirSync(empty);
  const startupMs = Math.min(...[0, 1, 2].map(() => runIngest(empty, path.join(work, 'out-empty'))));
  const rows: Array<{ n: number; ms: number; warmMs: number; oneMs: number; checkMs: number; bytes: number }> = [];
  for (const n of [small!, large!]) {
    const seeds = path.join(work, `seeds-${n}`);
    const out = path.join(work, `out-${n}`);
    writeSyntheticSeeds(seeds, n);
    const ms = runIngest(seeds, out);
    const warmMs = runIngest(seeds, out);
    const extra = syntheticSeed(n, seedSentences());
    writeFileSync(path.join(seeds, extra.fileName), extra.text);
    const oneMs = runIngest(seeds, out);
    const checkMs = runIngest(seeds, out, ['--check']);
    const bytes = readdirSync(out).reduce((sum, f) => sum + readFileSync(path.join(out, f)).length, 0);
    rows.push({ n, ms, warmMs, oneMs, checkMs, bytes });
  }
  const perArticle = (ms: number, n: number): number => (ms - startupMs) / n;
  console.log(`ingest benchmark (real CLI, synthetic seeds built from the five seeds, every tenth with a sidecar; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'})`);
  console.log(`  startup (empty folder): ${(startupMs / 1000).toFixed(2)} s`);
  const rate = (ms: number, n: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en')} articles/s`;
  for (const { n, ms, warmMs, oneMs, checkMs, bytes } of rows) {
    console.log(
      `  ${String(n).padStart(6)} articles: cold ingest ${(ms / 1000).toFixed(1)} s (${rate(ms, n)}; ${perArticle(ms, n).toFixed(2)} ms/article after startup), ` +
        `warm ${(warmMs / 1000).toFixed(1)} s (${rate(warmMs, n)}), one seed added ${(oneMs / 1000).toFixed(1)} s (${((oneMs / ms) * 100).toFixed(0)} % of cold), ` +
        `--check ${(checkMs / 1000).toFixed(1)} s, MDX ${(bytes / n / 1024).toFixed(1)} KiB/article`,
    );
  }
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const growth = perArticle(b.ms, b.n) / perArticle(a.ms, a.n);
  console.log(`  per-article time grows ×${growth.toFixed(2)} from ${a.n} to ${b.n} articles (1.0 = linear)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
