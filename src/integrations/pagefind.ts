/**
 * Astro integration: after `astro build`, index every article with Pagefind's Node API (language
 * `ar`) and write the bundle to `<outDir>/pagefind/`. Articles go in as custom records built by
 * `src/search/record.ts`, so the index holds our search spelling while excerpts keep the original.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { articleFiles, articleText, gazetteerForBuild } from '../loaders/build-content';
import { articleSchema } from '../schema';
import { readSettings } from '../settings';
import { contentError } from '../site/content-error';
import { parseArticleFile } from '../search/article-file';
import { mdxToPlainText } from '../search/plain-text';
import { buildSearchRecord, type SearchRecord, type SearchableEntity } from '../search/record';
import { formatGregorianDate } from '../arabic/dates-format';

/** Where the content lives: `ARSHIF_CONTENT_DIR` (e.g. a generated benchmark archive) or `content/`. */
export function contentDirectory(root: string): string {
  return path.resolve(root, readSettings().contentDir);
}

/**
 * One search record per article file, in file-name order (a deterministic index); the gazetteer and
 * the articles are read through the build's content loaders.
 */
export function loadRecords(content: string): SearchRecord[] {
  const entities = new Map<string, SearchableEntity>(gazetteerForBuild(path.join(content, 'gazetteer')).map((entity) => [entity.id, entity]));
  const records: SearchRecord[] = [];
  for (const file of articleFiles(path.join(content, 'articles')) ?? []) {
    const { data, body } = parseArticleFile(articleText(file));
    const result = articleSchema.safeParse(data);
    if (!result.success) {
      throw contentError(`${file}: its frontmatter does not match the article schema, so it cannot be indexed.`, 'Run `npm run ingest -- --check`; articles are written by ingest, not by hand.');
    }
    records.push(buildSearchRecord(result.data, mdxToPlainText(body), entities, formatGregorianDate));
  }
  return records;
}

/** Fail with Pagefind's own messages when a response carries errors. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`, { cause: errors });
}

/** Longest any single Pagefind call may take: its service can die without answering. */
const PAGEFIND_DEADLINE_MS = 10 * 60 * 1000;

/** Reject if `promise` has not settled in time, so a crashed Pagefind fails the build instead of hanging it. */
async function withDeadline<T>(step: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Pagefind did not answer within ${PAGEFIND_DEADLINE_MS / 60000} minutes while trying to ${step}.`)), PAGEFIND_DEADLINE_MS);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Index the records and write the Pagefind bundle to `outputPath`. */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  try {
    // Pagefind's service panics without replying when it cannot create the folder; find out first.
    await mkdir(outputPath, { recursive: true });
    const { index, errors } = await withDeadline('start an index', pagefind.createIndex({ forceLanguage: 'ar' }));
    check('start an index', errors);
    if (!index) throw new Error('Pagefind returned no index and no error.');
    for (const record of records) {
      const added = await withDeadline(`index ${record.url}`, index.addCustomRecord(record));
      check(`index ${record.url}`, added.errors);
    }
    const written = await withDeadline(`write ${outputPath}`, index.writeFiles({ outputPath }));
    check(`write ${outputPath}`, written.errors);
  } catch (error) {
    throw new Error('Building the search index failed; the site has no working search.', { cause: error });
  } finally {
    await pagefind.close();
  }
}

/** The integration: runs after the pages are written. */
export default function pagefindIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'arshif:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const records = loadRecords(contentDirectory(root));
        const outputPath = path.join(fileURLToPath(dir), 'pagefind');
        await writeSearchIndex(records, outputPath);
        // The benchmark reads the seconds from this line (search-indexing time).
        logger.info(`indexed ${records.length} articles into ${outputPath} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
