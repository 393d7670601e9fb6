// A scripted render thread for test/loaders/render-pool.test.ts, serving through the real
// serveRenders: each job sleeps `sleepMs`, may wait until another thread has rendered a job (`gated`),
// may end its thread, may hang (`hang`, or `neverReady` before it starts), and answers with where it ran.
import { threadId } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveRenders } = await import('../../src/loaders/render-pool.ts');

await serveRenders(async (setup) => {
  if (setup.failToStart) throw new Error('this thread cannot render');
  // A thread that never says it is ready.
  if (setup.neverReady) {
    setInterval(() => {}, 1_000);
    await new Promise(() => {});
  }
  const crashes = setup.crashes ? new Int32Array(setup.crashes) : null;
  const gate = setup.gate ? new Int32Array(setup.gate) : null;
  return (job) => {
    // A thread that hangs in a job: busy until it is stopped.
    if (job.hang) for (const end = Date.now() + 60_000; Date.now() < end; );
    if (job.sleepMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.sleepMs);
    if (job.gated && gate !== null) Atomics.wait(gate, 0, 0, 10_000);
    else if (gate !== null) {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    }
    // The first thread sent a crashing job ends; with `crashes` only the first `crashLimit` do.
    if (job.crash && (crashes === null || Atomics.add(crashes, 0, 1) < setup.crashLimit)) process.exit(3);
    return { value: job.value, thread: threadId, at: performance.timeOrigin + performance.now() };
  };
});
