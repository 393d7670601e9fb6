/**
 * Rendering on several cores during the content sync, with the answers applied in the order the
 * work was added. The caller adds jobs (and plain steps) in file order; worker threads take small
 * batches of the jobs, two batches in flight each, and answer in any order; a reorder buffer applies
 * each answer once every earlier job and step has been applied, so what the caller writes is the
 * same, byte for byte, whichever thread rendered what and whenever it finished.
 *
 * Small runs pay nothing: workers start only once `perWorker` jobs per worker have been added, and a
 * run that ends with fewer renders them on the main thread. A worker that cannot start or stops —
 * or does not start or answer within a deadline, which a hung worker would otherwise turn into a
 * hung build — hands its jobs back; when no worker is left the main thread renders the rest itself,
 * and the caller is told once. A job that fails to render is an answer like any other (the caller decides
 * what its error says), never a reason to stop a worker.
 *
 * Workers start from a plain JavaScript entry file (`entry`), not from this module: the content layer
 * loads its loaders through Vite, whose module addresses a worker cannot start.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Jobs sent to a worker at once; two batches are in flight so a worker never waits. */
const BATCH = 8;

/** Jobs added but not yet applied before `add` waits: bounds what is held in memory. */
const WINDOW = 256;

export interface RenderPoolOptions<Job, Answer> {
  /** Threads to render with: worker threads, or the main thread alone when 1 or less. */
  threads: number;
  /**
   * Jobs added per worker started: the first two start at twice this many, each further one at
   * this many more (0: every worker starts with the first job).
   */
  perWorker: number;
  /** The worker's entry file, which calls `serveRenders`. */
  entry: string;
  /** Handed to `serveRenders`' setup in every worker (structured-cloned). */
  setup: unknown;
  /** The same render, on the main thread; must not throw. */
  renderHere: (job: Job) => Answer;
  /** Told once, when the main thread takes over from workers that could not start or stopped. */
  onFallback: (reason: string) => void;
  /**
   * How long a worker may take to start or to answer a batch before it is stopped and its jobs
   * handed back (default DEADLINE_MS): a worker that hangs must not hang the build.
   */
  deadlineMs?: number;
}

/** A batch of eight articles renders in milliseconds; a minute without an answer is a hung thread. */
const DEADLINE_MS = 60_000;

type ToWorker<Job> = { type: 'render'; jobs: Array<{ index: number; job: Job }> };
type FromWorker<Answer> = { type: 'ready' } | { type: 'rendered'; answers: Array<{ index: number; answer: Answer }> };

type Entry<Job, Answer> =
  | { kind: 'step'; run: () => void }
  | { kind: 'job'; job: Job; answer: { value: Answer } | null; apply: (answer: Answer) => void };

interface Slot<Job> {
  worker: Worker | null;
  ready: boolean;
  stopped: boolean;
  batches: number;
  answered: boolean;
  /** Jobs sent and not answered, by index. */
  outstanding: Map<number, Job>;
  /** Stops the worker if it neither starts nor answers in time (see `deadlineMs`). */
  deadline: ReturnType<typeof setTimeout> | null;
}

export class RenderPool<Job, Answer> {
  private readonly entries = new Map<number, Entry<Job, Answer>>();
  /** Index of the next entry added, and of the next to apply. */
  private added = 0;
  private applied = 0;
  private jobsAdded = 0;
  private jobsUnapplied = 0;
  /** Jobs not sent to any worker yet, by index, in order. */
  private queue: number[] = [];
  private readonly slots: Array<Slot<Job>> = [];
  /** Whether the main thread renders (one thread, or every worker gone). */
  private here: boolean;
  private closed = false;
  private failure: { error: unknown } | null = null;
  private waiting: Array<() => void> = [];

  constructor(private readonly options: RenderPoolOptions<Job, Answer>) {
    this.here = options.threads <= 1;
  }

