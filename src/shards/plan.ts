/**
 * The sharded build's plan, as pure functions: which articles each shard renders, where each
 * shard's search bundle lives, and which shard owns each file of the joined site. Every shard job
 * of a CI matrix computes or reads the same plan, so the same archive always splits the same way.
 *
 * - The **hub** renders every page that spans the archive (home, timeline, entity, source, search
 *   pages, feeds, data exports) from the frontmatter and plain text of every article, and renders
 *   no article page.
 * - Each **article shard** renders the pages of its articles only (`articles/<slug>/`,
 *   `mdx/<slug>.mdx`, `seeds/<seed>.txt`) and indexes them into its own Pagefind bundle.
 * - The join copies each shard's files into one folder; the search page merges the bundles in the
 *   browser with Pagefind's `mergeIndex`.
 */
import { createHash } from 'node:crypto';

/** What planning needs of an article: its slug, its seed file and its publication date. */
export interface PlannedArticle {
  slug: string;
  seed: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (whatever the frontmatter holds), or null. */
  published: string | null;
}

/** How articles are grouped before groups are packed into shards; a group never splits. */
export type ShardKey = 'year' | 'month';

export interface ArticleShard {
  name: string;
  role: 'articles';
  /** First and last group (e.g. "2019" and "2021", or "undated"): what the shard covers. */
  first: string;
  last: string;
  /** Folder of the shard's Pagefind bundle, relative to the site's base: `pagefind/` or `pagefind-<name>/`. */
  bundle: string;
  slugs: string[];
  seeds: string[];
}

interface HubShard {
  name: 'hub';
  role: 'hub';
}

export type Shard = HubShard | ArticleShard;

export interface ShardPlan {
  version: 1;
  by: ShardKey;
  /** The hub first, then the article shards in date order. */
  shards: Shard[];
}

/** Articles without a usable date sort after every dated group. */
const UNDATED = 'undated';

/** The group an article falls in: its year or year-month, or `undated`. */
export function groupOf(published: string | null, by: ShardKey): string {
  const match = published === null ? null : /^(\d{4})(?:-(\d{2}))?/.exec(published);
  if (!match) return UNDATED;
  if (by === 'year' || match[2] === undefined) return match[1]!;
  return `${match[1]}-${match[2]}`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Split contiguous group sizes into at most `count` runs so that the largest run is as small as it
 * can be (the slowest shard decides the matrix's wall time). Returns the index where each run starts.
 */
export function packRuns(sizes: readonly number[], count: number): number[] {
  if (sizes.length === 0) return [];
  const fits = (capacity: number): number[] | null => {
    const starts = [0];
    let load = 0;
    for (let i = 0; i < sizes.length; i++) {
      if (load + sizes[i]! > capacity && load > 0) {
        starts.push(i);
        load = 0;
      }
      load += sizes[i]!;
    }
    return starts.length <= count ? starts : null;
  };
  let low = Math.max(...sizes);
  let high = sizes.reduce((sum, size) => sum + size, 0);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) high = middle;
    else low = middle + 1;
  }
  return fits(low)!;
}

/**
 * The plan for `count` article shards (fewer when there are fewer groups; at least one, so the
 * site always has its primary search bundle at `pagefind/`). Articles are grouped by year (or
 * month), groups taken in date order, undated last, and cut into contiguous runs of balanced size.
 */
export function planShards(articles: readonly PlannedArticle[], count: number, by: ShardKey = 'year'): ShardPlan {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`The number of shards must be a whole number of at least 1, not ${count}.`);
  const groups = new Map<string, PlannedArticle[]>();
  for (const article of articles) {
    const key = groupOf(article.published, by);
    const list = groups.get(key) ?? [];
    list.push(article);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : byCodeUnit(a, b)));
  const starts = packRuns(
    keys.map((key) => groups.get(key)!.length),
    count,
  );
  const shards: Shard[] = [{ name: 'hub', role: 'hub' }];
  const runs = starts.length === 0 ? [[]] : starts.map((start, i) => keys.slice(start, starts[i + 1] ?? keys.length));
  runs.forEach((run, i) => {
    const members = run.flatMap((key) => groups.get(key)!).sort((a, b) => byCodeUnit(a.slug, b.slug));
    const name = `s${i + 1}`;
    shards.push({
      name,
      role: 'articles',
      first: run[0] ?? UNDATED,
      last: run[run.length - 1] ?? UNDATED,
      bundle: i === 0 ? 'pagefind/' : `pagefind-${name}/`,
      slugs: members.map((article) => article.slug),
      seeds: members.map((article) => article.seed).sort(byCodeUnit),
    });
  });
  return { version: 1, by, shards };
}

/** The article shards of a plan, in order. */
export function articleShards(plan: ShardPlan): ArticleShard[] {
  return plan.shards.filter((shard): shard is ArticleShard => shard.role === 'articles');
}

/** The shard called `name`, or an error that lists the names there are. */
export function shardNamed(plan: ShardPlan, name: string): Shard {
  const shard = plan.shards.find((candidate) => candidate.name === name);
  if (!shard) throw new Error(`The shard plan has no shard "${name}"; its shards are ${plan.shards.map((s) => s.name).join(', ')}.`);
  return shard;
}

