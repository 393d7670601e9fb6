/**
 * The files of sharded builds: a shard's output is pruned to the files it owns and labelled with a
 * marker (which plan, which shard, its sitemap entries); the join copies every shard's files into
 * one folder, refusing two different files at one path, then writes one sitemap. Pure helpers
 * first, then the I/O.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleShards, ownerIndex, ownerOf, planDigest, type ShardPlan } from './plan';

/** The label a shard build leaves in its output folder; the join reads it and copies it nowhere. */
const MARKER = '.arshif-shard.json';

interface ShardMarker {
  plan: string;
  shard: string;
  /** The site's address with its base path, e.g. `https://example.org/archive/`. */
  root: string;
  /** The `<url>…</url>` entries of the shard's sitemap for the pages it owns. */
  sitemap: string[];
}

/** @astrojs/sitemap's default number of entries per sitemap file. */
const SITEMAP_ENTRY_LIMIT = 45_000;

const SITEMAP_FILE = /^sitemap-(\d+|index)\.xml$/;

/** The `<url>` entries of a sitemap file, each whole, with its `<loc>`. */
export function sitemapEntries(xml: string): Array<{ loc: string; entry: string }> {
  return [...xml.matchAll(/<url>[\s\S]*?<\/url>/g)].map(([entry]) => ({ loc: /<loc>([^<]*)<\/loc>/.exec(entry)?.[1] ?? '', entry }));
}

