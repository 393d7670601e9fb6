/**
 * The sharded build: the archive cut by year into a hub and N article shards, each an ordinary
 * `astro build` that a CI matrix can run on its own machine, then joined into one site whose search
 * page merges the shards' Pagefind bundles (src/shards/plan.ts says what goes where).
 *
 *   npm run build:shards -- --shards 2 [--by month] [--out dist] [--work DIR]   # everything, here
 *   npx tsx src/cli/shards.ts plan --shards 2 --out plan.json [--matrix]         # the plan (and the CI matrix)
 *   npx tsx src/cli/shards.ts build --plan plan.json --shard s1 --out shards/s1  # one shard
 *   npx tsx src/cli/shards.ts join --plan plan.json --from shards --out dist     # shards/<name>/ → dist/
 *
 * Every shard reads the frontmatter of every article; only the hub reads their text, and each
 * article is rendered by one shard. Each shard prints its wall time and peak memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleFiles, articleText } from '../loaders/build-content';
import { parseArticleFile } from '../search/article-file';
import { readSettings } from '../settings';
import { subsetSiteFonts } from '../integrations/subset-fonts';
import { articleShards, parsePlan, planShards, serializePlan, shardNamed, type PlannedArticle, type ShardKey, type ShardPlan } from '../shards/plan';
import { joinShardOutputs, pruneShardOutput } from '../shards/output';
import { heapLimitMb } from './build';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** What planning reads of each article file: slug, seed and date, with the file named on any problem. */
export function readPlannedArticles(contentDir: string): PlannedArticle[] {
  const folder = path.join(contentDir, 'articles');
  return (articleFiles(folder) ?? []).map((file) => {
    let data: unknown;
    try {
      data = parseArticleFile(articleText(file)).data;
    } catch (error) {
      throw new Error(`${file}: its frontmatter is not YAML (${(error as Error).message}); run \`npm run ingest\`.`, { cause: error });
    }
    const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const provenance = (typeof fields['provenance'] === 'object' && fields['provenance'] !== null ? fields['provenance'] : {}) as Record<string, unknown>;
    const slug = fields['slug'];
    const seed = provenance['seed'];
    const published = fields['published'];
    if (typeof slug !== 'string' || slug !== path.basename(file, '.mdx')) throw new Error(`${file}: its frontmatter has no slug equal to its file name; run \`npm run ingest\`.`);
    if (typeof seed !== 'string') throw new Error(`${file}: its frontmatter names no seed (provenance.seed); run \`npm run ingest\`.`);
    if (published !== null && typeof published !== 'string') throw new Error(`${file}: its publication date is neither a date string nor null; run \`npm run ingest\`.`);
    return { slug, seed, published };
  });
}

/** Read a plan file, with its name in every error. */
export function readPlanFile(file: string): ShardPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); write it with \`shards.ts plan --out ${file}\`.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}).`, { cause: error });
  }
  return parsePlan(json, file);
}

/** A finished shard build: seconds of wall time and the peak resident memory of its Node process. */
export interface ShardRun {
  shard: string;
  seconds: number;
  peakBytes: number | null;
  files: number;
}

/**
 * Records each Node process's peak resident set size (getrusage's maxRSS, KiB) when it exits, in
 * the file ARSHIF_PEAK_FILE names: Node reports no figure for a finished child process.
 */
const PEAK_PRELOAD = `data:text/javascript,${encodeURIComponent('import{appendFileSync}from"node:fs";process.on("exit",()=>{try{appendFileSync(process.env.ARSHIF_PEAK_FILE,process.resourceUsage().maxRSS+"\\n")}catch{}});')}`;

/** Build one shard into `out` with `astro build`, then prune it to the files the shard owns. */
export async function buildShard(planFile: string, plan: ShardPlan, shard: string, out: string): Promise<ShardRun> {
  shardNamed(plan, shard);
  const output = path.resolve(out);
  rmSync(output, { recursive: true, force: true });
  const peakFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'arshif-peak-')), 'peak');
  const settings = readSettings();
  const env = {
    ...process.env,
    ARSHIF_SHARD_PLAN: path.resolve(planFile),
    ARSHIF_SHARD: shard,
    ARSHIF_OUT_DIR: output,
    ARSHIF_PEAK_FILE: peakFile,
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${PEAK_PRELOAD}`.trim(),
  };
  const started = performance.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapLimitMb()}`, ASTRO, 'build'], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('close', (exit, signal) => resolve(exit ?? (signal ? 1 : 0)));
  });
  const seconds = (performance.now() - started) / 1000;
  const peaks = existsSync(peakFile) ? readFileSync(peakFile, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  rmSync(path.dirname(peakFile), { recursive: true, force: true });
  if (code !== 0) throw new Error(`astro build of shard "${shard}" failed (exit ${code}); its messages are above.`);
  const root = new URL(settings.base.endsWith('/') ? settings.base : `${settings.base}/`, settings.site).href;
  const files = pruneShardOutput(plan, shard, output, root);
  return { shard, seconds, peakBytes: peaks.length > 0 ? Math.max(...peaks) * 1024 : null, files };
}

