/**
 * Every ARSHIF_* environment setting, read in one place with its default: where the site lives
 * (ARSHIF_SITE, ARSHIF_BASE), where a build writes and reads (ARSHIF_OUT_DIR, ARSHIF_CONTENT_DIR,
 * ARSHIF_SEEDS_DIR), the offline bundle's relative links (ARSHIF_LINKS=relative) and the bag's
 * organization (ARSHIF_ORGANIZATION), and which part of a sharded build this is (ARSHIF_SHARD_PLAN,
 * ARSHIF_SHARD; see src/shards/plan.ts), and how many threads render articles during the content
 * sync (ARSHIF_RENDER_THREADS; see src/loaders/render-pool.ts). The heap limit (ARSHIF_HEAP_MB) is
 * the build command's own.
 */

/** The address pages cite when no deployment sets one. */
export const DEFAULT_SITE = 'https://arshif.example.org';

/** The bag's Source-Organization when ARSHIF_ORGANIZATION does not name one. */
export const DEFAULT_ORGANIZATION = 'arshif (أرشيف)';

/** The settings of one build. */
export interface Settings {
  site: string;
  base: string;
  outDir: string;
  contentDir: string;
  seedsDir: string;
  relativeLinks: boolean;
  organization: string;
  /** The shard plan file of a sharded build (`src/cli/shards.ts`), or null for a whole build. */
  shardPlan: string | null;
  /** The shard this build renders (`hub`, `s1` …); only with `shardPlan`. */
  shard: string | null;
  /**
   * Threads that render articles (src/loaders/render-pool.ts), used for any number of articles;
   * 1 renders on the main thread alone. Null: one per core, once there are enough articles.
   */
  renderThreads: number | null;
}

/** Read the settings from an environment (the process's by default). */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    site: env['ARSHIF_SITE'] || DEFAULT_SITE,
    base: env['ARSHIF_BASE'] || '/',
    outDir: env['ARSHIF_OUT_DIR'] || './dist',
    contentDir: env['ARSHIF_CONTENT_DIR'] || './content',
    seedsDir: env['ARSHIF_SEEDS_DIR'] || 'seeds',
    relativeLinks: env['ARSHIF_LINKS'] === 'relative',
    organization: env['ARSHIF_ORGANIZATION'] || DEFAULT_ORGANIZATION,
    shardPlan: env['ARSHIF_SHARD_PLAN'] || null,
    shard: env['ARSHIF_SHARD'] || null,
    renderThreads: positiveInteger(env['ARSHIF_RENDER_THREADS']),
  };
}

/** A whole number of at least 1 written in decimal digits, else null. */
function positiveInteger(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && Number.isSafeInteger(number) ? number : null;
}

/** The site's absolute address for a page: Astro's `site` (set from the settings), else the default. */
export function siteUrl(site: URL | undefined): URL {
  return site ?? new URL(readSettings().site);
}
