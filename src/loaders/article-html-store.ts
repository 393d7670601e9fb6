/**
 * Article HTML beside the content store, not in it. Astro loads the whole store as one JavaScript
 * module whose compile time grows with the square of its size (measured at 10,000 articles: 306 MB,
 * 60 s; 150 MB, 12 s; 50 MB, 1.4 s), and the rendered HTML is its largest part. So the article
 * loader writes each article's HTML to a file named by the article's digest, in Astro's cache
 * folder (emptied with it for a cold build), and the store keeps only that file's path; the
 * article page reads its one file. An unchanged article keeps its file between builds.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of one output folder's HTML files: builds of one working tree into different output
 * folders (tests, benchmarks) may run at once and must not delete each other's files.
 */
export function articleHtmlFolder(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'arshif-article-html', createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}

/** A digest as a file name: Astro's digests are hex already; anything else is hashed. */
function fileName(digest: string): string {
  return `${/^[0-9a-z]{1,64}$/i.test(digest) ? digest : createHash('sha256').update(digest).digest('hex')}.html`;
}

/** One content sync's HTML files: the ones kept from the last sync and the ones written anew. */
export class ArticleHtmlWriter {
  private readonly existing: Set<string>;
  private readonly wanted = new Set<string>();

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    this.existing = new Set(readdirSync(folder));
  }

  /** Whether the HTML of this digest is still there from an earlier sync. */
  has(digest: string): boolean {
    return this.existing.has(fileName(digest));
  }

  /** Write the HTML of this digest and return the file's path, for the store. */
  write(digest: string, html: string): string {
    const name = fileName(digest);
    writeFileSync(path.join(this.folder, name), html);
    this.existing.add(name);
    this.wanted.add(name);
    return path.join(this.folder, name);
  }

  /** Keep the earlier file of this digest. */
  keep(digest: string): void {
    this.wanted.add(fileName(digest));
  }

  /** Delete the files no article has any more. */
  finish(): void {
    for (const name of this.existing) if (!this.wanted.has(name)) rmSync(path.join(this.folder, name), { force: true });
  }
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
