/**
 * A hostile pull request, built and opened: seeds, a sidecar and a gazetteer entry full of script
 * payloads (HTML, JSX, MDX expressions, `import`, `</script>`, `]]>`, javascript: links) and a seed
 * that is a symbolic link to a secret. The archive is ingested and built like any other; then
 * every page is opened in Chromium and no payload may run, every payload must show as text, the
 * feed must stay valid XML, and the secret must appear nowhere in the build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../dist';
import { launchChromium, startStaticServer, watchPage, type StaticServer } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');
const base = '/archive/';
const work = mkdtempSync(path.join(tmpdir(), 'arshif-hostile-'));
const content = path.join(work, 'content');
const seeds = path.join(work, 'seeds');
const dist = path.join(work, 'dist');
const SECRET = 'SECRET-TOKEN-0451';

/** Each payload sets window.__pwned (or opens a dialog) if it ever runs. */
const payloads = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '</script><script>window.__pwned="breakout"</script>',
  '{window.__pwned="expression"}',
  '{alert(document.domain)}',
  '<Entity id="x" onClick={() => alert(1)}>اسم</Entity>',
  '[اضغط هنا](javascript:window.__pwned="mdlink")',
  '<a href="javascript:window.__pwned=\'anchor\'">رابط</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  ']]><item><title>injected</title></item><![CDATA[',
];

const hostileSeed = [
  `عنوان ${payloads[0]} ${payloads[1]}`,
  '',
  `موسكو، 15 سبتمبر 2021. قال الأمين العام للمنظمة جون هوستايل إن ${payloads.slice(2, 6).join(' ')} في طاجيكستان.`,
  '',
  'import evil from "data:text/javascript,window.__pwned=\'import\'"',
  'export const x = window.__pwned = "export"',
  '',
  payloads.slice(6).join(' '),
  '',
  '{/* comment */} <!-- html comment --> {{constructor.constructor("window.__pwned=7")()}}',
  '',
  'المصدر: تاس',
].join('\n');

const hostileSidecar = [
  `title: ${JSON.stringify(`عنوان المحرر </script><script>window.__pwned="title"</script> ]]> <b onmouseover="window.__pwned=1">x</b>`)}`,
  `summary: ${JSON.stringify(`ملخص <img src=x onerror="window.__pwned='summary'"> ]]>`)}`,
  `category: ${JSON.stringify('<b onmouseover="x">فئة</b>')}`,
  `photoCredit: ${JSON.stringify('"><script>window.__pwned="credit"</script>')}`,
  `shortLink: ${JSON.stringify('https://example.org/?q="><script>window.__pwned="link"</script>')}`,
  'reason: "A review of hostile input: </script> ]]> <script>window.__pwned=\'reason\'</script>"',
  '',
].join('\n');

const hostileEntity = [
  '- id: john-hostile',
  '  kind: person',
  '  name: جون هوستايل',
  `  nameEn: ${JSON.stringify('John "><svg onload=window.__pwned=\'nameEn\'> Hostile')}`,
  '  aliases: []',
  `  description: ${JSON.stringify('</script><script>window.__pwned="description"</script><img src=x onerror=window.__pwned=1> ]]>')}`,
  `  role: ${JSON.stringify('<i onclick="x">أمين عام</i>')}`,
  '',
].join('\n');

let server: StaticServer;
let browser: Browser;
let ingestOutput = '';

beforeAll(() => {
  mkdirSync(seeds, { recursive: true });
  cpSync(path.join(root, 'seeds'), seeds, { recursive: true });
  cpSync(path.join(root, 'content'), content, { recursive: true, filter: (src) => !src.includes(`${path.sep}articles`) });
  writeFileSync(path.join(content, 'gazetteer', 'zz-hostile.yaml'), hostileEntity);
  writeFileSync(path.join(seeds, '500_hostile.txt'), hostileSeed);
  writeFileSync(path.join(seeds, '500_hostile.meta.yaml'), hostileSidecar);
  const secret = path.join(work, 'secret.txt');
  writeFileSync(secret, `${SECRET}\n`);
  symlinkSync(secret, path.join(seeds, '501_link.txt'));

  const ingest = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'src/cli/ingest.ts'), '--seeds', seeds, '--out', path.join(content, 'articles'), '--gazetteer', path.join(content, 'gazetteer')],
    { cwd: root, encoding: 'utf8' },
  );
  ingestOutput = `${ingest.stdout}\n${ingest.stderr}`;
  // Ingest refuses the link (exit 1); the build goes ahead anyway, as a careless pipeline would.
  const build = spawnSync('npx', ['astro', 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ARSHIF_CONTENT_DIR: content, ARSHIF_SEEDS_DIR: seeds, ARSHIF_OUT_DIR: dist, ARSHIF_BASE: base },
  });
  if (build.status !== 0) throw new Error(`the hostile archive did not build:\n${ingestOutput}\n${build.stdout}\n${build.stderr}`);
}, 300_000);

