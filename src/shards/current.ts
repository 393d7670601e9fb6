/**
 * Which part of a sharded build this build is, for the site's pages, the article loader and the
 * search index: read once from ARSHIF_SHARD_PLAN and ARSHIF_SHARD. Without them every answer is
 * that of a whole build (every page, every article).
 */
import path from 'node:path';
import { readUtf8File } from '../loaders/files';
import { readSettings } from '../settings';
import { contentError } from '../site/content-error';
import { mergedBundles, parsePlan, shardNamed, type Shard, type ShardPlan } from './plan';

/** Plans hold one slug and seed name per article: generous for a million articles. */
const MAX_PLAN_BYTES = 256 * 1024 * 1024;

interface CurrentShard {
  plan: ShardPlan;
  shard: Shard;
  /** Slugs the shard renders (empty for the hub). */
  slugs: ReadonlySet<string>;
}

/** Read and check the plan the environment names; null for a whole build. */
function readCurrentShard(env: NodeJS.ProcessEnv = process.env): CurrentShard | null {
  const { shardPlan, shard } = readSettings(env);
  if (shardPlan === null && shard === null) return null;
  if (shardPlan === null || shard === null) {
    throw contentError('ARSHIF_SHARD_PLAN and ARSHIF_SHARD go together: a sharded build needs both the plan and the name of its shard.', 'Run shards through `npx tsx src/cli/shards.ts build`, which sets both.');
  }
  const file = path.resolve(shardPlan);
  const read = readUtf8File(file, MAX_PLAN_BYTES);
  if ('problem' in read) throw contentError(`${file}: ${read.problem.reason}.`, 'Write the plan with `npx tsx src/cli/shards.ts plan --out FILE`.');
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    throw contentError(`${file}: not JSON (${(error as Error).message}).`, 'Write the plan with `npx tsx src/cli/shards.ts plan --out FILE`.');
  }
  let plan: ShardPlan;
  let current: Shard;
  try {
    plan = parsePlan(json, file);
    current = shardNamed(plan, shard);
  } catch (error) {
    throw contentError((error as Error).message, 'Use the plan and shard names `npx tsx src/cli/shards.ts plan` printed.');
  }
  return { plan, shard: current, slugs: new Set(current.role === 'articles' ? current.slugs : []) };
}

let cached: CurrentShard | null | undefined;

function current(): CurrentShard | null {
  if (cached === undefined) cached = readCurrentShard();
  return cached;
}

/** True when this build renders the article's own pages (its page, its MDX, its seed). */
export function rendersArticle(slug: string): boolean {
  const shard = current();
  return shard === null || shard.slugs.has(slug);
}

/** True when this build renders the pages that span the archive (a whole build, or the hub). */
export function rendersArchivePages(): boolean {
  const shard = current();
  return shard === null || shard.shard.role === 'hub';
}

/** True when this build keeps every article's text (for snippets, exports), rendered or not. */
export function keepsEveryArticleText(): boolean {
  return rendersArchivePages();
}

/** True for any part of a sharded build (font subsetting then waits for the join). */
export function isShardBuild(): boolean {
  return current() !== null;
}

/**
 * Where this build writes its search bundle, relative to the output folder, or null when it writes
 * none (the hub: it renders no article).
 */
export function searchBundleFolder(): string | null {
  const shard = current();
  if (shard === null) return 'pagefind/';
  return shard.shard.role === 'articles' ? shard.shard.bundle : null;
}

/** The bundles the search page merges into `pagefind/` (none in a whole build). */
export function searchBundlesToMerge(): string[] {
  const shard = current();
  return shard === null ? [] : mergedBundles(shard.plan);
}
