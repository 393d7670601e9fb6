/** No broken internal link anywhere, every link under the base path, and no asset from another host. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fileForUrlPath, listFiles, readPage, type Page } from './dist';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const files = listFiles(siteDir);
const pages: Page[] = files.filter((f) => f.endsWith('.html')).map((f) => readPage(siteDir, f));
const idsByFile = new Map(pages.map((p) => [p.file, new Set(p.elements.map((el) => el.attributes['id']).filter(Boolean))]));

/** Attributes that point at something, and whether the target is an asset the page loads. */
function references(page: Page): Array<{ url: string; asset: boolean; where: string }> {
  const out: Array<{ url: string; asset: boolean; where: string }> = [];
  for (const el of page.elements) {
    const rel = el.attributes['rel'] ?? '';
    if (el.attributes['href'] !== undefined) {
      const asset = el.name === 'link' && /stylesheet|icon|preload|modulepreload|manifest/.test(rel);
      out.push({ url: el.attributes['href'], asset, where: `<${el.name} href>` });
    }
    if (el.attributes['src'] !== undefined) out.push({ url: el.attributes['src'], asset: true, where: `<${el.name} src>` });
    if (el.attributes['action'] !== undefined) out.push({ url: el.attributes['action'], asset: false, where: `<${el.name} action>` });
  }
  return out;
}

describe('links in the built site', () => {
  it('resolve to a file of the build, fragments included', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const pageUrl = new URL(`http://site${base}${page.file.replace(/index\.html$/, '')}`);
      for (const { url, where } of references(page)) {
        if (/^(mailto|tel|data|javascript):/.test(url)) continue;
        const resolved = new URL(url, pageUrl);
        if (resolved.host !== 'site') continue;
        const file = fileForUrlPath(resolved.pathname, base);
        if (file === null) {
          broken.push(`${page.file}: ${where} ${url} is outside the base path ${base}`);
          continue;
        }
        if (!existsSync(path.join(siteDir, file))) {
          broken.push(`${page.file}: ${where} ${url} → missing ${file}`);
          continue;
        }
        const fragment = decodeURIComponent(resolved.hash.slice(1));
        if (fragment !== '' && file.endsWith('.html') && !idsByFile.get(file)?.has(fragment)) {
          broken.push(`${page.file}: ${where} ${url} → no element with id "${fragment}"`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('are written under the base path, never from the host root', () => {
    const outside: string[] = [];
    for (const page of pages) {
      for (const { url, where } of references(page)) {
        if (url.startsWith('/') && !url.startsWith(base)) outside.push(`${page.file}: ${where} ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('load no asset from another host', () => {
    const external: string[] = [];
    for (const page of pages) {
      for (const { url, asset, where } of references(page)) if (asset && /^(https?:)?\/\//.test(url)) external.push(`${page.file}: ${where} ${url}`);
      for (const match of page.html.matchAll(/@import\s+url\(|url\((['"]?)(https?:)?\/\//g)) external.push(`${page.file}: inline ${match[0]}`);
    }
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      const text = readFileSync(path.join(siteDir, css), 'utf8');
      for (const match of text.matchAll(/url\((['"]?)((?:https?:)?\/\/[^)'"]+)/g)) external.push(`${css}: ${match[2]}`);
      for (const match of text.matchAll(/url\((['"]?)(\/[^)'"]+)/g)) {
        const file = fileForUrlPath(match[2]!, base);
        if (file === null || !existsSync(path.join(siteDir, file))) external.push(`${css}: ${match[2]} missing`);
      }
    }
    expect(external).toEqual([]);
  });

  it('bundle the Arabic fonts with the site', () => {
    expect(files.some((f) => /noto-sans-arabic-arabic-wght-normal.*\.woff2$/.test(f))).toBe(true);
  });
});
