/**
 * Astro integration for the relative-link build (`ARSHIF_LINKS=relative`): after the pages are
 * written, replace the root mark that `href` and Astro's asset links wrote (`RELATIVE_ROOT`) in every
 * HTML page and style sheet with the way up from that file, so the site opens from disk (file://) with its links,
 * styles, scripts and fonts. Then make sure no text file still holds the mark.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { RELATIVE_ROOT, resolveRelativeRoot } from '../site/urls';

/** Every file below `dir`, as paths relative to it with "/" separators, sorted. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Files the build renders or bundles, so could carry a link (seeds, MDX and the search indexes are data). */
const TEXT_FILE = /\.(?:html|css|js|mjs|xml|svg)$/;
const DATA_FOLDER = /^(?:pagefind|offline-search|seeds|mdx|data)\//;

/** Rewrite the pages below `dir`; throws naming the first file where a mark was left behind. */
async function resolveRelativeLinks(dir: string): Promise<number> {
  const files = await listTree(dir);
  let pages = 0;
  for (const file of files) {
    // Pages link to pages and assets; style sheets to fonts (Astro writes the mark there too).
    if (!file.endsWith('.html') && !file.endsWith('.css')) continue;
    const full = path.join(dir, file);
    const text = await readFile(full, 'utf8');
    if (!text.includes(RELATIVE_ROOT)) continue;
    await writeFile(full, resolveRelativeRoot(text, file));
    pages += 1;
  }
  for (const file of files) {
    if (!TEXT_FILE.test(file) || DATA_FOLDER.test(file)) continue;
    const text = await readFile(path.join(dir, file), 'utf8');
    if (text.includes(RELATIVE_ROOT)) {
      throw new Error(`${path.join(dir, file)} still holds the root mark ${RELATIVE_ROOT} after the relative-link pass; a link in it was made outside src/site/urls.ts's href or in a file kind this pass does not rewrite.`);
    }
  }
  return pages;
}

/** The integration; `astro.config.mjs` adds it only to relative-link builds. */
export default function relativeLinksIntegration(): AstroIntegration {
  return {
    name: 'arshif:relative-links',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await resolveRelativeLinks(fileURLToPath(dir));
        logger.info(`made the links of ${pages} pages and style sheets relative`);
      },
    },
  };
}
