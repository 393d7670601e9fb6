/**
 * arshif against a bare Astro site, side by side in one run, as ratios.
 *
 * Both get the same N synthetic raw articles (scripts/synthetic-seeds.ts: the seeds' sentences,
 * deterministic). The bare reference wraps each text into MDX trivially (title + paragraphs),
 * builds it with plain `astro build` + @astrojs/mdx + content collections, then runs the `pagefind`
 * CLI. arshif runs its full `npm run build` (ingest + astro build + its Pagefind integration).
 * Cold builds alternate (bare, arshif, bare, arshif …); medians are compared. Then: a one-article
 * rebuild (add one seed to the built archive), output sizes, the weight of an article page and the
 * bytes of a first and second search, compressed as a static host serves them. Budgets print
 * PASS or FAIL; the exit code stays 0 (a benchmark reports, it does not gate).
 *
 *   npm run bench -- compare                 # 1,000 articles, 3 cold builds each
 *   npm run bench -- compare --n 10000 --runs 2
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { directorySize, isolatedWorkspace, linkPackages, median, startCountingServer, timed, type Timed, type Transfer } from './bench-kit';
import { seedSentences, syntheticSeed, writeSyntheticSeeds } from './synthetic-seeds';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } }, allowPositionals: true });
const N = Number(values.n);
const RUNS = Math.max(1, Number(values.runs));
const FIRST_QUERY = 'طاجيكستان';
const SECOND_QUERY = 'الأمن الجماعي';

// ── The bare reference ──────────────────────────────────────────────────────────────────────────

const BARE_FILES: Record<string, string> = {
  'package.json': '{ "name": "bare", "private": true, "type": "module" }\n',
  'astro.config.mjs': "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://bare.example.org', integrations: [mdx()] });\n",
  'src/content.config.ts': [
    "import { defineCollection, z } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "const articles = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/articles' }), schema: z.object({ title: z.string() }) });",
    'export const collections = { articles };',
    '',
  ].join('\n'),
  'src/layouts/Page.astro': '---\nconst { title } = Astro.props;\n---\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head><body><slot /></body></html>\n',
  'src/pages/articles/[id].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    "import Page from '../../layouts/Page.astro';",
    "export async function getStaticPaths() { return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }",
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<Page title={entry.data.title}><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></Page>',
    '',
  ].join('\n'),
  'src/pages/index.astro': "---\nimport { getCollection } from 'astro:content';\nimport Page from '../layouts/Page.astro';\nconst all = await getCollection('articles');\n---\n<Page title=\"bare\"><p>{all.length}</p></Page>\n",
  'src/pages/search.astro': [
    '---',
    "import Page from '../layouts/Page.astro';",
    '---',
    '<Page title="search"><link href="/pagefind/pagefind-ui.css" rel="stylesheet" /><script is:inline src="/pagefind/pagefind-ui.js"></script>',
    '<div id="search"></div><script is:inline>window.addEventListener("DOMContentLoaded", () => new PagefindUI({ element: "#search", showSubResults: false }));</script></Page>',
    '',
  ].join('\n'),
};

/** The trivial wrap: first line as the title, the other lines as paragraphs, MDX syntax escaped. */
function wrapSeed(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const escape = (line: string) => line.replace(/[\\{}<>*_[\]#`|~]/g, (c) => `\\${c}`);
  return `---\ntitle: ${JSON.stringify(lines[0] ?? '')}\n---\n\n${lines.slice(1).map(escape).join('\n\n')}\n`;
}

function wrapAll(seedsDir: string, articlesDir: string, only?: string): number {
  const started = performance.now();
  mkdirSync(articlesDir, { recursive: true });
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt') && (only === undefined || f === only))) {
    writeFileSync(path.join(articlesDir, name.replace(/\.txt$/, '.mdx').replace(/_/g, '-')), wrapSeed(readFileSync(path.join(seedsDir, name), 'utf8')));
  }
  return (performance.now() - started) / 1000;
}

// ── Builds ───────────────────────────────────────────────────────────────────────────────────────

interface BuildRun {
  full: number;
  peakBytes: number;
  ingest: number;
  astro: number;
  search: number;
}

/** Forget everything a previous build left (content store, caches, output): a cold build. */
function coldState(project: string, articlesDir: string): void {
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache/arshif']) rmSync(path.join(project, dir), { recursive: true, force: true });
  rmSync(articlesDir, { recursive: true, force: true });
}

function buildBare(project: string, seedsDir: string, only?: string): BuildRun {
  const ingest = wrapAll(seedsDir, path.join(project, 'content/articles'), only);
  const astro = timed('npx', ['astro', 'build'], { cwd: project });
  const search = timed('npx', ['pagefind', '--site', 'dist'], { cwd: project });
  return { full: ingest + astro.seconds + search.seconds, peakBytes: Math.max(astro.peakBytes, search.peakBytes), ingest, astro: astro.seconds, search: search.seconds };
}

function buildArshif(project: string): BuildRun {
  // The two steps of `npm run build`, timed apart.
  const ingest: Timed = timed('npm', ['run', 'ingest'], { cwd: project });
  const astro = timed('npx', ['tsx', 'src/cli/build.ts'], { cwd: project });
  const search = Number(/indexed \d+ articles into .* in ([\d.]+) s/.exec(astro.output)?.[1] ?? Number.NaN);
  return { full: ingest.seconds + astro.seconds, peakBytes: Math.max(ingest.peakBytes, astro.peakBytes), ingest: ingest.seconds, astro: astro.seconds - search, search };
}

// ── In the browser ──────────────────────────────────────────────────────────────────────────────

/** Bytes (compressed) of one article page with everything it loads. */
async function pageWeight(browser: Browser, dist: string, pagePath: string): Promise<Transfer> {
  const server = await startCountingServer(dist, '/', true);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tally = server.tally();
    await page.goto(server.url(pagePath), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const weight = await tally.take();
    await context.close();
    return weight;
  } finally {
    await server.close();
  }
}

/** Bytes of a first search (the page opened cold with it) and a second one typed into that page. */
async function searchBytes(browser: Browser, dist: string, bare: boolean): Promise<{ first: Transfer; second: Transfer }> {
  const server = await startCountingServer(dist, '/', true);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    let tally = server.tally();
    if (bare) {
      await page.goto(server.url('search/'), { waitUntil: 'load' });
      await page.fill('.pagefind-ui__search-input', FIRST_QUERY);
      await page.waitForSelector('.pagefind-ui__result', { timeout: 120_000 });
    } else {
      await page.goto(server.url(`search/?q=${encodeURIComponent(FIRST_QUERY)}`), { waitUntil: 'load' });
      await arshifSettled(page, FIRST_QUERY);
    }
    const first = await tally.take();
    tally = server.tally();
    if (bare) {
      await page.fill('.pagefind-ui__search-input', SECOND_QUERY);
      await page.waitForTimeout(1000);
      await page.waitForSelector('.pagefind-ui__result', { timeout: 120_000 });
    } else {
      await page.fill('#search-q', SECOND_QUERY);
      await arshifSettled(page, SECOND_QUERY);
    }
    const second = await tally.take();
    await context.close();
    return { first, second };
  } finally {
    await server.close();
  }
}

