import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Every file below `dir` with the SHA-256 of its bytes, keyed by relative path. */
function digestTree(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    digests.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return digests;
}

/** The parent environment minus what the test runner adds (Vite's BASE_URL, MODE … leak into Astro's build). */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) continue;
    env[key] = value;
  }
  return env;
}

describe('the built site', () => {
  it('is byte-identical when built again in another time zone and locale', () => {
    const siteDir = inject('siteDir');
    const again = path.join(path.dirname(siteDir), 'site-again');
    rmSync(again, { recursive: true, force: true });
    const result = spawnSync('npx', ['astro', 'build'], {
      cwd: path.resolve(siteDir, '../../..'),
      env: { ...buildEnvironment(), ARSHIF_BASE: inject('siteBase'), ARSHIF_SEEDS_DIR: inject('seedsDir'), ARSHIF_CONTENT_DIR: inject('contentDir'), ARSHIF_OUT_DIR: again, TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(result.status, result.stderr).toBe(0);
    const first = digestTree(siteDir);
    const second = digestTree(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([file, digest]) => second.get(file) !== digest).map(([file]) => file);
    expect(differing).toEqual([]);
    rmSync(again, { recursive: true, force: true });
  }, 600_000);
});
