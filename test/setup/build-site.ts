/**
 * Global setup of the `site` test project: build the real site ONCE under the base path
 * `/archive/` into test/.tmp/site/, then hand the folder and base to every test via `inject`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { writeFoundingArchive } from './founding-archive';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built test site (what `dist/` would be). */
    siteDir: string;
    /** Base path the test site was built for, e.g. "/archive/". */
    siteBase: string;
    /** The seeds and content folders the test site was built from (the founding archive). */
    seedsDir: string;
    contentDir: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// ARSHIF_TEST_SITE_DIR gives a second checkout or a parallel run its own build folder.
const siteDir = path.resolve(root, process.env['ARSHIF_TEST_SITE_DIR'] ?? 'test/.tmp/site');
const siteBase = '/archive/';

/** Build the site with `npx astro build`; a failed build fails the whole project with its output. */
export default function setup(project: TestProject): void {
  // ARSHIF_SKIP_BUILD=1 reuses an existing build while iterating on tests.
  // The founding archive, whatever else seeds/ holds: the tests assert on those five articles.
  const { seedsDir, contentDir } = writeFoundingArchive(`${siteDir}-archive`);
  if (!(process.env['ARSHIF_SKIP_BUILD'] === '1' && existsSync(path.join(siteDir, 'index.html')))) {
    rmSync(siteDir, { recursive: true, force: true });
    const result = spawnSync('npx', ['astro', 'build'], {
      cwd: root,
      env: { ...process.env, ARSHIF_BASE: siteBase, ARSHIF_OUT_DIR: siteDir, ARSHIF_SEEDS_DIR: seedsDir, ARSHIF_CONTENT_DIR: contentDir },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`astro build failed (exit ${result.status}) while building the test site:\n${result.stdout}\n${result.stderr}`);
    }
  }
  project.provide('siteDir', siteDir);
  project.provide('siteBase', siteBase);
  project.provide('seedsDir', seedsDir);
  project.provide('contentDir', contentDir);
}