/** Decode the few references a sitemap writer escapes in a URL. */
function unescapeXml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** The output file a page URL names (`…/articles/x/` → `articles/x/index.html`), or null outside the site. */
export function fileOfUrl(url: string, root: string): string | null {
  const loc = unescapeXml(url);
  if (!loc.startsWith(root)) return null;
  const rest = decodeURI(loc.slice(root.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/**
 * The sitemap files of the joined site, as @astrojs/sitemap writes them for a whole build: entries
 * sorted by URL the way it sorts them, cut into files of `limit`, and an index naming each file.
 */
export function joinedSitemaps(entries: ReadonlyArray<{ loc: string; entry: string }>, root: string, limit = SITEMAP_ENTRY_LIMIT): Map<string, string> {
  const unique = new Map<string, string>();
  for (const { loc, entry } of entries) if (!unique.has(loc)) unique.set(loc, entry);
  const sorted = [...unique.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">';
  const files = new Map<string, string>();
  const chunks = Math.max(1, Math.ceil(sorted.length / limit));
  for (let i = 0; i < chunks; i++) {
    files.set(`sitemap-${i}.xml`, `${head}${sorted.slice(i * limit, (i + 1) * limit).map((loc) => unique.get(loc)).join('')}</urlset>`);
  }
  const index = [...files.keys()].map((name) => `<sitemap><loc>${root}${name}</loc></sitemap>`).join('');
  files.set('sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index}</sitemapindex>`);
  return files;
}

/** Every file below `dir` as a "/"-separated relative path, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
      else throw new Error(`${path.join(dir, rel)} is neither a file nor a folder; a build writes only those.`);
    }
  };
  walk('');
  return out.sort();
}

/**
 * After a shard's `astro build` into `dir`: keep the sitemap entries of the pages the shard owns,
 * delete every file it does not own (another shard writes those), remove emptied folders and leave
 * the marker. Returns how many files were kept.
 */
export function pruneShardOutput(plan: ShardPlan, shard: string, dir: string, root: string): number {
  const index = ownerIndex(plan);
  const files = listFiles(dir);
  const sitemap: string[] = [];
  for (const file of files.filter((f) => SITEMAP_FILE.test(f) && f !== 'sitemap-index.xml')) {
    for (const { loc, entry } of sitemapEntries(readFileSync(path.join(dir, file), 'utf8'))) {
      const page = fileOfUrl(loc, root);
      if (page !== null && ownerOf(plan, page, index) === shard) sitemap.push(entry);
    }
  }
  let kept = 0;
  for (const file of files) {
    const owner = ownerOf(plan, file, index);
    if (SITEMAP_FILE.test(file) || (owner !== shard && owner !== 'shared')) rmSync(path.join(dir, file));
    else kept++;
  }
  removeEmptyFolders(dir);
  const marker: ShardMarker = { plan: planDigest(plan), shard, root, sitemap };
  writeFileSync(path.join(dir, MARKER), `${JSON.stringify(marker)}\n`);
  return kept;
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(path.join(dir, entry.name))) rmSync(path.join(dir, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

/** Read and check the marker of one shard's output folder. */
function readMarker(dir: string, plan: ShardPlan, shard: string): ShardMarker {
  const file = path.join(dir, MARKER);
  if (!existsSync(file)) throw new Error(`${dir} is not the output of a shard build (it has no ${MARKER}); build it with \`npx tsx src/cli/shards.ts build --shard ${shard}\`.`);
  let marker: ShardMarker;
  try {
    marker = JSON.parse(readFileSync(file, 'utf8')) as ShardMarker;
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); build the shard again.`, { cause: error });
  }
  if (marker.shard !== shard) throw new Error(`${dir} holds shard "${marker.shard}", not "${shard}".`);
  if (marker.plan !== planDigest(plan)) throw new Error(`${dir} was built from another plan (${marker.plan}, not ${planDigest(plan)}); build every shard from the same plan file.`);
  if (typeof marker.root !== 'string' || !Array.isArray(marker.sitemap)) throw new Error(`${file}: not a shard marker; build the shard again.`);
  return marker;
}

/**
 * Join the shard outputs (`dirs`: shard name → folder) into `out`, which must not exist yet or be
 * empty. Every file goes in from the one shard that owns it; a shared asset written by several
 * shards must be the same bytes in each. Fails, naming the files, on anything else.
 */
export function joinShardOutputs(plan: ShardPlan, dirs: ReadonlyMap<string, string>, out: string): { files: number; root: string } {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty; the join writes into a new or empty folder.`);
  mkdirSync(out, { recursive: true });
  const index = ownerIndex(plan);
  const from = new Map<string, string>();
  const entries: Array<{ loc: string; entry: string }> = [];
  let root: string | null = null;
  for (const shard of plan.shards) {
    const dir = dirs.get(shard.name);
    if (dir === undefined) throw new Error(`The output of shard "${shard.name}" is missing; the join needs every shard of the plan (${plan.shards.map((s) => s.name).join(', ')}).`);
    const marker = readMarker(dir, plan, shard.name);
    if (root !== null && marker.root !== root) throw new Error(`${dir} was built for ${marker.root}, the other shards for ${root}; build every shard with the same ARSHIF_SITE and ARSHIF_BASE.`);
    root = marker.root;
    entries.push(...marker.sitemap.map((entry) => ({ loc: /<loc>([^<]*)<\/loc>/.exec(entry)?.[1] ?? '', entry })));
    for (const file of listFiles(dir)) {
      if (file === MARKER) continue;
      const owner = ownerOf(plan, file, index);
      const source = path.join(dir, file);
      if (owner !== shard.name && owner !== 'shared') throw new Error(`${source} belongs to shard "${owner}", not "${shard.name}"; was ${dir} pruned by \`shards.ts build\`?`);
      const target = path.join(out, file);
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(earlier).equals(readFileSync(source))) {
          throw new Error(`${earlier} and ${source} differ, and both would be ${file} of the joined site; build every shard from the same commit and settings.`);
        }
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
      from.set(file, source);
    }
  }
  for (const shard of articleShards(plan)) {
    const missing = shard.slugs.filter((slug) => !from.has(`articles/${slug}/index.html`));
    if (missing.length > 0) throw new Error(`Shard "${shard.name}" did not render ${missing.length} of its articles (${missing.slice(0, 5).join(', ')}…); build it again from this plan.`);
    if (!from.has(`${shard.bundle}pagefind-entry.json`)) throw new Error(`Shard "${shard.name}" wrote no search bundle at ${shard.bundle}; build it again.`);
  }
  for (const [name, text] of joinedSitemaps(entries, root ?? '')) writeFileSync(path.join(out, name), text);
  return { files: from.size, root: root ?? '' };
}
