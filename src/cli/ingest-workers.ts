/**
 * Converting seeds on several cores: the main thread converts too, and worker threads (this same
 * module, started with `workerData`) take small batches of seeds from a shared queue. Each worker
 * loads the content files itself through the same loaders, reads its seeds from disk and sends the
 * results back; the caller receives them in any order and prints them in seed order. A worker that
 * fails to start or stops hands its unfinished seeds back to the main thread: nothing is lost, the
 * run is only slower.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadIngestConfig, type ContentPaths } from '../loaders/content';
import { readSeedInput } from '../loaders/seeds';
import type { IngestConfig, IngestResult } from '../pipeline/index';
import { seedId } from '../pipeline/text/slug';

/** One seed to convert; `index` is its place in the run. */
export interface ConvertJob {
  index: number;
  name: string;
  slug: string;
  sha256: string;
  hasSidecar: boolean;
}

/** A converted seed, with the SHA-256 of the sidecar text it was converted with (null: none). */
export interface Converted {
  index: number;
  result: IngestResult;
  sidecarSha256: string | null;
}

/** What a worker needs to convert seeds as the main thread would. */
interface ConvertSetup {
  seedsDir: string;
  paths: ContentPaths;
  repeatedLines: string[];
}

/** Seeds sent to a worker at once; two batches are in flight so a worker never waits. */
const BATCH = 8;

/** Below this many seeds per worker, starting one (loading modules and the gazetteer) costs more than it saves. */
export const MIN_SEEDS_PER_WORKER = 100;

/** Threads to convert with by default: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}

type IngestSeed = typeof import('../pipeline/index').ingestSeed;

/**
 * The pipeline, loaded when there is a seed to convert: the MDX writer and its parser are the
 * heaviest modules, and a run that finds every article up to date needs none of them.
 */
async function loadPipeline(): Promise<IngestSeed> {
  return (await import('../pipeline/index')).ingestSeed;
}

/** Read one seed (and its sidecar) from disk and convert it. Never throws for bad input. */
function convertJob(ingestSeed: IngestSeed, job: ConvertJob, seedsDir: string, config: IngestConfig): Converted {
  const read = readSeedInput(seedsDir, job.name, job.hasSidecar);
  if (!('input' in read)) {
    return { index: job.index, sidecarSha256: null, result: { id: seedId(job.name), slug: job.slug, sha256: job.sha256, article: null, mdx: null, candidates: [], ...read } };
  }
  const sidecar = read.input.sidecar;
  return {
    index: job.index,
    result: ingestSeed(read.input, config),
    sidecarSha256: sidecar === undefined ? null : createHash('sha256').update(sidecar).digest('hex'),
  };
}

type FromWorker = { type: 'ready' } | { type: 'unavailable'; reason: string } | { type: 'converted'; results: Converted[] };

/**
 * Convert `jobs` on the main thread and `workerCount` workers, calling `onResult` for each as it is
 * done. `config` is the main thread's, already loaded; workers load their own from `setup`.
 * Returns how many threads converted at least one seed.
 */
export async function convertAll(jobs: readonly ConvertJob[], setup: ConvertSetup, config: IngestConfig, workerCount: number, onResult: (converted: Converted) => void): Promise<number> {
  let cursor = 0;
  let busyWorkers = 0;
  const returned: ConvertJob[] = [];
  const take = (n: number): ConvertJob[] => {
    const batch = jobs.slice(cursor, cursor + n);
    cursor += batch.length;
    return batch;
  };
  if (jobs.length === 0) return 0;
  const workers = Array.from({ length: Math.max(0, workerCount) }, () =>
    runWorker(setup, take, onResult, (lost) => returned.push(...lost)).then((converted) => {
      if (converted) busyWorkers++;
    }),
  );
  const ingestSeed = await loadPipeline();
  let mainConverted = false;
  for (;;) {
    const job = returned.shift() ?? take(1)[0];
    if (job === undefined) break;
    mainConverted = true;
    onResult(convertJob(ingestSeed, job, setup.seedsDir, config));
    // Let the workers' results and requests for more seeds through between two conversions.
    if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  for (const job of returned) {
    mainConverted = true;
    onResult(convertJob(ingestSeed, job, setup.seedsDir, config));
  }
  return busyWorkers + (mainConverted ? 1 : 0);
}

/** One worker: feed it batches until the queue is empty; resolves, once it has stopped, with whether it converted any. */
function runWorker(setup: ConvertSetup, take: (n: number) => ConvertJob[], onResult: (converted: Converted) => void, giveBack: (jobs: ConvertJob[]) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const outstanding = new Map<number, ConvertJob>();
    let stopped = false;
    let converted = false;
    const worker = new Worker(new URL(import.meta.url), { workerData: { arshifIngest: setup } });
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      giveBack([...outstanding.values()]);
      outstanding.clear();
      void worker.terminate().finally(() => resolve(converted));
    };
    const send = (): void => {
      const batch = take(BATCH);
      if (batch.length === 0) {
        if (outstanding.size === 0) stop();
        return;
      }
      for (const job of batch) outstanding.set(job.index, job);
      worker.postMessage(batch);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        send();
        send();
      } else if (message.type === 'converted') {
        for (const result of message.results) {
          outstanding.delete(result.index);
          converted = true;
          onResult(result);
        }
        send();
      } else stop();
    });
    // A worker that throws or exits early: its seeds go back to the main thread.
    worker.on('error', stop);
    worker.on('exit', stop);
  });
}

/** The worker's side: load the configuration once, then convert each batch it is sent. */
async function workerMain(setup: ConvertSetup): Promise<void> {
  const port = parentPort!;
  const ingestSeed = await loadPipeline();
  const loaded = loadIngestConfig(setup.paths);
  if (!loaded.config) {
    port.postMessage({ type: 'unavailable', reason: 'the content files did not load' } satisfies FromWorker);
    return;
  }
  const config: IngestConfig = { ...loaded.config, repeatedLines: new Set(setup.repeatedLines) };
  port.on('message', (batch: ConvertJob[]) => {
    port.postMessage({ type: 'converted', results: batch.map((job) => convertJob(ingestSeed, job, setup.seedsDir, config)) } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

const started = workerData as { arshifIngest?: ConvertSetup } | null;
if (!isMainThread && started?.arshifIngest) await workerMain(started.arshifIngest);
