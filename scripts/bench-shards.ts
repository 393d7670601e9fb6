/**
 * The sharded build against the whole build at N synthetic articles (scripts/synthetic-seeds.ts):
 * wall time and peak memory (largest process, GNU time) of each shard build and of the join, as
 * ratios of the whole build's. In a CI matrix the shards run at once, so the slowest shard plus the
 * join is the wall time that counts, and the largest shard's memory is what one machine needs.
 *
 *   npm run bench -- shards                    # 1,000 articles, 4 shards
 *   npm run bench -- shards --n 10000 --shards 8
 */
import { rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isolatedWorkspace, timed, type Timed } from './bench-kit';
import { writeSyntheticSeeds } from './synthetic-seeds';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, shards: { type: 'string', default: '4' } }, allowPositionals: true });
const N = Number(values.n);
const SHARDS = Number(values.shards);

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-shards-'));
try {
  const project = isolatedWorkspace(path.join(work, 'project'));
  rmSync(path.join(project, 'seeds'), { recursive: true, force: true });
  writeSyntheticSeeds(path.join(project, 'seeds'), N);
  console.error(`ingest of ${N} articles …`);
  timed('npm', ['run', 'ingest', '--', '--prune'], { cwd: project });
  const cold = () => {
    for (const dir of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(path.join(project, dir), { recursive: true, force: true });
  };

  cold();
  console.error('whole build …');
  const whole = timed('npx', ['tsx', 'src/cli/build.ts'], { cwd: project, env: { ARSHIF_OUT_DIR: path.join(work, 'whole') } });

  const plan = path.join(work, 'plan.json');
  timed('npx', ['tsx', 'src/cli/shards.ts', 'plan', '--shards', String(SHARDS), '--out', plan], { cwd: project });
  const names = (JSON.parse(timed('npx', ['tsx', 'src/cli/shards.ts', 'plan', '--shards', String(SHARDS), '--matrix'], { cwd: project }).output.split('\n').find((line) => line.startsWith('['))!) as string[]);
  const shards: Array<[string, Timed]> = [];
  for (const name of names) {
    // Each shard cold, as on its own CI machine.
    cold();
    console.error(`shard ${name} …`);
    shards.push([name, timed('npx', ['tsx', 'src/cli/shards.ts', 'build', '--plan', plan, '--shard', name, '--out', path.join(work, 'shards', name)], { cwd: project })]);
  }
  console.error('join …');
  const join = timed('npx', ['tsx', 'src/cli/shards.ts', 'join', '--plan', plan, '--from', path.join(work, 'shards'), '--out', path.join(work, 'joined')], { cwd: project });

  const slowest = Math.max(...shards.map(([, run]) => run.seconds));
  const largest = Math.max(...shards.map(([, run]) => run.peakBytes));
  const articleShards = shards.filter(([name]) => name !== 'hub');
  console.log(`\n${N.toLocaleString('en')} articles, hub + ${articleShards.length} article shards by year; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}\n`);
  console.log('| build | wall time | peak memory | time / whole | memory / whole |\n|---|---:|---:|---:|---:|');
  console.log(`| whole (\`src/cli/build.ts\`) | ${s(whole.seconds)} | ${mb(whole.peakBytes)} | 1.00× | 1.00× |`);
  for (const [name, run] of shards) console.log(`| shard ${name} | ${s(run.seconds)} | ${mb(run.peakBytes)} | ${ratio(run.seconds, whole.seconds)} | ${ratio(run.peakBytes, whole.peakBytes)} |`);
  console.log(`| join (copy, sitemap, fonts) | ${s(join.seconds)} | ${mb(join.peakBytes)} | ${ratio(join.seconds, whole.seconds)} | ${ratio(join.peakBytes, whole.peakBytes)} |`);
  console.log(`| **matrix: slowest shard + join** | ${s(slowest + join.seconds)} | ${mb(Math.max(largest, join.peakBytes))} | ${ratio(slowest + join.seconds, whole.seconds)} | ${ratio(Math.max(largest, join.peakBytes), whole.peakBytes)} |`);
  console.log(`| one machine, shards in turn + join | ${s(shards.reduce((sum, [, run]) => sum + run.seconds, 0) + join.seconds)} | | ${ratio(shards.reduce((sum, [, run]) => sum + run.seconds, 0) + join.seconds, whole.seconds)} | |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
