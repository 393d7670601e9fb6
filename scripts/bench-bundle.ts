/**
 * Bundle benchmark: the offline bundle's search opened from disk (file://), where Pagefind cannot
 * run and the offline index (src/search/offline-index.ts) answers. On the seed archive (through
 * `npm run bundle`, so the bundle's own size is measured too) and on a generated 10,000-article
 * archive (scripts/generate-archive.ts, built with ARSHIF_LINKS=relative in a private copy of the
 * working tree), it opens search/index.html from disk in headless Chromium, types a query, and
 * records which index scripts the page loaded (their bytes on disk) and how long results took. The
 * generated archive's site is also packed as a bag, as `npm run bundle` packs it, for its size.
 *
 *   npx tsx scripts/bench-bundle.ts [--articles 10000]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { unzipBag } from '../src/bundle/archive';
import { packSite } from '../src/bundle/pack';
import { launchChromium } from './browser';
import { writeSyntheticArchive } from './generate-archive';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES = ['طاجيكستان', 'الأمن الجماعي'];
const RUNS = 3;

/** Top-level entries a build does not need, or writes itself. */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', '.astro', 'test-results', 'bundles']);

/** A copy of the working tree to build in (Astro writes its caches inside the project); packages are symlinked. */
function isolatedWorkspace(copy: string): string {
  cpSync(root, copy, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source);
      return !NOT_COPIED.has(relative.split(path.sep)[0] ?? '') && !relative.startsWith(path.join('test', '.tmp'));
    },
  });
  mkdirSync(path.join(copy, 'node_modules'));
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(copy, 'node_modules', entry));
  }
  return copy;
}

function directorySize(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

/** The environment for a child build, minus what a test runner adds. */
function cleanEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Every file below `dir` with its path below it, as `npm run bundle` reads the built site. */
function readSite(dir: string): Array<{ path: string; bytes: Uint8Array }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(dir, full).split(path.sep).join('/'), bytes: new Uint8Array(readFileSync(full)) };
    });
}

interface Search {
  query: string;
  /** Bytes on disk of the index scripts the query made the page load, and how many. */
  bytes: number;
  scripts: number;
  /** From the first keystroke to the first result on screen (includes the page's 180 ms typing pause), median of runs. */
  ms: number;
  results: number;
}

interface Measured {
  open: { bytes: number; scripts: number };
  searches: Search[];
}

/** Paths of the offline index scripts the page has added so far. */
async function loadedScripts(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src).filter((src) => src.includes('/offline-search/')));
}

/** Open the search page from disk and run each query in a fresh page, RUNS times. */
async function measure(browser: Browser, site: string): Promise<Measured> {
  const url = pathToFileURL(path.join(site, 'search/index.html')).href;
  const size = (src: string): number => statSync(fileURLToPath(src)).size;
  let open = { bytes: 0, scripts: 0 };
  const searches: Search[] = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    let last: Omit<Search, 'ms'> = { query, bytes: 0, scripts: 0, results: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
      const before = new Set(await loadedScripts(page));
      open = { bytes: [...before].reduce((sum, src) => sum + size(src), 0), scripts: before.size };
      const started = performance.now();
      await page.locator('#search-q').fill(query);
      await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#search-results li').length > 0, undefined, { timeout: 120_000 });
      times.push(performance.now() - started);
      const added = (await loadedScripts(page)).filter((src) => !before.has(src));
      const status = (await page.locator('#search-status').textContent()) ?? '';
      last = { query, bytes: added.reduce((sum, src) => sum + size(src), 0), scripts: added.length, results: Number(/\d+/.exec(status)?.[0] ?? 0) };
      await page.close();
    }
    times.sort((a, b) => a - b);
    searches.push({ ...last, ms: times[Math.floor(times.length / 2)]! });
  }
  return { open, searches };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const large = Number(values.articles);
