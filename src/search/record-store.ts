/**
 * Search records as the content layer makes them. The article loader (src/loaders/article-loader.ts)
 * builds each article's record when it renders the article, from the same parse, and leaves it here:
 * one JSON file per record named by the article's digest, and a list of the digests in file-name
 * order. The Pagefind and offline-search integrations read the records back after the pages are
 * written, instead of reading and parsing every article again; an unchanged article keeps its file,
 * so a rebuild makes records only for the articles that changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchRecord } from './record';

/** Bump whenever a record made from the same article and gazetteer changes (record.ts, normalize.ts). */
export const SEARCH_RECORD_VERSION = 'search-record/2';

/**
 * The folder of the records, inside Astro's cache folder (emptied with it for a cold build), one per
 * output folder: builds of one working tree into different folders (tests, benchmarks) may run at
 * once and must not delete each other's records.
 */
export function recordFolder(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, 'arshif-search-records', createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16));
}

const LIST = 'records.json';

/** A digest as a file name: Astro's digests are hex already; anything else is hashed. */
function fileName(digest: string): string {
  return `${/^[0-9a-z]{1,64}$/i.test(digest) ? digest : createHash('sha256').update(digest).digest('hex')}.json`;
}

/** One content sync's records: those kept from the last sync and those made anew, in order. */
export class RecordWriter {
  private readonly existing: Set<string>;
  private readonly order: string[] = [];

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
    this.existing = new Set(readdirSync(folder));
  }

  /** Whether the record of this digest is still there from an earlier sync. */
  has(digest: string): boolean {
    return this.existing.has(fileName(digest));
  }

  /** Write the record of this digest; it takes the next place in the order. */
  write(digest: string, record: SearchRecord): void {
    const name = fileName(digest);
    writeFileSync(path.join(this.folder, name), JSON.stringify(record));
    this.existing.add(name);
    this.order.push(name);
  }

  /** Keep the earlier record of this digest at the next place in the order. */
  keep(digest: string): void {
    this.order.push(fileName(digest));
  }

  /** Write the order and delete the records no article has any more. */
  finish(): void {
    const wanted = new Set(this.order);
    for (const name of this.existing) if (name !== LIST && !wanted.has(name)) rmSync(path.join(this.folder, name), { force: true });
    writeFileSync(path.join(this.folder, LIST), JSON.stringify(this.order));
  }
}

/** The record files in article order; the sync must have run (an `astro build` always runs it). */
function listedFiles(folder: string): string[] {
  let list: string;
  try {
    list = readFileSync(path.join(folder, LIST), 'utf8');
  } catch (error) {
    throw new Error(`${folder} holds no list of search records: the content layer did not sync the articles.`, { cause: error });
  }
  return (JSON.parse(list) as string[]).map((name) => path.join(folder, name));
}

/** How many records are read at once: enough to keep the disk busy, few enough to stay small. */
const READ_BATCH = 64;

/** The records in article order, a batch at a time, so an archive of any size is never all in memory. */
export async function* recordBatches(folder: string, size = READ_BATCH): AsyncGenerator<SearchRecord[]> {
  const files = listedFiles(folder);
  for (let i = 0; i < files.length; i += size) {
    yield await Promise.all(files.slice(i, i + size).map(async (file) => JSON.parse(await readFile(file, 'utf8')) as SearchRecord));
  }
}

/** Every record in article order. */
export async function readRecords(folder: string): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const batch of recordBatches(folder)) records.push(...batch);
  return records;
}
