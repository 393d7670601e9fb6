/**
 * A bag as one zip file, the same bytes every time: entries sorted by path under one top-level
 * folder named like the file (RFC 8493 §4 serialization), one fixed timestamp, fixed compression.
 * Uses fflate, in memory.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { byPath, type BagFile } from './bagit';
import type { BagContents } from './verify';

/** Files already compressed (fonts, Pagefind's gzip chunks, images): stored, not deflated again. */
const STORED = /\.(?:woff2?|pf_\w+|gz|zip|png|jpe?g|webp|avif|wasm\.\w+|pagefind)$/;

/**
 * The zip timestamp for a calendar date (YYYY-MM-DD): noon of that day. Zip stores local date and
 * time without a zone, and fflate reads the Date's local fields, so the Date is made from local
 * fields; noon is never skipped by a daylight-saving change.
 */
export function zipTimestamp(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 12, 0, 0);
}

/** The zip of a bag: every file under `root/`, sorted, all stamped with `day`. */
export function zipBag(root: string, files: readonly BagFile[], day: string): Uint8Array {
  const mtime = zipTimestamp(day);
  const entries: Zippable = {};
  for (const file of [...files].sort(byPath)) {
    entries[`${root}/${file.path}`] = [file.bytes, { mtime, level: STORED.test(file.path) ? 0 : 9 }];
  }
  return zipSync(entries);
}

/** An unpacked zip of a bag: its top-level folder and its files by path inside the bag. */
export interface UnzippedBag {
  root: string;
  files: BagContents;
  /** Entries that are not inside the one top-level folder or point outside it. */
  strays: string[];
}

/** Unpack a bag's zip in memory; folders are dropped, files keyed by their path below the top folder. */
export function unzipBag(bytes: Uint8Array): UnzippedBag {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries).sort();
  const roots = new Set(names.map((name) => name.split('/')[0]!));
  const root = roots.size === 1 ? [...roots][0]! : '';
  const files = new Map<string, Uint8Array>();
  const strays: string[] = [];
  for (const name of names) {
    if (name.endsWith('/')) continue;
    const inside = root && name.startsWith(`${root}/`) ? name.slice(root.length + 1) : null;
    if (inside === null || inside.split('/').includes('..') || inside.startsWith('/')) strays.push(name);
    else files.set(inside, entries[name]!);
  }
  return { root, files, strays };
}
