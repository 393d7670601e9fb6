/**
 * Files the content layer keeps beside its store, one per article digest, in Astro's cache folder
 * (emptied with it for a cold build): an unchanged article keeps its file between builds, and each
 * sync deletes the files no article has any more. The search records and the article HTML use it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder `name` of one output folder: builds of one working tree into different output folders
 * (tests, benchmarks) may run at once and must not delete each other's files.
 */
export function cacheFolder(cacheDir: string, outDir: string, name: string): string {
  return path.join(cacheDir, name, createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}

/** One content sync's files: those kept from the last sync and those written anew. */
export class DigestFiles {
  private readonly existing: Set<string>;
  private readonly wanted = new Set<string>();

  constructor(
    readonly folder: string,
    private readonly extension: string,
  ) {
    mkdirSync(folder, { recursive: true });
    this.existing = new Set(readdirSync(folder));
  }

  /** A digest as a file name: Astro's digests are hex already; anything else is hashed. */
  nameOf(digest: string): string {
    return `${/^[0-9a-z]{1,64}$/i.test(digest) ? digest : createHash('sha256').update(digest).digest('hex')}${this.extension}`;
  }

  /** Whether the file of this digest is still there from an earlier sync. */
  has(digest: string): boolean {
    return this.existing.has(this.nameOf(digest));
  }

  /** Write the file of this digest; returns its path. */
  write(digest: string, text: string): string {
    const name = this.nameOf(digest);
    writeFileSync(path.join(this.folder, name), text);
    this.existing.add(name);
    this.wanted.add(name);
    return path.join(this.folder, name);
  }

  /** Keep the earlier file of this digest. */
  keep(digest: string): void {
    this.wanted.add(this.nameOf(digest));
  }

  /** Delete the files no article has any more (and no name in `also`). */
  finish(also: ReadonlySet<string> = new Set()): void {
    for (const name of this.existing) if (!this.wanted.has(name) && !also.has(name)) rmSync(path.join(this.folder, name), { force: true });
  }
}