  /**
   * Add a job; `apply` gets its answer after everything added before it has been applied. Resolves
   * when there is room for more; rejects with the first error an `apply` or step threw.
   */
  async add(job: Job, apply: (answer: Answer) => void): Promise<void> {
    this.rethrow();
    const index = this.added++;
    this.entries.set(index, { kind: 'job', job, answer: null, apply });
    this.jobsAdded++;
    this.jobsUnapplied++;
    this.queue.push(index);
    this.startWorkers();
    this.dispatch();
    while (this.failure === null && this.jobsUnapplied >= WINDOW) await this.change();
    this.rethrow();
  }

  /** Add a step that renders nothing; it runs after everything added before it has been applied. */
  then(step: () => void): void {
    if (this.failure !== null) return;
    this.entries.set(this.added++, { kind: 'step', run: step });
    this.flush();
  }

  /**
   * Wait until every job and step has been applied (rendering on the main thread what no worker
   * started for), then stop the workers. Throws the first error an `apply` or step threw.
   */
  async finish(): Promise<void> {
    try {
      if (this.slots.length === 0) this.here = true;
      this.dispatch();
      while (this.failure === null && this.applied < this.added) await this.change();
      this.rethrow();
    } finally {
      await this.close();
    }
  }

  /** Stop every worker now; jobs not applied yet are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) this.disarm(slot);
    const stopping = this.slots.filter((slot) => !slot.stopped);
    for (const slot of stopping) slot.stopped = true;
    await Promise.all(stopping.map((slot) => slot.worker?.terminate()));
  }

  /** How many workers have been started. */
  get workersStarted(): number {
    return this.slots.length;
  }

