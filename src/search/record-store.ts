/**
 * Search records as the content layer makes them. The article loader (src/loaders/article-loader.ts)
 * builds each article's record when it renders the article, from the same parse, and leaves it here:
 * one JSON file per record named by the article's digest, and a list of the digests in file-name
 * order. The Pagefind and offline-search integrations read the records back after the pages are
 * written, instead of reading and parsing every article again; an unchanged article keeps its file,
 * so a rebuild makes records only for the articles that changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder, DigestFiles } from '../loaders/digest-files';
import type { SearchRecord } from './record';

/** Bump whenever a record made from the same article and gazetteer changes (record.ts, normalize.ts). */
export const SEARCH_RECORD_VERSION = 'search-record/2';

/** The folder of the records for builds into `outDir` (src/loaders/digest-files.ts). */
export function recordFolder(cacheDir: string, outDir: string): string {
  return cacheFolder(cacheDir, outDir, 'arshif-search-records');
}

const LIST = 'records.json';

/** One content sync's records: those kept from the last sync and those made anew, in order. */
export class RecordWriter {
  private readonly files: DigestFiles;
  private readonly order: string[] = [];

  constructor(folder: string) {
    this.files = new DigestFiles(folder, '.json');
  }

  /** Whether the record of this digest is still there from an earlier sync. */
  has(digest: string): boolean {
    return this.files.has(digest);
  }

  /** Write the record of this digest; it takes the next place in the order. */
  write(digest: string, record: SearchRecord): void {
    this.files.write(digest, JSON.stringify(record));
    this.order.push(this.files.nameOf(digest));
  }

  /** Keep the earlier record of this digest at the next place in the order. */
  keep(digest: string): void {
    this.files.keep(digest);
    this.order.push(this.files.nameOf(digest));
  }

  /** Write the order and delete the records no article has any more. */
  finish(): void {
    this.files.finish(new Set([LIST]));
    writeFileSync(path.join(this.files.folder, LIST), JSON.stringify(this.order));
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
