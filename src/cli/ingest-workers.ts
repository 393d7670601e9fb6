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
type ToWorker = { type: 'lines'; repeatedLines: string[] } | { type: 'convert'; jobs: ConvertJob[] };

/** The work of one run, handed to the workers once pass 1 has found the repeated lines. */
interface WorkSource {
  repeatedLines: string[];
  take(n: number): ConvertJob[];
  onResult(converted: Converted): void;
  giveBack(jobs: ConvertJob[]): void;
}

/**
 * Worker threads started before they have work: loading the modules and the gazetteer (about
 * 0.7 s) overlaps pass 1 on the main thread. `feed` gives them the run's seeds; a worker stops
 * when the queue is empty, when `release` finds it idle, or when it fails.
 */
export class WorkerPool {
  private source: WorkSource | null = null;
  private readonly kicks: Array<() => void> = [];
  private readonly idleStops: Array<() => void> = [];
  private readonly stops: Array<() => void> = [];
  private readonly stopped: Array<Promise<boolean>> = [];

  constructor(count: number, seedsDir: string, paths: ContentPaths) {
    for (let i = 0; i < count; i++) this.stopped.push(this.start({ seedsDir, paths }));
  }

  feed(source: WorkSource): void {
    this.source = source;
    for (const kick of this.kicks) kick();
  }

  /** Stop the workers that hold no seeds (still loading, or idle). */
  release(): void {
    for (const stop of this.idleStops) stop();
  }

  /** Stop every worker now (a run that ends early must not be kept alive by them). */
  terminate(): void {
    for (const stop of this.stops) stop();
  }

  /** Resolves when every worker has stopped, with how many converted at least one seed. */
  async finished(): Promise<number> {
    return (await Promise.all(this.stopped)).filter(Boolean).length;
  }

  private start(setup: { seedsDir: string; paths: ContentPaths }): Promise<boolean> {
    return new Promise((resolve) => {
      const outstanding = new Map<number, ConvertJob>();
      let ready = false;
      let begun = false;
      let stopped = false;
      let converted = false;
      const worker = new Worker(new URL(import.meta.url), { workerData: { arshifIngest: setup } });
      const post = (message: ToWorker): void => worker.postMessage(message);
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        if (outstanding.size > 0) this.source?.giveBack([...outstanding.values()]);
        outstanding.clear();
        void worker.terminate().finally(() => resolve(converted));
      };
      const send = (): void => {
        if (stopped || this.source === null) return;
        const jobs = this.source.take(BATCH);
        if (jobs.length === 0) {
          if (outstanding.size === 0) stop();
          return;
        }
        for (const job of jobs) outstanding.set(job.index, job);
        post({ type: 'convert', jobs });
      };
      const kick = (): void => {
        if (!ready || begun || stopped || this.source === null) return;
        begun = true;
        post({ type: 'lines', repeatedLines: this.source.repeatedLines });
        send();
        send();
      };
      this.kicks.push(kick);
      this.stops.push(stop);
      this.idleStops.push(() => {
        if (outstanding.size === 0) stop();
      });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          kick();
        } else if (message.type === 'converted') {
          for (const result of message.results) {
            outstanding.delete(result.index);
            converted = true;
            this.source?.onResult(result);
          }
          send();
        } else stop();
      });
      // A worker that throws or exits early: its seeds go back to the main thread.
      worker.on('error', stop);
      worker.on('exit', stop);
    });
  }
}

/**
 * Convert `jobs` on the main thread and the workers of `pool` (none: null), calling `onResult` for
 * each as it is done. `config` is the main thread's, already loaded; workers load their own.
 * Returns how many threads converted at least one seed.
 */
export async function convertAll(jobs: readonly ConvertJob[], seedsDir: string, repeatedLines: readonly string[], config: IngestConfig, pool: WorkerPool | null, onResult: (converted: Converted) => void): Promise<number> {
  let cursor = 0;
  const returned: ConvertJob[] = [];
  const take = (n: number): ConvertJob[] => {
    const batch = jobs.slice(cursor, cursor + n);
    cursor += batch.length;
    return batch;
  };
  pool?.feed({ repeatedLines: [...repeatedLines], take, onResult, giveBack: (lost) => returned.push(...lost) });
  let mainConverted = false;
  const ingestSeed = jobs.length > 0 ? await loadPipeline() : null;
  const convert = (job: ConvertJob): void => {
    mainConverted = true;
    onResult(convertJob(ingestSeed!, job, seedsDir, config));
  };
  for (;;) {
    const job = returned.shift() ?? take(1)[0];
    if (job === undefined) break;
    convert(job);
    // Let the workers' results and requests for more seeds through between two conversions.
    if (pool !== null) await new Promise((resolve) => setImmediate(resolve));
  }
  // The queue is empty: workers still loading have nothing to do; the others finish their batches.
  pool?.release();
  const busyWorkers = pool === null ? 0 : await pool.finished();
  // Seeds a failing worker gave back after the queue ran dry.
  for (const job of returned.splice(0)) convert(job);
  return busyWorkers + (mainConverted ? 1 : 0);
}

/** The worker's side: load the configuration and the pipeline, then convert each batch it is sent. */
async function workerMain(setup: { seedsDir: string; paths: ContentPaths }): Promise<void> {
  const port = parentPort!;
  const ingestSeed = await loadPipeline();
  const loaded = loadIngestConfig(setup.paths);
  if (!loaded.config) {
    port.postMessage({ type: 'unavailable', reason: 'the content files did not load' } satisfies FromWorker);
    return;
  }
  const base = loaded.config;
  let config: IngestConfig = base;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'lines') config = { ...base, repeatedLines: new Set(message.repeatedLines) };
    else port.postMessage({ type: 'converted', results: message.jobs.map((job) => convertJob(ingestSeed, job, setup.seedsDir, config)) } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

const started = workerData as { arshifIngest?: { seedsDir: string; paths: ContentPaths } } | null;
if (!isMainThread && started?.arshifIngest) await workerMain(started.arshifIngest);
