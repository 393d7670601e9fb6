/**
 * Every internal link of the site is built here and nowhere else, so the way links are written
 * (absolute under a base path for the hosted site, relative with explicit `index.html` for the
 * offline bundle) is a one-place change.
 */
import type { EntityKind } from '../schema';

/** URL segment of each entity kind's index and pages. */
export const kindSegment: Readonly<Record<EntityKind, string>> = {
  person: 'people',
  place: 'places',
  organization: 'organizations',
};

/** Entity kinds in the order the site shows them. */
export const kindsInOrder: readonly EntityKind[] = ['person', 'place', 'organization'];

/** Normalize a base path to start and end with "/" ("archive" → "/archive/"). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Join a base path and a site path ("articles/x/", "rss.xml", "", "#top").
 * Page paths end in "/" (directory format); file paths keep their name.
 */
export function joinBase(base: string, path: string): string {
  const normalized = normalizeBase(base);
  const hashIndex = path.indexOf('#');
  const pathname = (hashIndex === -1 ? path : path.slice(0, hashIndex)).replace(/^\/+/, '');
  const hash = hashIndex === -1 ? '' : path.slice(hashIndex);
  return `${normalized}${pathname}${hash}`;
}

/** Site path of an article page. */
export function articlePath(slug: string): string {
  return `articles/${slug}/`;
}

/** Site path of an entity page (page 1 of its article list, or a later page). */
export function entityPath(kind: EntityKind, id: string, page = 1): string {
  return `${kindSegment[kind]}/${id}/${page > 1 ? `${page}/` : ''}`;
}

/** Site path of the index of one entity kind. */
export function entityIndexPath(kind: EntityKind): string {
  return `${kindSegment[kind]}/`;
}

/** Site path of the sources index. */
export const sourcesPath = 'sources/';

/** Site path of one source's page (page 1 or a later page of its articles). */
export function sourcePath(id: string, page = 1): string {
  return `sources/${id}/${page > 1 ? `${page}/` : ''}`;
}

/** Site path of the timeline (all years and months). */
export const timelinePath = 'timeline/';

/** Site path of one year of the timeline. */
export function yearPath(year: string): string {
  return `timeline/${year}/`;
}

/** Site path of one month ("01" … "12") of the timeline, or a later page of it. */
export function monthPath(year: string, month: string, page = 1): string {
  return `timeline/${year}/${month}/${page > 1 ? `${page}/` : ''}`;
}

/** Site path of the articles whose date is unknown, or a later page of them. */
export function undatedPath(page = 1): string {
  return `timeline/undated/${page > 1 ? `${page}/` : ''}`;
}

/** Site path of the about page. */
export const aboutPath = 'about/';

/** Site path of the search page (owned by the search feature). */
export const searchPath = 'search/';

/** Site path of the feed. */
export const feedPath = 'rss.xml';

/** Site path of a raw seed file, served byte for byte. */
export function seedPath(fileName: string): string {
  return `seeds/${encodeURIComponent(fileName)}`;
}

/** True for page 2, 3 … of a paginated list (entity, source, month or undated pages), whatever the base. */
export function isLaterListPage(pathname: string): boolean {
  return /\/(?:people|places|organizations|sources)\/[^/]+\/\d+\/$|\/timeline\/(?:\d{4}\/(?:\d{2})|undated)\/\d+\/$/.test(pathname);
}

/** Absolute URL (scheme and host) of a site path, for canonical links, feeds and JSON-LD. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(joinBase(base, path), site).href;
}

/**
 * Stands for the site root in a relative-link build (`ARSHIF_LINKS=relative`, the offline bundle).
 * A link is made before the page knows where it will be written, so `href` and Astro's asset links
 * (`build.assetsPrefix`) write this mark, and `src/integrations/relative-links.ts` replaces it in
 * each written page with the way up from that page ("../../"), via `resolveRelativeRoot`.
 */
export const RELATIVE_ROOT = '/__arshif-root__/';

/**
 * True in a relative-link build, whose pages open from disk (file://) as well as from a server.
 * `astro.config.mjs` defines `import.meta.env.ARSHIF_LINKS`; read at call time because the config
 * itself imports this module before any `import.meta.env` exists.
 */
export function relativeLinks(): boolean {
  return import.meta.env.ARSHIF_LINKS === 'relative';
}

/** A site path as the file that holds it: a page ("x/", "") gains "index.html", a file keeps its name; a hash stays. */
export function filePath(path: string): string {
  const hashIndex = path.indexOf('#');
  const pathname = (hashIndex === -1 ? path : path.slice(0, hashIndex)).replace(/^\/+/, '');
  const hash = hashIndex === -1 ? '' : path.slice(hashIndex);
  return `${pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : pathname}${hash}`;
}

/** The way from a written file (path below the site root, e.g. "articles/x/index.html") up to the root: "../../", or "" at the root. */
export function rootFrom(file: string): string {
  return '../'.repeat(file.split('/').length - 1);
}

/** Replace every root mark in the text of the written file `file` with the way up from it. */
export function resolveRelativeRoot(text: string, file: string): string {
  return text.replaceAll(RELATIVE_ROOT, rootFrom(file));
}

/**
 * The link to a site path as written in this build's HTML: under the base path ("/archive/x/"), or
 * in a relative-link build the file itself from the root mark ("…/x/index.html"), because from
 * disk a folder is not a page.
 */
export function href(path: string): string {
  if (relativeLinks()) return `${RELATIVE_ROOT}${filePath(path)}`;
  return joinBase(import.meta.env.BASE_URL, path);
}