async function arshifSettled(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const list = document.getElementById('search-results');
      return list?.getAttribute('aria-busy') === 'false' && (document.getElementById('search-status')?.textContent ?? '').includes(q) && list.children.length > 0;
    },
    query,
    { timeout: 120_000 },
  );
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-compare-'));
  try {
    const seedsDir = path.join(work, 'seeds');
    writeSyntheticSeeds(seedsDir, N);
    const bare = path.join(work, 'bare');
    for (const [file, text] of Object.entries(BARE_FILES)) {
      mkdirSync(path.dirname(path.join(bare, file)), { recursive: true });
      writeFileSync(path.join(bare, file), text);
    }
    linkPackages(bare);
    const arshif = isolatedWorkspace(path.join(work, 'arshif'));
    rmSync(path.join(arshif, 'seeds'), { recursive: true, force: true });
    cpSync(seedsDir, path.join(arshif, 'seeds'), { recursive: true });

    const runs = { bare: [] as BuildRun[], arshif: [] as BuildRun[] };
    for (let run = 1; run <= RUNS; run++) {
      coldState(bare, path.join(bare, 'content/articles'));
      console.error(`cold build ${run}/${RUNS}: bare …`);
      runs.bare.push(buildBare(bare, seedsDir));
      coldState(arshif, path.join(arshif, 'content/articles'));
      console.error(`cold build ${run}/${RUNS}: arshif …`);
      runs.arshif.push(buildArshif(arshif));
    }

    // One more article into each built archive.
    const extra = syntheticSeed(N, seedSentences());
    writeFileSync(path.join(seedsDir, extra.fileName), extra.text);
    writeFileSync(path.join(arshif, 'seeds', extra.fileName), extra.text);
    console.error('one-article rebuilds …');
    const bareIncremental = buildBare(bare, seedsDir, extra.fileName);
    const arshifIncremental = buildArshif(arshif);

    const browser = await launchChromium();
    const articlePath = (dist: string) => `articles/${readdirSync(path.join(dist, 'articles')).sort()[Math.floor(N / 2)]}/`;
    const bareDist = path.join(bare, 'dist');
    const arshifDist = path.join(arshif, 'dist');
    const weights = { bare: await pageWeight(browser, bareDist, articlePath(bareDist)), arshif: await pageWeight(browser, arshifDist, articlePath(arshifDist)) };
    const searches = { bare: await searchBytes(browser, bareDist, true), arshif: await searchBytes(browser, arshifDist, false) };
    await browser.close();

    const med = (list: BuildRun[], key: keyof BuildRun) => median(list.map((r) => r[key]));
    const b = { full: med(runs.bare, 'full'), peak: med(runs.bare, 'peakBytes'), ingest: med(runs.bare, 'ingest'), search: med(runs.bare, 'search') };
    const a = { full: med(runs.arshif, 'full'), peak: med(runs.arshif, 'peakBytes'), ingest: med(runs.arshif, 'ingest'), search: med(runs.arshif, 'search') };
    const size = { bare: directorySize(bareDist), arshif: directorySize(arshifDist) };
    const rows: Array<[string, string, string, string]> = [
      ['full build (median of cold builds)', s(b.full), s(a.full), ratio(a.full, b.full)],
      ['peak memory (largest process)', gb(b.peak), gb(a.peak), ratio(a.peak, b.peak)],
      ['ingest (bare: trivial wrap)', `${Math.round(N / b.ingest)} articles/s`, `${Math.round(N / a.ingest)} articles/s`, ratio(a.ingest, b.ingest)],
      ['search indexing', s(b.search), s(a.search), ratio(a.search, b.search)],
      ['one-article re-ingest (bare: the one file)', s(bareIncremental.ingest), s(arshifIncremental.ingest), ratio(arshifIncremental.ingest, bareIncremental.ingest)],
      ['one-article rebuild', `${s(bareIncremental.full)} (${((bareIncremental.full / b.full) * 100).toFixed(0)} % of cold)`, `${s(arshifIncremental.full)} (${((arshifIncremental.full / a.full) * 100).toFixed(0)} % of cold)`, ratio(arshifIncremental.full, bareIncremental.full)],
      ['output (dist/)', mb(size.bare), mb(size.arshif), ratio(size.arshif, size.bare)],
      ['article page, compressed, all it loads', `${kb(weights.bare.bytes)} (${weights.bare.requests} req.)`, `${kb(weights.arshif.bytes)} (${weights.arshif.requests} req.)`, ratio(weights.arshif.bytes, weights.bare.bytes)],
      ['first search, page included', `${kb(searches.bare.first.bytes)} (${searches.bare.first.requests} req.)`, `${kb(searches.arshif.first.bytes)} (${searches.arshif.first.requests} req.)`, ratio(searches.arshif.first.bytes, searches.bare.first.bytes)],
      ['second search', kb(searches.bare.second.bytes), kb(searches.arshif.second.bytes), ratio(searches.arshif.second.bytes, searches.bare.second.bytes)],
    ];
    const budgets: Array<[string, boolean, string]> = [
      ['full build ≤ 1.0× bare', a.full <= b.full, ratio(a.full, b.full)],
      ['peak memory ≤ 1.0× bare', a.peak <= b.peak, ratio(a.peak, b.peak)],
      ['ingest ≥ 1,000 articles/s', N / a.ingest >= 1000, `${Math.round(N / a.ingest)} articles/s`],
      ['one-article rebuild ≤ 25 % of cold', arshifIncremental.full <= 0.25 * a.full, `${((arshifIncremental.full / a.full) * 100).toFixed(0)} %`],
      ['first search ≤ 250 KB and ≤ bare', searches.arshif.first.bytes <= 250 * 1024 && searches.arshif.first.bytes <= searches.bare.first.bytes, kb(searches.arshif.first.bytes)],
      ['article page ≤ 60 KB compressed', weights.arshif.bytes <= 60 * 1024, kb(weights.arshif.bytes)],
    ];

    console.log(`\n${N.toLocaleString('en')} articles, ${RUNS} cold build${RUNS === 1 ? '' : 's'} each, alternating; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}\n`);
    console.log('| | bare Astro + MDX + Pagefind CLI | arshif `npm run build` | arshif / bare |\n|---|---:|---:|---:|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('\n| budget | result | |\n|---|---|---|');
    for (const [name, pass, value] of budgets) console.log(`| ${name} | ${value} | ${pass ? 'PASS' : 'FAIL'} |`);
    for (const [who, which] of [['bare', 'first'], ['arshif', 'first'], ['bare', 'second'], ['arshif', 'second']] as const) {
      const transfer = searches[who][which];
      console.log(`\n${which} search, ${who}: every request, bytes as sent (text gzipped)`);
      transfer.files.forEach((file, i) => console.log(`  ${kb(transfer.sizes[i] ?? 0).padStart(9)}  ${file}`));
    }
    console.log(`\ncold builds (s): bare ${runs.bare.map((r) => r.full.toFixed(1)).join(', ')}; arshif ${runs.arshif.map((r) => r.full.toFixed(1)).join(', ')}`);
    console.log(`arshif build split (median): ingest ${s(a.ingest)}, astro ${s(med(runs.arshif, 'astro'))}, search indexing ${s(a.search)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