  /** How many workers have answered at least one batch. */
  get workersUsed(): number {
    return this.slots.filter((slot) => slot.answered).length;
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure.error;
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private changed(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private fail(error: unknown): void {
    if (this.failure === null) this.failure = { error };
    void this.close();
    this.changed();
  }

  /** Start the workers the jobs added so far pay for. */
  private startWorkers(): void {
    const { threads, perWorker } = this.options;
    // A lone worker renders no faster than the main thread, so the first two start together; and a
    // full window must not wait for more jobs.
    const needed = (count: number): number => Math.max(1, Math.min(WINDOW, Math.max(2, count) * perWorker));
    while (!this.here && !this.closed && this.slots.length < threads && this.jobsAdded >= needed(this.slots.length + 1)) this.start();
  }

  /** Send queued jobs to the workers that have room, or render them here when no worker is left. */
  private dispatch(): void {
    if (this.here) {
      this.renderQueuedHere();
      return;
    }
    for (const slot of this.slots) {
      while (slot.ready && !slot.stopped && slot.batches < 2 && this.queue.length > 0) {
        const jobs = this.queue.splice(0, BATCH).map((index) => ({ index, job: this.jobAt(index).job }));
        for (const { index, job } of jobs) slot.outstanding.set(index, job);
        slot.batches++;
        this.arm(slot, 'answer');
        slot.worker!.postMessage({ type: 'render', jobs } satisfies ToWorker<Job>);
      }
    }
  }

  private renderQueuedHere(): void {
    for (let index = this.queue.shift(); index !== undefined && this.failure === null; index = this.queue.shift()) {
      const entry = this.jobAt(index);
      let answer: Answer;
      try {
        answer = this.options.renderHere(entry.job);
      } catch (error) {
        this.fail(error);
        return;
      }
      entry.answer = { value: answer };
      this.flush();
    }
  }

  private jobAt(index: number): Extract<Entry<Job, Answer>, { kind: 'job' }> {
    const entry = this.entries.get(index);
    if (entry?.kind !== 'job') throw new Error(`render pool: no job at ${index}`);
    return entry;
  }

  /** Apply every entry whose turn has come, in order. */
  private flush(): void {
    for (let entry = this.entries.get(this.applied); entry !== undefined && this.failure === null; entry = this.entries.get(this.applied)) {
      if (entry.kind === 'job' && entry.answer === null) break;
      this.entries.delete(this.applied);
      this.applied++;
      try {
        if (entry.kind === 'step') entry.run();
        else {
          this.jobsUnapplied--;
          entry.apply(entry.answer!.value);
        }
      } catch (error) {
        this.fail(error);
      }
    }
    this.changed();
  }

  private start(): void {
    const slot: Slot<Job> = { worker: null, ready: false, stopped: false, batches: 0, answered: false, outstanding: new Map(), deadline: null };
    this.slots.push(slot);
    try {
      slot.worker = new Worker(this.options.entry, { workerData: { arshifRenderPool: this.options.setup } });
    } catch (error) {
      this.lost(slot, (error as Error).message);
      return;
    }
    this.arm(slot, 'start');
    slot.worker.on('message', (message: FromWorker<Answer>) => {
      if (slot.stopped) return;
      try {
        if (message.type === 'ready') {
          slot.ready = true;
          this.disarm(slot);
        } else {
          slot.batches--;
          if (slot.batches > 0) this.arm(slot, 'answer');
          else this.disarm(slot);
          slot.answered = true;
          for (const { index, answer } of message.answers) {
            slot.outstanding.delete(index);
            this.jobAt(index).answer = { value: answer };
          }
        }
        this.dispatch();
        this.flush();
      } catch (error) {
        this.fail(error);
      }
    });
    slot.worker.on('error', (error: Error) => this.lost(slot, error.message));
    slot.worker.on('exit', (code: number) => this.lost(slot, `exit code ${code}`));
  }

  /** (Re)start the slot's deadline for what it is waiting for: the worker to start, or an answer. */
  private arm(slot: Slot<Job>, awaiting: 'start' | 'answer'): void {
    this.disarm(slot);
    const ms = this.options.deadlineMs ?? DEADLINE_MS;
    slot.deadline = setTimeout(() => this.lost(slot, `${awaiting === 'start' ? 'did not start' : 'did not answer'} within ${ms / 1000} s`), ms);
    // A pending deadline alone never keeps the process alive.
    slot.deadline.unref();
  }

  private disarm(slot: Slot<Job>): void {
    if (slot.deadline !== null) clearTimeout(slot.deadline);
    slot.deadline = null;
  }

  /** A worker failed or stopped: its jobs go back to the queue, and to the main thread if no worker is left. */
  private lost(slot: Slot<Job>, why: string): void {
    if (slot.stopped) return;
    slot.stopped = true;
    this.disarm(slot);
    void slot.worker?.terminate();
    if (slot.outstanding.size > 0) this.queue = [...this.queue, ...slot.outstanding.keys()].sort((a, b) => a - b);
    slot.outstanding.clear();
    if (!this.here && this.slots.every((other) => other.stopped)) {
      this.here = true;
      this.options.onFallback(`a render thread ${slot.ready ? 'stopped' : 'could not start'} (${why})`);
    }
    this.dispatch();
  }
}

/**
 * The worker's side, called by the entry file: make the render function from the pool's `setup`
 * (loading what it needs), say so, then answer each batch it is sent.
 */
export async function serveRenders<Job, Answer, Setup>(makeRender: (setup: Setup) => ((job: Job) => Answer) | Promise<(job: Job) => Answer>): Promise<void> {
  const port = parentPort;
  const setup = (workerData as { arshifRenderPool?: Setup } | null)?.arshifRenderPool;
  if (port === null || setup === undefined) throw new Error('serveRenders runs in a worker started by RenderPool');
  const render = await makeRender(setup);
  port.on('message', (message: ToWorker<Job>) => {
    port.postMessage({ type: 'rendered', answers: message.jobs.map(({ index, job }) => ({ index, answer: render(job) })) } satisfies FromWorker<Answer>);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker<Answer>);
}
