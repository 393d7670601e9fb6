/**
 * Search benchmark: bytes transferred by a first and a second query and the time to first results,
 * in headless Chromium, on the seed archive and on a generated 10,000-article archive. Writes the
 * numbers into README.md's Performance section (between the bench:search markers) and prints them.
 *
 *   npx tsx scripts/bench-search.ts [--articles 10000] [--no-readme] [--measure BUILT_SITE_DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { directorySize, isolatedWorkspace, median, root, startCountingServer, type Transfer } from './bench-kit';
import { writeSyntheticArchive } from './generate-archive';

const BASE = '/archive/';
const FIRST_QUERY = 'طاجيكستان';
const SECOND_QUERY = 'الأمن الجماعي';
const RUNS = 3;

interface SiteResult {
  label: string;
  articles: number;
  buildSeconds: number;
  indexBytes: number;
  open: Transfer;
  first: Transfer & { ms: number };
  second: Transfer & { ms: number };
  cold: Transfer & { ms: number };
}

function build(workspace: string, outDir: string, contentDir: string | null): number {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ARSHIF_BASE: BASE, ARSHIF_OUT_DIR: outDir };
  if (contentDir) env['ARSHIF_CONTENT_DIR'] = contentDir;
  const result = spawnSync('npx', ['astro', 'build'], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`astro build failed for ${contentDir ?? 'content/'}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

/** Wait until the page shows settled results for `query`. */
async function settled(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const list = document.getElementById('search-results');
      const status = document.getElementById('search-status')?.textContent ?? '';
      return list?.getAttribute('aria-busy') === 'false' && status.includes(q) && list.children.length > 0;
    },
    query,
    { timeout: 120_000 },
  );
}

async function measure(siteDir: string): Promise<Pick<SiteResult, 'open' | 'first' | 'second' | 'cold'>> {
  const server = await startCountingServer(siteDir, BASE);
  const browser = await launchChromium();
  try {
    const runs: Array<Pick<SiteResult, 'open' | 'first' | 'second' | 'cold'>> = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context per run: nothing cached, as for a first-time reader.
      const context = await browser.newContext();
      const page = await context.newPage();

      let tally = server.tally();
      await page.goto(server.url('search/'), { waitUntil: 'load' });
      await page.waitForSelector('#search-results[aria-busy=false]', { state: 'attached' });
      const open = await tally.take();

      tally = server.tally();
      let started = performance.now();
      await page.fill('#search-q', FIRST_QUERY);
      await settled(page, FIRST_QUERY);
      const first = { ...(await tally.take()), ms: performance.now() - started };

      tally = server.tally();
      started = performance.now();
      await page.fill('#search-q', SECOND_QUERY);
      await settled(page, SECOND_QUERY);
      const second = { ...(await tally.take()), ms: performance.now() - started };
      await context.close();

      // Cold: a shared link /search/?q=… opened in a new browser context, up to the first result.
      const coldContext = await browser.newContext();
      const coldPage = await coldContext.newPage();
      tally = server.tally();
      started = performance.now();
      await coldPage.goto(server.url(`search/?q=${encodeURIComponent(FIRST_QUERY)}`), { waitUntil: 'commit' });
      await settled(coldPage, FIRST_QUERY);
      const cold = { ...(await tally.take()), ms: performance.now() - started };
      await coldContext.close();
      runs.push({ open, first, second, cold });
    }
    if (process.env['BENCH_VERBOSE']) console.log(JSON.stringify(runs[0], null, 1));
    const pick = <K extends 'first' | 'second' | 'cold'>(key: K) => ({ ...runs[0]![key], ms: median(runs.map((r) => r[key].ms)) });
    return { open: runs[0]!.open, first: pick('first'), second: pick('second'), cold: pick('cold') };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${Math.round(value)} ms`;

function table(results: readonly SiteResult[]): string {
  const lines = [
    `| Archive | Articles | Pagefind bundle on disk | Open /search/ | 1st query «${FIRST_QUERY}» | 2nd query «${SECOND_QUERY}» | Shared link /search/?q=… to first result |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.articles.toLocaleString('en')} | ${kb(r.indexBytes)} | ${kb(r.open.bytes)} (${r.open.requests} req.) | ${kb(r.first.bytes)} (${r.first.requests} req.), ${ms(r.first.ms)} | ${kb(r.second.bytes)} (${r.second.requests} req.), ${ms(r.second.ms)} | ${kb(r.cold.bytes)} (${r.cold.requests} req.), ${ms(r.cold.ms)} |`,
    );
  }
  return lines.join('\n');
}

function writeReadme(markdown: string): void {
  const file = path.join(root, 'README.md');
  const start = '<!-- bench:search:start -->';
  const end = '<!-- bench:search:end -->';
  const block = `${start}\n${markdown}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else if (text.includes('## Performance')) {
    const at = text.indexOf('\n', text.indexOf('## Performance')) + 1;
    text = `${text.slice(0, at)}\n${block}\n${text.slice(at)}`;
  } else {
    text = `${text.trimEnd()}${text ? '\n\n' : ''}## Performance\n\n${block}\n`;
  }
  writeFileSync(file, text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '10000' }, 'no-readme': { type: 'boolean', default: false }, measure: { type: 'string' } },
  });
  if (values.measure) {
    // Measure a site already built under BASE, e.g. while tuning the search page.
    console.log(JSON.stringify(await measure(path.resolve(values.measure)), null, 1));
    return;
  }
  const count = Number(values.articles);
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-search-'));
  try {
    const workspace = isolatedWorkspace(path.join(work, 'repo'));
    const sites: Array<{ label: string; contentDir: string | null; articles: number }> = [
      { label: 'Seed archive', contentDir: null, articles: readdirSync(path.join(root, 'content/articles')).filter((n) => n.endsWith('.mdx')).length },
    ];
    const synthetic = path.join(work, 'content');
    writeSyntheticArchive(root, count, synthetic);
    sites.push({ label: 'Synthetic archive', contentDir: synthetic, articles: count });

    const results: SiteResult[] = [];
    for (const site of sites) {
      const outDir = path.join(work, `site-${results.length}`);
      console.log(`building ${site.label} (${site.articles} articles)…`);
      const buildSeconds = build(workspace, outDir, site.contentDir);
      console.log(`  built in ${buildSeconds.toFixed(1)} s; measuring in Chromium…`);
      const measured = await measure(outDir);
      results.push({ label: site.label, articles: site.articles, buildSeconds, indexBytes: directorySize(path.join(outDir, 'pagefind')), ...measured });
    }
    const chromium = spawnSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const markdown = [
      table(results),
      '',
      `Measured by \`npx tsx scripts/bench-search.ts\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${chromium || 'Chromium'}, headless), served on 127.0.0.1 by sirv without HTTP compression, bytes counted at the server, so the requests Pagefind makes from its Web Worker are included (Pagefind's index and fragment files are gzip-compressed by Pagefind itself; HTML, CSS and JS would shrink further behind a compressing server).`,
      '"Open /search/" is the page with Pagefind\'s runtime, WebAssembly and the filter counts it shows before any query; the 1st and 2nd query are typed into that open page, so their bytes are index chunks and result fragments only, and their time includes the 180 ms typing pause. "Shared link" opens `/search/?q=…` in a fresh browser and counts everything up to the first rendered result. Times are the median of ' +
        `${RUNS} runs; build times: ${results.map((r) => `${r.label.toLowerCase()} ${r.buildSeconds.toFixed(0)} s`).join(', ')}.`,
    ].join('\n');
    console.log(`\n${markdown}\n`);
    if (!values['no-readme']) writeReadme(markdown);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
