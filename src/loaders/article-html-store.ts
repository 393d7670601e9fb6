/**
 * Article HTML beside the content store, not in it. Astro loads the whole store as one JavaScript
 * module whose compile time grows with the square of its size (measured at 10,000 articles: 306 MB,
 * 60 s; 150 MB, 12 s; 50 MB, 1.4 s), and the rendered HTML is its largest part. So the article
 * loader writes each article's HTML to a file named by the article's digest, in Astro's cache
 * folder (emptied with it for a cold build), and the store keeps only that file's path; the
 * article page reads its one file. An unchanged article keeps its file between builds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFolder } from './digest-files';

/** The folder of the article HTML files for builds into `outDir` (src/loaders/digest-files.ts). */
export function articleHtmlFolder(cacheDir: string, outDir: string): string {
  return cacheFolder(cacheDir, outDir, 'arshif-article-html');
}

/** The stored HTML of an entry the loader rendered; empty for an entry another shard renders. */
export function storedArticleHtml(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): string {
  const file = entry.rendered?.metadata?.['htmlFile'];
  if (typeof file !== 'string') return '';
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The HTML of the article "${entry.id}" is missing from ${path.dirname(file)}; build again from a clean cache (delete node_modules/.astro).`, { cause: error });
  }
}
