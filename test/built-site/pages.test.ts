/** Every article, entity and index page of the built site exists, in Arabic, right to left. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { entitySchema } from '../../src/schema';
import { listFiles, readPage, scriptText } from './dist';

const siteDir = inject('siteDir');
const contentDir = inject('contentDir');
const seedsDir = inject('seedsDir');
const files = listFiles(siteDir);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const kindSegment = { person: 'people', place: 'places', organization: 'organizations' } as const;

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

const articleFiles = readdirSync(path.join(contentDir, 'articles')).filter((f) => f.endsWith('.mdx'));
const gazetteerDir = path.join(contentDir, 'gazetteer');
const entities = existsSync(gazetteerDir)
  ? readdirSync(gazetteerDir)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => (parseYaml(readFileSync(path.join(gazetteerDir, f), 'utf8')) as unknown[]).map((e) => entitySchema.parse(e)))
  : [];

describe('the built site', () => {
  it('has a page for every article in content/', () => {
    expect(articleFiles.length).toBeGreaterThan(0);
    for (const file of articleFiles) {
      const { slug } = frontmatter(path.join(contentDir, 'articles', file));
      expect(files, `page of ${file}`).toContain(`articles/${String(slug)}/index.html`);
    }
  });

  it('has a page for every entity of the gazetteer', () => {
    for (const entity of entities) expect(files, entity.id).toContain(`${kindSegment[entity.kind]}/${entity.id}/index.html`);
  });

  it('describes every entity page with JSON-LD of the right type', () => {
    const schemaType = { person: 'Person', place: 'Place', organization: 'Organization' } as const;
    for (const entity of entities) {
      const page = readPage(siteDir, `${kindSegment[entity.kind]}/${entity.id}/index.html`);
      const script = page.elements.find((el) => el.name === 'script' && el.attributes['type'] === 'application/ld+json');
      expect(JSON.parse(scriptText(script!)), entity.id).toMatchObject({ '@type': schemaType[entity.kind], name: entity.name });
    }
  });

  it('has the home, index, timeline, about and 404 pages, the feed and the sitemap', () => {
    for (const file of [
      'index.html',
      'people/index.html',
      'places/index.html',
      'organizations/index.html',
      'sources/index.html',
      'timeline/index.html',
      'about/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('declares Arabic, right to left, on every HTML page', () => {
    expect(htmlFiles.length).toBeGreaterThan(5);
    for (const file of htmlFiles) {
      const html = readPage(siteDir, file).elements.find((el) => el.name === 'html');
      expect(html?.attributes, file).toMatchObject({ lang: 'ar', dir: 'rtl' });
    }
  });

  it('serves every raw seed byte for byte', () => {
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      expect(readFileSync(path.join(siteDir, 'seeds', seed)).equals(readFileSync(path.join(seedsDir, seed))), seed).toBe(true);
    }
  });

  it('lists every article in the sitemap and no later page of a list', () => {
    const locs = listFiles(siteDir)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .flatMap((f) => [...readFileSync(path.join(siteDir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    for (const file of articleFiles) {
      const { slug } = frontmatter(path.join(contentDir, 'articles', file));
      expect(locs).toContain(`${inject('siteBase')}articles/${String(slug)}/`);
    }
    expect(locs.filter((loc) => /\/\d+\/$/.test(loc) && !/\/timeline\/\d{4}\/(\d{2}\/)?$/.test(loc))).toEqual([]);
  });

  it('lists articles in the feed with links under the base path', () => {
    const feed = readFileSync(path.join(siteDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<language>ar</language>');
    for (const link of feed.matchAll(/<link>([^<]+)<\/link>/g)) expect(new URL(link[1]!).pathname.startsWith(inject('siteBase'))).toBe(true);
  });

  it('keeps the sidebar free of articles from other months', () => {
    // Quadratic growth guard: no page links to more articles than its own month holds plus its list.
    for (const file of htmlFiles) {
      const page = readPage(siteDir, file);
      const sidebar = page.elements.find((el) => el.name === 'nav' && (el.attributes['class'] ?? '').includes('sidebar'));
      if (!sidebar) continue;
      const links: string[] = [];
      const collect = (node: { name?: string; attributes?: Record<string, string>; children?: unknown[] }) => {
        if (node.name === 'a' && node.attributes?.['href']?.includes('/articles/')) links.push(node.attributes['href']);
        for (const child of (node.children ?? []) as Array<typeof node>) collect(child);
      };
      collect(sidebar as never);
      expect(links.length, file).toBeLessThanOrEqual(31);
    }
  });
});