/** Join the shard outputs found in `from/<name>/` into `out`, then cut the fonts to the whole site. */
export async function joinShards(plan: ShardPlan, from: string, out: string): Promise<{ files: number; seconds: number }> {
  const started = performance.now();
  const dirs = new Map(plan.shards.map((shard) => [shard.name, path.join(from, shard.name)]));
  rmSync(out, { recursive: true, force: true });
  const { files } = joinShardOutputs(plan, dirs, out);
  // Font subsetting needs every page's characters, so it runs here and not in the shards.
  await subsetSiteFonts(out);
  return { files, seconds: (performance.now() - started) / 1000 };
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`);

function printRun(run: ShardRun, plan: ShardPlan): void {
  const shard = shardNamed(plan, run.shard);
  const what = shard.role === 'hub' ? 'archive pages' : `${shard.slugs.length} articles, ${shard.first}–${shard.last}`;
  console.log(`shard ${run.shard} (${what}): ${run.seconds.toFixed(1)} s, peak memory ${mb(run.peakBytes)}, ${run.files} files`);
}

function describePlan(plan: ShardPlan): string {
  return articleShards(plan)
    .map((shard) => `  ${shard.name}: ${shard.first === shard.last ? shard.first : `${shard.first}–${shard.last}`}, ${shard.slugs.length} articles, search bundle ${shard.bundle}`)
    .join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shards: { type: 'string', default: '2' },
      by: { type: 'string', default: 'year' },
      plan: { type: 'string' },
      shard: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      work: { type: 'string' },
      matrix: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0] ?? 'all';
  const count = Number(values.shards);
  if (values.by !== 'year' && values.by !== 'month') throw new Error(`--by takes "year" or "month", not "${values.by}".`);
  const by = values.by as ShardKey;
  const makePlan = () => planShards(readPlannedArticles(path.resolve(ROOT, readSettings().contentDir)), count, by);
  const need = (name: 'plan' | 'shard' | 'out' | 'from'): string => {
    const value = values[name];
    if (!value) throw new Error(`shards.ts ${command} needs --${name}.`);
    return value;
  };

  switch (command) {
    case 'plan': {
      const plan = makePlan();
      if (values.out) writeFileSync(values.out, serializePlan(plan));
      // --matrix prints only the shard names as JSON, for a CI job's output (fromJSON in the matrix).
      if (values.matrix) console.log(JSON.stringify(plan.shards.map((shard) => shard.name)));
      else console.log(`hub and ${articleShards(plan).length} article shards by ${plan.by}:\n${describePlan(plan)}`);
      return;
    }
    case 'build': {
      const planFile = need('plan');
      const plan = readPlanFile(planFile);
      printRun(await buildShard(planFile, plan, need('shard'), need('out')), plan);
      return;
    }
    case 'join': {
      const plan = readPlanFile(need('plan'));
      const out = need('out');
      const joined = await joinShards(plan, need('from'), out);
      console.log(`joined ${plan.shards.length} shards into ${out}: ${joined.files} files, ${joined.seconds.toFixed(1)} s`);
      return;
    }
    case 'all': {
      const out = path.resolve(values.out ?? readSettings().outDir);
      const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(os.tmpdir(), 'arshif-shards-'));
      mkdirSync(work, { recursive: true });
      const plan = makePlan();
      const planFile = path.join(work, 'plan.json');
      writeFileSync(planFile, serializePlan(plan));
      console.log(`hub and ${articleShards(plan).length} article shards by ${plan.by}:\n${describePlan(plan)}`);
      const runs: ShardRun[] = [];
      for (const shard of plan.shards) runs.push(await buildShard(planFile, plan, shard.name, path.join(work, shard.name)));
      const joined = await joinShards(plan, work, out);
      console.log('');
      for (const run of runs) printRun(run, plan);
      console.log(`join: ${joined.seconds.toFixed(1)} s, ${joined.files} files into ${out}`);
      const largest = Math.max(...runs.map((run) => run.peakBytes ?? 0));
      console.log(`largest shard peak memory ${mb(largest)}; slowest shard ${Math.max(...runs.map((run) => run.seconds)).toFixed(1)} s (a CI matrix runs the shards at once)`);
      if (!values.work) rmSync(work, { recursive: true, force: true });
      return;
    }
    default:
      throw new Error(`Unknown command "${command}": use plan, build, join, or no command to do all three.`);
  }
}

// Run as a command (not when imported by a test).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    console.error(`shards: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
