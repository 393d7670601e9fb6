import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RenderPool, type RenderPoolOptions } from '../../src/loaders/render-pool';

interface Job {
  value: number;
  sleepMs: number;
  crash?: boolean;
  gated?: boolean;
  hang?: boolean;
}
interface Answer {
  value: number;
  thread: number;
  at: number;
}

const scripted = path.join(import.meta.dirname, 'render-pool-worker.mjs');

function pool(options: Partial<RenderPoolOptions<Job, Answer>> = {}): { pool: RenderPool<Job, Answer>; fallbacks: string[] } {
  const fallbacks: string[] = [];
  return {
    fallbacks,
    pool: new RenderPool<Job, Answer>({
      threads: 2,
      perWorker: 0,
      entry: scripted,
      setup: {},
      renderHere: (job) => ({ value: job.value, thread: threadId, at: performance.timeOrigin + performance.now() }),
      onFallback: (reason) => fallbacks.push(reason),
      ...options,
    }),
  };
}

/** Add `jobs` with a step after every third, and collect what is applied, in the order applied. */
async function run(renderPool: RenderPool<Job, Answer>, jobs: readonly Job[]): Promise<{ applied: string[]; answers: Answer[] }> {
  const applied: string[] = [];
  const answers: Answer[] = [];
  for (const job of jobs) {
    await renderPool.add(job, (answer) => {
      expect(answer.value).toBe(job.value);
      applied.push(`job ${job.value}`);
      answers.push(answer);
    });
    if (job.value % 3 === 2) renderPool.then(() => applied.push(`step after ${job.value}`));
  }
  await renderPool.finish();
  return { applied, answers };
}

function expectedOrder(count: number): string[] {
  return Array.from({ length: count }, (_, value) => (value % 3 === 2 ? [`job ${value}`, `step after ${value}`] : [`job ${value}`])).flat();
}

const jobs = (count: number, make: (value: number) => Partial<Job> = () => ({})): Job[] => Array.from({ length: count }, (_, value) => ({ value, sleepMs: 0, ...make(value) }));

describe('the render pool', () => {
  it('applies answers in the order the jobs were added, whichever thread finishes first', async () => {
    // The first batch waits until another thread has rendered a job, so later jobs are answered first.
    const { pool: renderPool, fallbacks } = pool({ setup: { gate: new SharedArrayBuffer(4) } });
    const { applied, answers } = await run(renderPool, jobs(48, (value) => ({ gated: value < 8, sleepMs: 1 })));
    expect(applied).toEqual(expectedOrder(48));
    expect(renderPool.workersStarted).toBe(2);
    expect(new Set(answers.map((answer) => answer.thread)).size).toBe(2);
    expect(answers.every((answer) => answer.thread !== threadId)).toBe(true);
    // Some job finished before one added earlier: the order is the pool's, not the threads'.
    expect(answers.some((answer, i) => i > 0 && answer.at < answers[i - 1]!.at)).toBe(true);
    expect(fallbacks).toEqual([]);
  });

  it('stops a thread that hangs, before it starts or in a job, and renders its jobs elsewhere', async () => {
    // Never ready: both threads are stopped at the deadline and the main thread renders everything.
    const silent = pool({ setup: { neverReady: true }, deadlineMs: 300 });
    const started = await run(silent.pool, jobs(20));
    expect(started.applied).toEqual(expectedOrder(20));
    expect(started.answers.every((answer) => answer.thread === threadId)).toBe(true);
    expect(silent.fallbacks).toEqual(['a render thread could not start (did not start within 0.3 s)']);
    // Hung in a job (busy for 60 s): that thread is stopped at the deadline and its batch is
    // rendered elsewhere, so the run ends long before the hung job would have.
    const hung = pool({ deadlineMs: 2_000 });
    const begun = Date.now();
    const answered = await run(hung.pool, jobs(40, (value) => ({ hang: value === 0 })));
    expect(Date.now() - begun).toBeLessThan(30_000);
    expect(answered.applied).toEqual(expectedOrder(40));
  });

  it('renders on the main thread when its threads cannot start, and says so once', async () => {
    for (const options of [{ entry: path.join(import.meta.dirname, 'no-such-worker.mjs') }, { setup: { failToStart: true } }]) {
      const { pool: renderPool, fallbacks } = pool(options);
      const { applied, answers } = await run(renderPool, jobs(20));
      expect(applied).toEqual(expectedOrder(20));
      expect(answers.every((answer) => answer.thread === threadId)).toBe(true);
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toMatch(/^a render thread could not start \(.+\)$/);
    }
  });

  it('gives the jobs of a thread that stops to the others, and to the main thread when none is left', async () => {
    // One thread ends on job 13; the other renders it.
    const once = pool({ setup: { crashes: new SharedArrayBuffer(4), crashLimit: 1 } });
    const first = await run(once.pool, jobs(40, (value) => ({ crash: value === 13 })));
    expect(first.applied).toEqual(expectedOrder(40));
    expect(first.answers[13]!.thread).not.toBe(threadId);
    expect(once.fallbacks).toEqual([]);
    // Every thread ends on job 13: the main thread renders what is left.
    const always = pool();
    const second = await run(always.pool, jobs(40, (value) => ({ crash: value === 13 })));
    expect(second.applied).toEqual(expectedOrder(40));
    expect(second.answers[13]!.thread).toBe(threadId);
    expect(always.fallbacks).toEqual(['a render thread stopped (exit code 3)']);
  });

  it('starts no thread for a few jobs, nor for none, nor when told to use one', async () => {
    for (const [options, count] of [[{ perWorker: 50 }, 30], [{ perWorker: 0 }, 0], [{ threads: 1 }, 30]] as const) {
      const { pool: renderPool, fallbacks } = pool(options);
      const { applied, answers } = await run(renderPool, jobs(count));
      expect(applied).toEqual(expectedOrder(count));
      expect(answers.every((answer) => answer.thread === threadId)).toBe(true);
      expect(renderPool.workersStarted).toBe(0);
      expect(fallbacks).toEqual([]);
    }
    // Two threads at twice `perWorker` jobs, then one more per `perWorker`, up to `threads`.
    const { pool: renderPool } = pool({ threads: 4, perWorker: 20 });
    await run(renderPool, jobs(70));
    expect(renderPool.workersStarted).toBe(3);
  });

  it('stops at the first error an answer or a step throws, after applying everything before it', async () => {
    for (const threads of [1, 2]) {
      const { pool: renderPool } = pool({ threads });
      const applied: number[] = [];
      const adding = (async () => {
        for (const job of jobs(60)) {
          await renderPool.add(job, () => {
            if (job.value === 21) throw new Error('content/articles/x.mdx: unknown MDX component <Box>.');
            applied.push(job.value);
          });
        }
      })();
      const failed = adding.then(
        () => renderPool.finish(),
        async (error: unknown) => {
          await renderPool.close();
          throw error;
        },
      );
      await expect(failed).rejects.toThrow('content/articles/x.mdx: unknown MDX component <Box>.');
      expect(applied).toEqual(Array.from({ length: 21 }, (_, i) => i));
    }
    const { pool: renderPool } = pool();
    await renderPool.add({ value: 0, sleepMs: 0 }, () => undefined);
    renderPool.then(() => {
      throw new Error('a step failed');
    });
    await renderPool.add({ value: 1, sleepMs: 0 }, () => {
      throw new Error('not reached');
    });
    await expect(renderPool.finish()).rejects.toThrow('a step failed');
  });
});
