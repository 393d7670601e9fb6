/**
 * BagIt (RFC 8493) as pure functions: a list of files with their bytes → the tag files of a bag
 * (`bagit.txt`, `bag-info.txt`, payload and tag manifests). No file system, no clock: the caller
 * passes every date, so the same files always give the same bag.
 */
import { createHash } from 'node:crypto';

/** One file of a bag: its path inside the bag ("data/index.html", "bagit.txt") and its bytes. */
export interface BagFile {
  path: string;
  bytes: Uint8Array;
}

/** The checksum algorithms this bag writes, in the order their manifests are listed (RFC 8493 §2.4). */
export const ALGORITHMS = ['sha256', 'sha512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** The BagIt version written and read. */
const BAGIT_VERSION = '1.0';

/** `bagit.txt`, the bag declaration (RFC 8493 §2.1.1). */
function bagitDeclaration(): string {
  return `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;
}

/** Hex digest of `bytes`. */
export function digest(algorithm: Algorithm, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** A file path as a manifest writes it: CR, LF and % percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The inverse of `encodeManifestPath`. */
export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Order of files in manifests and archives: by code unit, so it never depends on a locale. */
export function byPath(a: BagFile, b: BagFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** A manifest: one `<checksum> <path>` line per file, sorted by path. */
export function manifest(algorithm: Algorithm, files: readonly BagFile[]): string {
  return [...files]
    .sort(byPath)
    .map((file) => `${digest(algorithm, file.bytes)}  ${encodeManifestPath(file.path)}\n`)
    .join('');
}

/** Payload-Oxum: total octets of the payload, a dot, and the number of payload files (§2.2.2). */
export function payloadOxum(payload: readonly BagFile[]): string {
  return `${payload.reduce((sum, file) => sum + file.bytes.length, 0)}.${payload.length}`;
}

/** Bag-Size: the payload size for a human reader, in decimal units ("12.3 MB"). */
export function bagSize(octets: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = octets;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${octets} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** What `bag-info.txt` says about the bag, besides what is computed from the payload. */
export interface BagInfo {
  sourceOrganization: string;
  externalDescription: string;
  /** The commit the archive was built from (full hash). */
  commit: string;
  /** The commit's date, ISO 8601 with offset (`git log -1 --format=%cI`): the bag's date, never the clock. */
  commitDate: string;
  /** Further labels, written after the standard ones in this order. */
  extra?: ReadonlyArray<readonly [string, string]>;
}

/** Longest line of a tag file before a value is folded onto an indented continuation line. */
const LINE_LIMIT = 79;

/** One `Label: value` element, long values folded at spaces onto lines indented by two spaces (§2.2.2). */
export function tagLine(label: string, value: string): string {
  if (/[\r\n]/.test(value) || /[\r\n:]/.test(label)) throw new Error(`bag-info label "${label}" or its value holds a line break or a colon in the label; write it on one line.`);
  const lines: string[] = [];
  let line = `${label}:`;
  for (const word of value.split(' ')) {
    // Fold only after at least one word, so a long word stays on its label's line.
    if (line.length + 1 + word.length > LINE_LIMIT && line !== `${label}:`) {
      lines.push(line);
      line = `  ${word}`;
    } else {
      line += ` ${word}`;
    }
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

/** The calendar date (YYYY-MM-DD) of an ISO 8601 timestamp, as written in it (the committer's own day). */
export function calendarDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO 8601 timestamp such as \`git log -1 --format=%cI\` prints.`);
  return match[1]!;
}

/** `bag-info.txt` (§2.2.2) for the given payload. */
export function bagInfo(info: BagInfo, payload: readonly BagFile[]): string {
  const octets = payload.reduce((sum, file) => sum + file.bytes.length, 0);
  const elements: Array<readonly [string, string]> = [
    ['Source-Organization', info.sourceOrganization],
    ['External-Description', info.externalDescription],
    ['Bagging-Date', calendarDate(info.commitDate)],
    ['Payload-Oxum', payloadOxum(payload)],
    ['Bag-Size', bagSize(octets)],
    ['External-Identifier', `git:${info.commit}`],
    ['Git-Commit', info.commit],
    ['Git-Commit-Date', info.commitDate],
    ...(info.extra ?? []),
  ];
  return elements.map(([label, value]) => tagLine(label, value)).join('');
}

/** The text of a tag file as bytes. */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Every file of a bag: the payload under `data/`, `bagit.txt`, `bag-info.txt`, a payload manifest
 * per algorithm, the extra tag files given (e.g. a README), and a tag manifest per algorithm over
 * all of them. Sorted by path.
 */
export function makeBag(payload: readonly BagFile[], info: BagInfo, extraTagFiles: readonly BagFile[] = []): BagFile[] {
  for (const file of payload) {
    if (!file.path.startsWith('data/')) throw new Error(`${file.path}: payload files live under data/; pass the path inside the bag.`);
  }
  const tags: BagFile[] = [
    { path: 'bagit.txt', bytes: utf8(bagitDeclaration()) },
    { path: 'bag-info.txt', bytes: utf8(bagInfo(info, payload)) },
    ...ALGORITHMS.map((algorithm) => ({ path: `manifest-${algorithm}.txt`, bytes: utf8(manifest(algorithm, payload)) })),
    ...extraTagFiles,
  ];
  const tagManifests = ALGORITHMS.map((algorithm) => ({ path: `tagmanifest-${algorithm}.txt`, bytes: utf8(manifest(algorithm, tags)) }));
  return [...payload, ...tags, ...tagManifests].sort(byPath);
}
