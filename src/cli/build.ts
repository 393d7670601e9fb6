/**
 * `astro build` with a heap limit that fits large archives (Node's default is far below what a
 * 10,000-article build needs), and a clear message — not a V8 crash dump — when memory runs out.
 * `npm run build` runs it after ingest. ARSHIF_HEAP_MB sets the limit; by default three quarters of
 * this machine's memory, at most 16 GB.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The heap limit in MB: ARSHIF_HEAP_MB, or ¾ of physical memory capped at 16 GB. */
export function heapLimitMb(env: NodeJS.ProcessEnv = process.env, memoryBytes = totalmem()): number {
  const asked = Number(env['ARSHIF_HEAP_MB']);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.min(16 * 1024, Math.floor((memoryBytes / 1024 / 1024) * 0.75));
}

/** What V8 prints when the heap limit is reached. */
const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|Allocation failed/;

/**
 * Run a Node script with the heap limit; stdout and stderr pass through. Resolves to the exit code,
 * after printing what to do when the process ran out of memory.
 */
export function runWithHeapLimit(script: string, args: readonly string[], heapMb: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, script, ...args], { stdio: ['inherit', 'inherit', 'pipe'] });
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    });
    child.on('close', (code, signal) => {
      if (OUT_OF_MEMORY.test(tail)) {
        const machine = Math.floor(totalmem() / 1024 / 1024);
        process.stderr.write(
          `\nThe build ran out of memory at its heap limit of ${heapMb.toLocaleString('en')} MB (this machine has ${machine.toLocaleString('en')} MB).\n` +
            'Set a larger limit with ARSHIF_HEAP_MB=<megabytes> npm run build, or build on a machine with more memory.\n',
        );
        resolve(3);
        return;
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// Run as the build command (not when imported by a test).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const astro = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/astro/bin/astro.mjs');
  process.exitCode = await runWithHeapLimit(astro, ['build', ...process.argv.slice(2)], heapLimitMb());
}