beforeAll(async () => {
  server = await startStaticServer(dist, base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Open a page with a trap for any payload; return what ran. */
async function openTrapped(url: string): Promise<{ page: Page; ran: string[]; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ran: string[] = [];
  page.on('dialog', (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const { problems } = watchPage(page, server.origin);
  await page.goto(url, { waitUntil: 'load' });
  // Hover and focus everything once, so event-handler payloads get their chance too.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('body *')) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.dispatchEvent(new FocusEvent('focus'));
    }
  });
  await page.waitForTimeout(50);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  if (pwned !== undefined) ran.push(`window.__pwned = ${String(pwned)}`);
  return { page, ran, problems };
}

describe('a hostile pull request, built and opened in Chromium', () => {
  it('was refused by ingest where it had to be: the symbolic link', () => {
    expect(ingestOutput).toMatch(/501_link\.txt\n.*not-a-regular-file/u);
    expect(ingestOutput).toContain('500-hostile');
  });

  it('publishes the secret behind the link nowhere, and no raw text for the refused seed', () => {
    const files = listFiles(dist);
    expect(files).not.toContain('seeds/501_link.txt');
    expect(files).toContain('seeds/500_hostile.txt');
    for (const file of files.filter((f) => !/\.(woff2?|png|wasm|pf_\w+)$/.test(f) && !f.startsWith('pagefind/'))) {
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain(SECRET);
    }
  });

  it('runs no payload on any page that carries one (article, lists, entity pages, timeline, sources …), and shows them as text', async () => {
    // A payload can only run where its text lands; every such page is opened.
    const pages = listFiles(dist).filter((file) => file.endsWith('.html') && readFileSync(path.join(dist, file), 'utf8').includes('__pwned'));
    const kinds = new Set(pages.map((file) => file.split('/')[0]));
    for (const kind of ['articles', 'people', 'sources', 'timeline', 'index.html']) expect(kinds, kind).toContain(kind);
    for (const file of pages) {
      const { page, ran } = await openTrapped(server.url(file.replace(/index\.html$/, '')));
      expect(ran, file).toEqual([]);
      await page.context().close();
    }
    const { page } = await openTrapped(server.url('articles/500-hostile/'));
    const text = await page.locator('main').innerText();
    expect(text).toContain('</script><script>window.__pwned="title"</script>');
    expect(text).toContain('{window.__pwned="expression"}');
    expect(text).toContain('import evil from');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.context().close();
  }, 240_000);

  it('runs no payload from hostile search parameters (query, filters, sort) and isolates the query it repeats', async () => {
    const queries = [
      `q=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`,
      `q=${encodeURIComponent('"><script>window.__pwned=2</script>')}&person=${encodeURIComponent('<script>window.__pwned=3</script>')}`,
      `place=${encodeURIComponent('"><img src=x onerror=window.__pwned=4>')}&sort=${encodeURIComponent('<svg onload=window.__pwned=5>')}`,
      `q=${encodeURIComponent('\u202Eطاجيكستان')}`,
      `q=${encodeURIComponent('جون')}`,
    ];
    for (const query of queries) {
      const { page, ran } = await openTrapped(server.url(`search/?${query}`));
      await page.waitForFunction(() => document.getElementById('search-results')?.getAttribute('aria-busy') === 'false', null, { timeout: 20_000 });
      await page.waitForTimeout(100);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect([...ran, ...(pwned === undefined ? [] : [`window.__pwned = ${String(pwned)}`])], query).toEqual([]);
      if (query.includes('%E2%80%AE')) {
        expect(await page.locator('#search-status').textContent()).toContain('\u2068\u202Eطاجيكستان\u2069');
      }
      await page.context().close();
    }
  });

  it('keeps JSON-LD as data: every block parses and holds the hostile title verbatim', () => {
    const html = readFileSync(path.join(dist, 'articles/500-hostile/index.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    const parsed = blocks.map((block) => JSON.parse(block) as Record<string, unknown>);
    expect(JSON.stringify(parsed)).toContain('</script><script>window.__pwned=\\"title\\"</script>');
  });

  it('keeps the feed valid XML with the hostile title as one item title', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url('search/'));
    const result = await page.evaluate(async (url) => {
      const xml = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent ?? ''),
      };
    }, server.url('rss.xml'));
    await context.close();
    expect(result.error).toBeNull();
    expect(result.titles).not.toContain('injected');
    expect(result.titles.some((t) => t.includes(']]>') && t.includes('</script>'))).toBe(true);
  });

  it('serves the raw seed as UTF-8 text that reads as Arabic in the browser', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(server.url('seeds/500_hostile.txt'));
    expect(response?.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(await page.locator('body').innerText()).toContain('طاجيكستان');
    await context.close();
  });
});

describe('a gazetteer that ingest would refuse', () => {
  it('stops the site build too, naming the file, with a hint and no stack trace', () => {
    const broken = path.join(work, 'broken-content');
    cpSync(content, broken, { recursive: true });
    writeFileSync(path.join(broken, 'gazetteer', 'extra.yml'), '- {id: emomali-rahmon, kind: person, name: مزور, nameEn: Fake, description: وصف}\n');
    const sync = spawnSync('npx', ['astro', 'sync'], { cwd: root, encoding: 'utf8', env: { ...process.env, ARSHIF_CONTENT_DIR: broken } });
    const output = `${sync.stdout}\n${sync.stderr}`;
    expect(sync.status).not.toBe(0);
    expect(output).toContain(`${path.join(broken, 'gazetteer', 'extra.yml')}  error  the gazetteer folder holds only .yaml files`);
    expect(output).toContain('Hint:');
    expect(output).not.toContain('Stack trace');
  }, 120_000);
});
