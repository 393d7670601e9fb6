/** Which built pages stand for each page type in the browser tests (discovered from the build, not hard-coded). */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PageType {
  name: string;
  /** Path below the base, e.g. "articles/x/". */
  path: string;
}

/** The entity page with the longest list (the richest page to look at), ties by name. */
function richestEntity(dir: string): string | null {
  if (!existsSync(dir)) return null;
  let best: { id: string; size: number } | null = null;
  for (const id of readdirSync(dir).sort()) {
    const file = path.join(dir, id, 'index.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (best === null || size > best.size) best = { id, size };
  }
  return best?.id ?? null;
}

function firstDir(dir: string, prefer?: (name: string) => boolean): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
  return names.find((n) => prefer?.(n)) ?? names[0] ?? null;
}

/** The article with the most headings (so the table of contents shows), else the first. */
function richestArticle(siteDir: string): string | null {
  const dir = path.join(siteDir, 'articles');
  if (!existsSync(dir)) return null;
  let best: { slug: string; score: number } | null = null;
  for (const slug of readdirSync(dir).sort()) {
    const file = path.join(dir, slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const score = (html.match(/<h2 id=/g) ?? []).length * 10 + (html.match(/class="entity /g) ?? []).length;
    if (best === null || score > best.score) best = { slug, score };
  }
  return best?.slug ?? null;
}

/** One representative page of every type the site builds. */
export function pageTypes(siteDir: string): PageType[] {
  const types: PageType[] = [{ name: 'home', path: '' }];
  const article = richestArticle(siteDir);
  if (article) types.push({ name: 'article', path: `articles/${article}/` });
  for (const segment of ['people', 'places', 'organizations']) {
    const id = richestEntity(path.join(siteDir, segment));
    if (id) types.push({ name: `entity-${segment}`, path: `${segment}/${id}/` });
    types.push({ name: `index-${segment}`, path: `${segment}/` });
  }
  types.push({ name: 'sources', path: 'sources/' });
  const source = firstDir(path.join(siteDir, 'sources'));
  if (source) types.push({ name: 'source', path: `sources/${source}/` });
  types.push({ name: 'timeline', path: 'timeline/' });
  const year = firstDir(path.join(siteDir, 'timeline'), (n) => /^\d{4}$/.test(n));
  if (year && /^\d{4}$/.test(year)) {
    types.push({ name: 'year', path: `timeline/${year}/` });
    const month = firstDir(path.join(siteDir, 'timeline', year));
    if (month) types.push({ name: 'month', path: `timeline/${year}/${month}/` });
  }
  if (existsSync(path.join(siteDir, 'timeline/undated/index.html'))) types.push({ name: 'undated', path: 'timeline/undated/' });
  types.push({ name: 'about', path: 'about/' });
  types.push({ name: '404', path: '404.html' });
  return types;
}
