import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { heapLimitMb, runWithHeapLimit } from '../../src/cli/build';
import { tempDir } from './run-ingest';

describe('the build command', () => {
  it('takes the heap limit from ARSHIF_HEAP_MB, else three quarters of memory up to 16 GB', () => {
    expect(heapLimitMb({ ARSHIF_HEAP_MB: '6000' }, 24 * 1024 ** 3)).toBe(6000);
    expect(heapLimitMb({}, 8 * 1024 ** 3)).toBe(6144);
    expect(heapLimitMb({}, 64 * 1024 ** 3)).toBe(16384);
    expect(heapLimitMb({ ARSHIF_HEAP_MB: 'lots' }, 8 * 1024 ** 3)).toBe(6144);
  });

  it('says what to do when the build runs out of memory, instead of ending on a V8 crash', async () => {
    const script = join(tempDir(), 'hungry.mjs');
    writeFileSync(script, 'const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random()));\n');
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await runWithHeapLimit(script, [], 48)).toBe(3);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/The build ran out of memory at its heap limit of 48 MB \(this machine has [\d,]+ MB\)\.\nSet a larger limit with ARSHIF_HEAP_MB/);
  }, 60_000);

  it('passes a normal exit code through', async () => {
    const script = join(tempDir(), 'fine.mjs');
    writeFileSync(script, 'process.exitCode = 0;\n');
    expect(await runWithHeapLimit(script, [], 256)).toBe(0);
    writeFileSync(script, 'process.exitCode = 5;\n');
    expect(await runWithHeapLimit(script, [], 256)).toBe(5);
  });
});
