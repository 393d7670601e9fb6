/**
 * The archivist's bundle end to end: `npm run bundle` into a temporary folder, `npm run
 * verify-bundle` on it (and on a tampered copy), a second run that must give the same bytes, then
 * the unpacked bag opened from disk (file://) in Chromium — links, styles, fonts, an article, an
 * entity page, a search with a variant spelling — and the data exports checked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipBag, zipBag } from '../../../src/bundle/archive';
import type { BagFile } from '../../../src/bundle/bagit';
import { launchChromium, startStaticServer } from './harness';

/** The environment for a child npm run, minus what the test runner adds (it leaks into Astro's build). */
function childEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Run an npm script; its exit status and output. */
function npmRun(args: string[], extra: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '-s', ...args], { env: childEnvironment(extra), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Build a bundle into `dir` and return the path of the one zip written there. */
function bundleInto(dir: string, extra: NodeJS.ProcessEnv = {}): string {
  const run = npmRun(['bundle', '--', '--out', dir], extra);
  if (run.status !== 0) throw new Error(`npm run bundle failed:\n${run.output}`);
  const zips = readdirSync(dir).filter((name) => name.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  return path.join(dir, zips[0]!);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bundle-test-'));
let zipPath = '';
let bagDir = '';
let browser: Browser;

beforeAll(() => {
  zipPath = bundleInto(path.join(work, 'first'));
  const { root, files } = unzipBag(new Uint8Array(readFileSync(zipPath)));
  bagDir = path.join(work, 'unpacked', root);
  for (const [file, bytes] of files) {
    const target = path.join(bagDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run bundle', () => {
  it('names the zip by the commit date and a content hash, with one top-level folder of the same name', () => {
    const name = path.basename(zipPath, '.zip');
    expect(name).toMatch(/^arshif-\d{4}-\d{2}-\d{2}-[0-9a-f]{16}$/);
    expect(path.basename(bagDir)).toBe(name);
    const commit = /^Git-Commit: ([0-9a-f]{40})$/m.exec(readFileSync(path.join(bagDir, 'bag-info.txt'), 'utf8'))?.[1];
    const commitDay = spawnSync('git', ['log', '-1', '--format=%cI', commit ?? 'HEAD'], { encoding: 'utf8' }).stdout.slice(0, 10);
    expect(name.slice(7, 17)).toBe(commitDay);
  });

  it('writes the BagIt tag files, the bilingual README and a bag-info dated by the commit', () => {
    for (const file of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'README.txt', 'verify.html', 'data/index.html']) {
      expect(readdirSync(path.dirname(path.join(bagDir, file)))).toContain(path.basename(file));
    }
    const info = readFileSync(path.join(bagDir, 'bag-info.txt'), 'utf8');
    for (const label of ['Source-Organization', 'External-Description', 'Bagging-Date', 'Payload-Oxum', 'Bag-Size']) expect(info).toMatch(new RegExp(`^${label}: \\S`, 'm'));
    // The bag names the commit it was built from, and its Bagging-Date is that commit's own date.
    const commit = /^Git-Commit: ([0-9a-f]{40})$/m.exec(info)?.[1];
    expect(commit).toBeDefined();
    const committed = spawnSync('git', ['log', '-1', '--format=%cI', commit!], { encoding: 'utf8' }).stdout.trim();
    expect(info).toContain(`Bagging-Date: ${committed.slice(0, 10)}\n`);
    expect(info).toContain(`Git-Commit-Date: ${committed}\n`);
    const readme = readFileSync(path.join(bagDir, 'README.txt'), 'utf8');
    expect(readme).toContain('كيف أتحقق من سلامته؟');
    expect(readme).toContain('How do I verify it?');
    expect(readme).toContain('python3 -m http.server --directory data');
  });

  it('links every page relatively, to files: no absolute path and no bare folder in any href, src or action', () => {
    const pages = readdirSync(path.join(bagDir, 'data'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const offending: string[] = [];
    for (const file of pages) {
      const html = readFileSync(path.join(bagDir, 'data', file), 'utf8');
      for (const [, attribute, value] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        if (/^(?:https?:|mailto:|data:|#)/.test(value!)) continue;
        if (value!.startsWith('/') || /\/(?:#.*)?$/.test(value!) || value === '') offending.push(`${file}: ${attribute}="${value}"`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('passes npm run verify-bundle', () => {
    const run = npmRun(['verify-bundle', '--', zipPath]);
    expect(run.output).toContain('valid BagIt bag');
    expect(run.status).toBe(0);
  });

  it('fails npm run verify-bundle with one changed byte and one added file, naming both', () => {
    const { root, files } = unzipBag(new Uint8Array(readFileSync(zipPath)));
    const changed: BagFile[] = [...files].map(([file, bytes]) => ({ path: file, bytes }));
    const page = changed.find((file) => file.path === 'data/about/index.html')!;
    page.bytes = new Uint8Array(page.bytes);
    page.bytes[100] = page.bytes[100]! ^ 0x20;
    changed.push({ path: 'data/planted.html', bytes: new TextEncoder().encode('<p>not in the archive</p>') });
    const tampered = path.join(work, 'tampered.zip');
    writeFileSync(tampered, zipBag(root, changed, '2026-01-01'));
    const run = npmRun(['verify-bundle', '--', tampered]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('data/about/index.html: sha256 checksum differs');
    expect(run.output).toContain('data/planted.html: in the payload but not listed in manifest-sha256.txt');
    expect(run.output).toContain('Payload-Oxum says');
  });

  it('gives a byte-identical zip when run again from the same commit, in another time zone and locale', () => {
    const again = bundleInto(path.join(work, 'second'), { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    // Same commit is the premise (bag-info records it): a commit made in between is a different bag.
    const commitOf = (zip: string): string | undefined => /^Git-Commit: (\S+)$/m.exec(new TextDecoder().decode(unzipBag(new Uint8Array(readFileSync(zip))).files.get('bag-info.txt')))?.[1];
    expect(commitOf(again)).toBe(commitOf(zipPath));
    expect(path.basename(again)).toBe(path.basename(zipPath));
    expect(readFileSync(again).equals(readFileSync(zipPath))).toBe(true);
  }, 300_000);
});

describe('the unpacked bag opened from disk (file://)', () => {
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // From disk the search page's module script is refused (origin null); the classic fallback takes over.
      if (message.type() === 'error' && !/CORS policy|net::ERR_FAILED/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file://') && !request.url().startsWith('data:')) problems.push(`network request: ${request.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A font still loading when the test moves on is aborted, not missing; the module script is refused (above).
      if (request.failure()?.errorText === 'net::ERR_ABORTED' || /_astro\/.*\.js$/.test(request.url())) return;
      problems.push(`failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'}) on ${page.url()}`);
    });
  });

  it('opens the home page with its styles and fonts', async () => {
    await page.goto(pathToFileURL(path.join(bagDir, 'data/index.html')).href);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The style sheet's rules are not readable from file:// (opaque origin); its effects are.
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position)).not.toBe('static');
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
    });
    expect(fonts.some((family) => family.includes('Noto'))).toBe(true);
  });

  it('follows links to an article, its raw seed and MDX, and an entity page', async () => {
    await page.goto(pathToFileURL(path.join(bagDir, 'data/index.html')).href);
    await page.locator('main a[href*="articles/"]').first().click();
    expect(page.url()).toMatch(/\/data\/articles\/[^/]+\/index\.html$/);
    expect((await page.locator('h1').first().textContent())?.trim().length).toBeGreaterThan(10);
    for (const link of ['a[href$=".txt"]', 'a[href$=".mdx"]']) {
      const target = new URL((await page.locator(link).first().getAttribute('href'))!, page.url());
      expect(readFileSync(target).length).toBeGreaterThan(100);
    }
    await page.locator('.chips a').first().click();
    expect(page.url()).toMatch(/\/data\/(people|places|organizations)\/[^/]+\/index\.html$/);
    expect(await page.locator('main a[href*="articles/"]').count()).toBeGreaterThan(0);
  });

  it('shows the timeline chart and the places map from disk, every bar and marker a link to a file that exists', async () => {
    for (const [page_, selector] of [['data/timeline/index.html', 'svg a'], ['data/places/index.html', 'svg a']] as const) {
      await page.goto(pathToFileURL(path.join(bagDir, page_)).href);
      const links = await page.locator(selector).evaluateAll((anchors) => anchors.map((a) => (a as SVGAElement).href.baseVal ?? a.getAttribute('href')));
      expect(links.length, page_).toBeGreaterThan(0);
      for (const link of links) {
        const target = new URL(link!, page.url());
        expect(target.protocol, link!).toBe('file:');
        expect(target.pathname.endsWith('/index.html'), link!).toBe(true);
        expect(readFileSync(target).length, link!).toBeGreaterThan(100);
      }
    }
    await page.locator('svg a').first().click();
    expect(page.url()).toMatch(/\/data\/(people|places|organizations)\/[^/]+\/index\.html$/);
    expect(await page.locator('main a[href*="articles/"]').count()).toBeGreaterThan(0);
  });

  it('searches from the header with a variant spelling and opens the right article', async () => {
    await page.goto(pathToFileURL(path.join(bagDir, 'data/about/index.html')).href);
    // «اناتولى» without hamza and with alef maqsura: the index holds أناتولي in its folded form.
    await page.locator('#search-entry-q').fill('اناتولى سيدوروف');
    await page.locator('#search-entry-q').press('Enter');
    await page.waitForURL(/\/data\/search\/index\.html\?q=/);
    await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
    const first = page.locator('#search-results li h3 a').first();
    expect(await first.textContent()).toContain('سيدوروف');
    expect(await page.locator('#search-results li mark').first().textContent()).toBeTruthy();
    await first.click();
    expect(page.url()).toContain('/data/articles/002-');
  });

  it('finds an article by an entity alias in English, as the hosted search does', async () => {
    await page.goto(`${pathToFileURL(path.join(bagDir, 'data/search/index.html')).href}?q=Rahmon`);
    await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
    expect(await page.locator('#search-results li h3').first().textContent()).toContain('رحمون');
  });

  it('shows offline search results that axe finds no serious or critical fault in', async () => {
    await page.goto(`${pathToFileURL(path.join(bagDir, 'data/search/index.html')).href}?q=${encodeURIComponent('الأمن الجماعي')}`);
    await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
    expect(await page.locator('.search-offline-note').textContent()).toContain('README.txt');
    await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
    const severe = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      // No preload: axe would re-read the style sheet with a request, which file:// refuses.
      const { violations } = await axe.run(document, { resultTypes: ['violations'], preload: false });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}`);
    });
    expect(severe).toEqual([]);
  });

  it('verifies itself in the browser alone with verify.html, and catches a changed byte', async () => {
    const check = async (dir: string): Promise<{ result: string | undefined; problems: string[] }> => {
      await page.goto(pathToFileURL(path.join(dir, 'verify.html')).href);
      await page.locator('#bag').setInputFiles(dir);
      await page.waitForFunction(() => document.body.dataset['result'] !== undefined, undefined, { timeout: 60_000 });
      return { result: await page.evaluate(() => document.body.dataset['result']), problems: await page.locator('#out li').allTextContents() };
    };
    expect(await check(bagDir)).toEqual({ result: 'valid', problems: [] });
    const copy = path.join(work, 'tampered-folder', path.basename(bagDir));
    cpSync(bagDir, copy, { recursive: true });
    const target = path.join(copy, 'data/about/index.html');
    const bytes = readFileSync(target);
    bytes[50] = bytes[50]! ^ 0x01;
    writeFileSync(target, bytes);
    const tampered = await check(copy);
    expect(tampered.result).toBe('invalid');
    expect(tampered.problems).toContain('data/about/index.html: SHA-256 differs from manifest-sha256.txt (the file was changed)');
  });

  it('made no network request and met no error on the way', () => {
    expect(problems).toEqual([]);
  });
});

describe('the unpacked bag served by a local server, as its README says', () => {
  it('searches with Pagefind, filters included, when the data folder is served at the root', async () => {
    const server = await startStaticServer(path.join(bagDir, 'data'), '/');
    const page = await browser.newPage();
    try {
      await page.goto(server.url(`search/index.html?q=${encodeURIComponent('Rahmon')}`));
      await page.locator('#search-results[aria-busy="false"] li').first().waitFor();
      expect(await page.locator('#search-results li h3').first().textContent()).toContain('رحمون');
      // Pagefind's filter counts appear; the offline engine has none, so this proves which one ran.
      expect(await page.locator('#search-facets input[type=checkbox]').count()).toBeGreaterThan(0);
      await page.locator('#search-results li h3 a').first().click();
      expect(new URL(page.url()).pathname).toMatch(/^\/articles\/[^/]+\/(index\.html)?$/);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('the data exports in the bag', () => {
  const dataDir = (): string => path.join(bagDir, 'data/data');
  const articleCount = (): number => readdirSync(path.join(bagDir, 'data/articles')).length;

  /** RFC 4180 records of a CSV text. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]!;
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
        else if (char === '"') quoted = false;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') row.push(field), (field = '');
      else if (char === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        (row = []), (field = ''), (i += 1);
      } else field += char;
    }
    return rows;
  }

  it('are linked from the about page, with relative links that reach the files', () => {
    const about = readFileSync(path.join(bagDir, 'data/about/index.html'), 'utf8');
    for (const name of ['data/articles.csv', 'data/articles.json', 'data/articles.jsonl', 'data/entities.json', 'data/datapackage.json', 'CITATION.cff']) {
      expect(about).toContain(`href="../${name}"`);
      expect(readFileSync(path.join(bagDir, 'data/about', '..', name)).length).toBeGreaterThan(0);
    }
  });

  it('are valid UTF-8', () => {
    for (const name of ['articles.csv', 'articles.json', 'articles.jsonl', 'entities.json', 'datapackage.json']) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(dataDir(), name)))).not.toThrow();
    }
  });

  it('hold one row per article in CSV (BOM, CRLF), JSON and JSON Lines with full text', () => {
    const csv = readFileSync(path.join(dataDir(), 'articles.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.length - 1).toBe(articleCount());
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    const json = JSON.parse(readFileSync(path.join(dataDir(), 'articles.json'), 'utf8')) as Array<{ slug: string }>;
    expect(json.map((a) => a.slug)).toEqual(rows.slice(1).map((row) => row[rows[0]!.indexOf('slug')]));
    const lines = readFileSync(path.join(dataDir(), 'articles.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(articleCount());
    for (const line of lines) expect((JSON.parse(line) as { text: string }).text.length).toBeGreaterThan(200);
  });

  it('list the gazetteer with the articles that mention each entity', () => {
    const entities = JSON.parse(readFileSync(path.join(dataDir(), 'entities.json'), 'utf8')) as Array<{ id: string; kind: string; name: string; articles: string[] }>;
    expect(entities.length).toBeGreaterThan(10);
    expect(entities.every((e) => e.id && ['person', 'place', 'organization'].includes(e.kind) && e.name)).toBe(true);
    expect(entities.some((e) => e.articles.length > 0)).toBe(true);
  });

  it('are described by a datapackage.json whose sizes, hashes and CSV columns match the files', async () => {
    const { createHash } = await import('node:crypto');
    const descriptor = JSON.parse(readFileSync(path.join(dataDir(), 'datapackage.json'), 'utf8')) as {
      name: string;
      resources: Array<{ name: string; path: string; bytes: number; hash: string; encoding: string; schema?: { fields: Array<{ name: string; type: string }>; primaryKey: string } }>;
    };
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    for (const resource of descriptor.resources) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      const bytes = readFileSync(path.join(dataDir(), resource.path));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(resource.encoding).toBe('utf-8');
    }
    const table = descriptor.resources.find((r) => r.path === 'articles.csv')!;
    const header = parseCsv(readFileSync(path.join(dataDir(), 'articles.csv'), 'utf8').slice(1))[0]!;
    expect(table.schema!.fields.map((f) => f.name)).toEqual(header);
    expect(table.schema!.fields.every((f) => ['string', 'integer', 'date'].includes(f.type))).toBe(true);
    expect(header).toContain(table.schema!.primaryKey);
    expect(readFileSync(path.join(bagDir, 'data/CITATION.cff'), 'utf8')).toMatch(/^cff-version: 1\.2\.0$/m);
  });
});