/** Bundles the search page merges into the primary one (`pagefind/`), relative to the base. */
export function mergedBundles(plan: ShardPlan): string[] {
  return articleShards(plan)
    .map((shard) => shard.bundle)
    .filter((bundle) => bundle !== 'pagefind/');
}

/** The plan as it is written to disk: stable key order, so the same plan is the same bytes. */
export function serializePlan(plan: ShardPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Names the plan in each shard's output, so the join refuses outputs of another plan. */
export function planDigest(plan: ShardPlan): string {
  return createHash('sha256').update(serializePlan(plan)).digest('hex').slice(0, 16);
}

/** Who owns a file of the joined site: a shard's name, or `shared` (built alike by every shard). */
export type Owner = string | 'shared';

/**
 * The one shard whose copy of `file` (a path below the site's output folder, "/"-separated) goes
 * into the joined site. Hashed build assets (`_astro/`) are the same in every shard, since every
 * shard builds every route; the join checks that they are.
 */
export function ownerOf(plan: ShardPlan, file: string, index: OwnerIndex = ownerIndex(plan)): Owner {
  if (file.startsWith('_astro/')) return 'shared';
  const [top, second] = file.split('/');
  if (top === 'articles' && second !== undefined && file !== 'articles/index.html') return index.bySlug.get(second) ?? 'hub';
  if (top === 'mdx' && second?.endsWith('.mdx')) return index.bySlug.get(second.slice(0, -'.mdx'.length)) ?? 'hub';
  if (top === 'seeds' && second !== undefined) return index.bySeed.get(second) ?? 'hub';
  const bundle = index.byBundle.get(`${top}/`);
  if (bundle !== undefined && second !== undefined) return bundle;
  return 'hub';
}

/** Lookups for `ownerOf`, built once per plan. */
export interface OwnerIndex {
  bySlug: ReadonlyMap<string, string>;
  bySeed: ReadonlyMap<string, string>;
  byBundle: ReadonlyMap<string, string>;
}

export function ownerIndex(plan: ShardPlan): OwnerIndex {
  const bySlug = new Map<string, string>();
  const bySeed = new Map<string, string>();
  const byBundle = new Map<string, string>();
  for (const shard of articleShards(plan)) {
    for (const slug of shard.slugs) bySlug.set(slug, shard.name);
    for (const seed of shard.seeds) bySeed.set(seed, shard.name);
    byBundle.set(shard.bundle, shard.name);
  }
  return { bySlug, bySeed, byBundle };
}

/**
 * Read a plan from parsed JSON, checking its shape; `source` names the file in every error.
 * A plan is written by `shards plan`, but it travels between CI jobs as an artifact.
 */
export function parsePlan(value: unknown, source: string): ShardPlan {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}. Write the plan again with \`npx tsx src/cli/shards.ts plan\`.`);
  };
  const isStrings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string' && item.length > 0 && !/[/\\]/.test(item));
  if (typeof value !== 'object' || value === null) return fail('is not a shard plan (a JSON object)');
  const plan = value as Record<string, unknown>;
  if (plan['version'] !== 1) return fail(`has version ${JSON.stringify(plan['version'])}; this build reads version 1`);
  if (plan['by'] !== 'year' && plan['by'] !== 'month') return fail('says neither "year" nor "month" under "by"');
  if (!Array.isArray(plan['shards'])) return fail('has no list of shards');
  const names = new Set<string>();
  const bundles = new Set<string>();
  const slugs = new Set<string>();
  const shards: Shard[] = (plan['shards'] as unknown[]).map((raw, i) => {
    const shard = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = shard['name'];
    if (typeof name !== 'string' || !/^[a-z0-9-]+$/.test(name)) return fail(`shard ${i + 1} has no valid name (lower-case letters, digits, "-")`);
    if (names.has(name)) return fail(`names the shard "${name}" twice`);
    names.add(name);
    if (shard['role'] === 'hub') {
      if (name !== 'hub') return fail(`calls its hub "${name}" instead of "hub"`);
      return { name: 'hub', role: 'hub' };
    }
    if (shard['role'] !== 'articles') return fail(`gives shard "${name}" the role ${JSON.stringify(shard['role'])}`);
    const bundle = shard['bundle'];
    if (typeof bundle !== 'string' || !/^pagefind(-[a-z0-9-]+)?\/$/.test(bundle) || bundles.has(bundle)) return fail(`gives shard "${name}" a missing, odd or repeated bundle folder`);
    bundles.add(bundle);
    if (!isStrings(shard['slugs']) || !isStrings(shard['seeds'])) return fail(`lists the articles of shard "${name}" wrongly`);
    for (const slug of shard['slugs']) {
      if (slugs.has(slug)) return fail(`puts the article "${slug}" in two shards`);
      slugs.add(slug);
    }
    return { name, role: 'articles', first: String(shard['first'] ?? ''), last: String(shard['last'] ?? ''), bundle, slugs: shard['slugs'], seeds: shard['seeds'] };
  });
  if (shards[0]?.role !== 'hub' || shards.filter((s) => s.role === 'hub').length !== 1) return fail('does not start with its one hub');
  if (!bundles.has('pagefind/')) return fail('has no shard with the primary search bundle `pagefind/`');
  return { version: 1, by: plan['by'], shards };
}