const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-bundle-'));
const browser = await launchChromium();
try {
  const lines: string[] = [];

  // The seed archive, through the real command, so the bundle itself is measured.
  const bundles = path.join(work, 'bundles');
  const started = performance.now();
  const bundled = spawnSync('npm', ['run', '-s', 'bundle', '--', '--out', bundles], { cwd: root, env: cleanEnvironment({}), encoding: 'utf8' });
  const bundleSeconds = (performance.now() - started) / 1000;
  if (bundled.status !== 0) throw new Error(`npm run bundle failed:\n${bundled.stdout}\n${bundled.stderr}`);
  const zipName = readdirSync(bundles).find((name) => name.endsWith('.zip'))!;
  const zipBytes = statSync(path.join(bundles, zipName)).size;
  const { root: bagRoot, files } = unzipBag(new Uint8Array(readFileSync(path.join(bundles, zipName))));
  const bagDir = path.join(work, 'bag', bagRoot);
  for (const [file, bytes] of files) {
    mkdirSync(path.dirname(path.join(bagDir, file)), { recursive: true });
    writeFileSync(path.join(bagDir, file), bytes);
  }
  const seedSite = path.join(bagDir, 'data');
  const seedArticles = readdirSync(path.join(seedSite, 'articles')).length;
  const seeds = await measure(browser, seedSite);
  lines.push(`seed archive: ${seedArticles} articles; npm run bundle ${bundleSeconds.toFixed(1)} s → ${zipName}, ${mb(zipBytes)} (payload ${mb(directorySize(seedSite))}, offline index ${kb(directorySize(path.join(seedSite, 'offline-search')))})`);

  // A generated archive, built as the bundle builds its site.
  const contentDir = path.join(work, 'content');
  const outDir = path.join(work, 'site');
  writeSyntheticArchive(root, large, contentDir);
  const workspace = isolatedWorkspace(path.join(work, 'repo'));
  console.log(`building ${large} articles with relative links…`);
  const buildStarted = performance.now();
  const built = spawnSync('npx', ['astro', 'build'], {
    cwd: workspace,
    env: cleanEnvironment({ ARSHIF_CONTENT_DIR: contentDir, ARSHIF_OUT_DIR: outDir, ARSHIF_LINKS: 'relative', ARSHIF_BASE: '/' }),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  if (built.status !== 0) throw new Error(`astro build of ${large} articles failed:\n${built.stdout.slice(-4000)}\n${built.stderr.slice(-4000)}`);
  const index = path.join(outDir, 'offline-search');
  const shards = readdirSync(path.join(index, 'shards'));
  const shardSizes = shards.map((name) => statSync(path.join(index, 'shards', name)).size).sort((a, b) => a - b);
  const generated = await measure(browser, outDir);
  // The whole bag of the generated archive, packed as npm run bundle packs it (the commit is this checkout's).
  const commit = spawnSync('git', ['log', '-1', '--format=%H%n%cI'], { cwd: root, encoding: 'utf8' }).stdout.trim().split('\n');
  const packStarted = performance.now();
  const packed = packSite(readSite(outDir), { commit: commit[0]!, commitDate: commit[1]! });
  const packSeconds = (performance.now() - packStarted) / 1000;
  lines.push(`generated archive bag: ${mb(packed.zip.length)} zipped (payload ${packed.payloadFiles} files, ${mb(packed.payloadBytes)}), packed in ${packSeconds.toFixed(0)} s`);
  lines.push(
    `generated archive: ${large} articles; relative build ${buildSeconds.toFixed(0)} s; site ${mb(directorySize(outDir))}, offline index ${mb(directorySize(index))} ` +
      `(${shards.length} shards: median ${kb(shardSizes[Math.floor(shardSizes.length / 2)]!)}, largest ${kb(shardSizes[shardSizes.length - 1]!)}; manifest ${kb(statSync(path.join(index, 'manifest.js')).size)})`,
  );

  console.log(`\nbundle benchmark: search from disk (file://), headless Chromium, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; median of ${RUNS} runs`);
  for (const line of lines) console.log(line);
  console.log('| Archive | Articles | Open search page (engine + manifest) | Query | Index scripts loaded by the query | Time to first result | Results |');
  console.log('|---|---:|---:|---|---:|---:|---:|');
  for (const [label, articles, m] of [['Seed archive', seedArticles, seeds], ['Generated archive', large, generated]] as const) {
    for (const search of m.searches) {
      console.log(`| ${label} | ${articles.toLocaleString('en')} | ${kb(m.open.bytes)} (${m.open.scripts} scripts) | «${search.query}» | ${kb(search.bytes)} (${search.scripts} scripts) | ${search.ms.toFixed(0)} ms | ${search.results} |`);
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
