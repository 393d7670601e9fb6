/**
 * Astro integration for the relative-link build (the offline bundle): after the pages are written,
 * write the offline search index (src/search/offline-index.ts) from the same records as Pagefind's
 * (src/search/record-store.ts), and compile the search page's file:// engine
 * (src/browser/offline-search.ts, with MiniSearch) into one classic script, `offline-search/client.js`: opened from disk, a page can load only classic scripts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { buildOfflineIndex, OFFLINE_DIR } from '../search/offline-index';
import { readRecords, recordFolder } from '../search/record-store';

async function compileOfflineClient(root: string): Promise<string> {
  const licence = await readFile(path.join(root, 'node_modules/minisearch/LICENSE.txt'), 'utf8');
  const result = await build({
    entryPoints: [path.join(root, 'src/browser/offline-search.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    // Shared modules read Vite's import.meta.env; the offline page is always the relative build at the root.
    define: { 'import.meta.env.ARSHIF_LINKS': '"relative"', 'import.meta.env.BASE_URL': '"/"' },
    banner: { js: `/*! arshif offline search. Includes MiniSearch (https://github.com/lucaong/minisearch):\n${licence.trim()}\n*/` },
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(`src/browser/offline-search.ts did not compile: ${result.errors.map((e) => e.text).join('; ')}`);
  return result.outputFiles[0]!.text;
}

/** The integration; `astro.config.mjs` adds it only to relative-link builds. */
export default function offlineSearchIntegration(): AstroIntegration {
  let root = process.cwd();
  let recordsDir = '';
  return {
    name: 'arshif:offline-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        recordsDir = recordFolder(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The same records as Pagefind's (made by the article loader): both searches see the same words.
        const records = await readRecords(recordsDir);
        const files = [...buildOfflineIndex(records), { path: `${OFFLINE_DIR}/client.js`, text: await compileOfflineClient(root) }];
        const folders = new Set(files.map((file) => path.dirname(path.join(outDir, file.path))));
        for (const folder of folders) await mkdir(folder, { recursive: true });
        for (const file of files) await writeFile(path.join(outDir, file.path), file.text);
        logger.info(`wrote the offline search index of ${records.length} articles (${files.length} files) into ${path.join(outDir, OFFLINE_DIR)}`);
      },
    },
  };
}
