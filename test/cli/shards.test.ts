/**
 * The sharded build: its pure plan, and the five seeds built in two shards and joined, against the
 * whole build of the same tree — the same files, the same pages byte for byte (the search page and
 * the search bundles aside), and the same search results in Chromium, where the search page must
 * merge the second shard's bundle to find its articles.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startStaticServer } from '../../scripts/browser';
import { isolatedWorkspace } from '../../scripts/bench-kit';
import { listFiles, fileOfUrl, joinedSitemaps, sitemapEntries } from '../../src/shards/output';
import { groupOf, mergedBundles, ownerOf, packRuns, parsePlan, planShards, serializePlan, type PlannedArticle } from '../../src/shards/plan';
import { writeFoundingArchive } from '../setup/founding-archive';

const article = (slug: string, published: string | null): PlannedArticle => ({ slug, seed: `${slug}.txt`, published });

describe('the shard plan', () => {
  const archive = [article('a', '2019-03-01'), article('b', '2019-07-02'), article('c', '2020-01-01'), article('d', '2021-05'), article('e', null), article('f', '2021-02-03')];

  it('groups by year or month, undated last', () => {
    expect(groupOf('2021-02-03', 'year')).toBe('2021');
    expect(groupOf('2021-02-03', 'month')).toBe('2021-02');
    expect(groupOf('2021', 'month')).toBe('2021');
    expect(groupOf(null, 'year')).toBe('undated');
    expect(groupOf('someday', 'year')).toBe('undated');
  });

  it('packs groups into contiguous runs with the smallest largest run', () => {
    expect(packRuns([1, 1, 1, 1, 1], 2)).toEqual([0, 3]);
    expect(packRuns([5, 1, 1, 1], 2)).toEqual([0, 1]);
    expect(packRuns([2, 2], 5)).toEqual([0, 1]);
    expect(packRuns([], 3)).toEqual([]);
  });

  it('puts every article in one shard, a year never split, whatever the input order', () => {
    const plan = planShards(archive, 2);
    const shuffled = planShards([...archive].reverse(), 2);
    expect(serializePlan(shuffled)).toBe(serializePlan(plan));
    expect(plan.shards.map((s) => s.name)).toEqual(['hub', 's1', 's2']);
    expect(plan.shards[1]).toMatchObject({ first: '2019', last: '2020', slugs: ['a', 'b', 'c'], bundle: 'pagefind/' });
    expect(plan.shards[2]).toMatchObject({ first: '2021', last: 'undated', slugs: ['d', 'e', 'f'], bundle: 'pagefind-s2/' });
    expect(mergedBundles(plan)).toEqual(['pagefind-s2/']);
    // More shards than years: one per year, no empty shard.
    expect(planShards(archive, 10).shards).toHaveLength(5);
    // No articles: one empty shard still owns the primary search bundle.
    expect(planShards([], 3).shards.map((s) => s.name)).toEqual(['hub', 's1']);
    expect(() => planShards(archive, 0)).toThrow(/at least 1/);
  });

  it('gives each output file one owner', () => {
    const plan = planShards(archive, 2);
    expect(ownerOf(plan, 'articles/a/index.html')).toBe('s1');
    expect(ownerOf(plan, 'articles/e/index.html')).toBe('s2');
    expect(ownerOf(plan, 'mdx/f.mdx')).toBe('s2');
    expect(ownerOf(plan, 'seeds/b.txt')).toBe('s1');
    expect(ownerOf(plan, 'pagefind/pagefind.js')).toBe('s1');
    expect(ownerOf(plan, 'pagefind-s2/pagefind-entry.json')).toBe('s2');
    expect(ownerOf(plan, '_astro/Base.abc.css')).toBe('shared');
    for (const file of ['index.html', 'people/x/index.html', 'search/index.html', 'data/articles.jsonl', 'rss.xml', 'favicon.svg']) expect(ownerOf(plan, file)).toBe('hub');
  });

  it('refuses a damaged plan file, naming it', () => {
    const plan = JSON.parse(serializePlan(planShards(archive, 2))) as { shards: Array<Record<string, unknown>> };
    expect(parsePlan(plan, 'plan.json')).toEqual(planShards(archive, 2));
    expect(() => parsePlan('nope', 'plan.json')).toThrow(/^plan\.json: is not a shard plan/);
    const twice = structuredClone(plan);
    (twice.shards[2]!['slugs'] as string[]).push('a');
    expect(() => parsePlan(twice, 'plan.json')).toThrow(/puts the article "a" in two shards/);
    const escaping = structuredClone(plan);
    escaping.shards[1]!['bundle'] = '../pagefind/';
    expect(() => parsePlan(escaping, 'plan.json')).toThrow(/bundle folder/);
  });

  it('joins sitemaps the way @astrojs/sitemap writes one', () => {
    const root = 'https://example.org/archive/';
    const entries = ['articles/b/', '', 'articles/a/', 'about/', ''].map((p) => ({ loc: `${root}${p}`, entry: `<url><loc>${root}${p}</loc></url>` }));
    const files = joinedSitemaps(entries, root);
    expect(sitemapEntries(files.get('sitemap-0.xml')!).map((e) => e.loc)).toEqual([root, `${root}about/`, `${root}articles/a/`, `${root}articles/b/`]);
    expect(files.get('sitemap-index.xml')).toContain(`<loc>${root}sitemap-0.xml</loc>`);
    expect(fileOfUrl(`${root}articles/a/`, root)).toBe('articles/a/index.html');
    expect(fileOfUrl('https://elsewhere.org/', root)).toBeNull();
  });
});

describe('the five seeds in two shards', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-shards-test-'));
  const single = path.join(work, 'single');
  const joined = path.join(work, 'joined');
  const base = '/archive/';
  let browser: Browser | undefined;
  let shardLog = '';

  beforeAll(async () => {
    // A private copy of the tree: Astro keeps its content store inside the project.
    const project = isolatedWorkspace(path.join(work, 'project'));
    // The founding archive, whatever else seeds/ holds (test/setup/founding-archive.ts).
    const founding = writeFoundingArchive(path.join(work, 'founding'));
    for (const folder of ['seeds', 'content/articles']) rmSync(path.join(project, folder), { recursive: true, force: true });
    cpSync(founding.seedsDir, path.join(project, 'seeds'), { recursive: true });
    cpSync(path.join(founding.contentDir, 'articles'), path.join(project, 'content/articles'), { recursive: true });
    const env = { ...process.env, ARSHIF_BASE: base };
    const run = (args: string[], extra: NodeJS.ProcessEnv) => {
      const result = spawnSync('npx', ['tsx', ...args], { cwd: project, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
      return result.stdout;
    };
    run(['src/cli/build.ts'], { ARSHIF_OUT_DIR: single });
    shardLog = run(['src/cli/shards.ts', '--shards', '2', '--out', joined, '--work', path.join(work, 'shards')], {});
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const searchBundle = (file: string) => /^pagefind(-[a-z0-9-]+)?\//.test(file);

  it('prints each shard with its time and peak memory', () => {
    expect(shardLog).toMatch(/shard hub \(archive pages\): [\d.]+ s, peak memory [\d,]+ MB/);
    expect(shardLog).toMatch(/shard s1 \(3 articles, 2021–2023\): [\d.]+ s, peak memory [\d,]+ MB/);
    expect(shardLog).toMatch(/shard s2 \(2 articles, 2025–undated\): [\d.]+ s, peak memory [\d,]+ MB/);
  });

  it('has the same files as the whole build, and the same bytes in every one but the search page', () => {
    const ours = listFiles(joined).filter((file) => !searchBundle(file));
    const theirs = listFiles(single).filter((file) => !searchBundle(file));
    expect(ours).toEqual(theirs);
    expect(ours.filter((file) => file.startsWith('articles/'))).toHaveLength(5);
    const differing = ours.filter((file) => !readFileSync(path.join(joined, file)).equals(readFileSync(path.join(single, file))));
    expect(differing).toEqual(['search/index.html']);
    // One search bundle per article shard, the second merged by the search page.
    expect(listFiles(joined).filter((file) => file.endsWith('pagefind-entry.json'))).toEqual(['pagefind-s2/pagefind-entry.json', 'pagefind/pagefind-entry.json']);
    expect(readFileSync(path.join(joined, 'search/index.html'), 'utf8')).toContain('data-merge-bundles="[&quot;pagefind-s2/&quot;]"');
  });

  /** The result links the search page lists for a query, in its order. */
  async function results(site: string, query: string): Promise<string[]> {
    const server = await startStaticServer(site, base);
    const page = await browser!.newPage();
    try {
      await page.goto(server.url(`search/?q=${encodeURIComponent(query)}`));
      await page.waitForFunction(
        (q) => {
          const list = document.getElementById('search-results');
          return list?.getAttribute('aria-busy') === 'false' && (document.getElementById('search-status')?.textContent ?? '').includes(q);
        },
        query,
        { timeout: 60_000 },
      );
      return await page.$$eval('#search-results h3 a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    } finally {
      await page.close();
      await server.close();
    }
  }

  it.each(['طاجيكستان', 'الأمن الجماعي', 'منظمة', 'روسيا'])('finds the same articles for «%s» as the whole build', async (query) => {
    const whole = await results(single, query);
    const sharded = await results(joined, query);
    expect(whole.length).toBeGreaterThan(0);
    expect([...sharded].sort()).toEqual([...whole].sort());
  }, 120_000);

  it('finds articles of both shards, so the second bundle really is merged', async () => {
    const found = new Set<string>();
    for (const query of ['طاجيكستان', 'الأمن الجماعي', 'منظمة', 'روسيا']) for (const url of await results(joined, query)) found.add(url);
    const s2 = JSON.parse(readFileSync(path.join(work, 'shards/plan.json'), 'utf8')) as { shards: Array<{ name: string; slugs?: string[] }> };
    const second = s2.shards.find((shard) => shard.name === 's2')!.slugs!;
    expect(second.some((slug) => found.has(`${base}articles/${slug}/`))).toBe(true);
  }, 120_000);
});
