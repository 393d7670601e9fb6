/**
 * One seed and its sidecar, read from the seeds folder the safe way (regular files only, size
 * limits, strict UTF-8 for the sidecar), ready for the pure pipeline. Used by ingest, the review
 * sheet and `npm run add`.
 */
import path from 'node:path';
import { RepeatedLineCounter } from '../pipeline/page/furniture';
import type { SeedInput } from '../pipeline/index';
import { fatal, type PipelineMessage } from '../pipeline/messages';
import { MAX_SIDECAR_BYTES } from '../pipeline/page/sidecar';
import { seedId } from '../pipeline/text/slug';
import { readSeed } from '../pipeline/text/read';
import { listRealFolder, readRegularFile, readUtf8File } from './files';

/** Largest seed accepted, in bytes: twenty times the longest news article, far below what hurts the build. */
export const MAX_SEED_BYTES = 2 * 1024 * 1024;

/** The sidecar file name of a seed, e.g. `005_x.meta.yaml`. */
export function sidecarName(seedName: string): string {
  return `${seedId(seedName)}.meta.yaml`;
}

/**
 * Read `seedName` (and its sidecar when `hasSidecar`) from `seedsDir`. On failure the messages say
 * why, split between the seed and the sidecar file.
 */
export function readSeedInput(
  seedsDir: string,
  seedName: string,
  hasSidecar: boolean,
): { input: SeedInput } | { messages: PipelineMessage[]; sidecarMessages: PipelineMessage[] } {
  const seed = readRegularFile(path.join(seedsDir, seedName), MAX_SEED_BYTES);
  if ('problem' in seed) return { messages: [fatal(seed.problem.ruleId, seed.problem.reason)], sidecarMessages: [] };
  if (!hasSidecar) return { input: { fileName: seedName, bytes: seed.bytes } };
  const sidecar = readUtf8File(path.join(seedsDir, sidecarName(seedName)), MAX_SIDECAR_BYTES);
  if ('problem' in sidecar) {
    return {
      messages: [fatal('invalid-sidecar', `the sidecar ${sidecarName(seedName)} cannot be read (see its messages), so the article was not written`)],
      sidecarMessages: [fatal(sidecar.problem.ruleId, sidecar.problem.reason)],
    };
  }
  return { input: { fileName: seedName, bytes: seed.bytes, sidecar: sidecar.text } };
}

/**
 * The short lines several seeds of the folder share (a site's furniture, see furniture.ts), as
 * ingest computes them, so a review sheet of some seeds reads each the way ingest of all does.
 */
export function repeatedLinesOf(seedsDir: string): ReadonlySet<string> {
  const counter = new RepeatedLineCounter();
  const listed = listRealFolder(seedsDir);
  if ('problem' in listed) return counter.repeated();
  for (const entry of listed.entries) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.txt')) continue;
    const read = readRegularFile(path.join(seedsDir, entry.name), MAX_SEED_BYTES);
    if ('bytes' in read) counter.add(readSeed(read.bytes).seed?.lines ?? []);
  }
  return counter.repeated();
}
