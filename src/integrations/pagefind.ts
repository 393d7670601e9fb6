/**
 * Astro integration: after `astro build`, index every article with Pagefind's Node API (language
 * `ar`) and write the bundle to `<outDir>/pagefind/`. Articles go in as custom records built by
 * `src/search/record.ts`, so the index holds our search spelling while excerpts keep the original.
 * The records are made by the article loader as it renders each article and read back here
 * (src/search/record-store.ts): no article is read or parsed a second time.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { separableAppendix, type SearchRecord } from '../search/record';
import { recordBatches, recordFolder } from '../search/record-store';
import { sealMeta } from '../search/sealed-meta';
import { searchBundleFolder } from '../shards/current';

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

/**
 * Index the records and write the Pagefind bundle to `outputPath`; returns how many were indexed.
 * Records go to Pagefind's service a batch at a time, the batch's requests all in flight at once:
 * one round trip at a time left both sides idle. The bundle is the same as when they go one at a
 * time (test/integrations/pagefind.test.ts).
 */
export async function writeSearchIndex(records: readonly SearchRecord[] | AsyncIterable<readonly SearchRecord[]>, outputPath: string): Promise<number> {
  const batches = Array.isArray(records) ? inBatches(records as readonly SearchRecord[]) : (records as AsyncIterable<readonly SearchRecord[]>);
  let count = 0;
  /** Each record's meta as the fragments serve it, by URL. */
  const servedMeta = new Map<string, Record<string, string>>();
  try {
    // Pagefind's service panics without replying when it cannot create the folder; find out first.
    await mkdir(outputPath, { recursive: true });
    const { index, errors } = await withDeadline('start an index', pagefind.createIndex({ forceLanguage: 'ar' }));
    check('start an index', errors);
    if (!index) throw new Error('Pagefind returned no index and no error.');
    for await (const batch of batches) {
      const step = `index ${batch[0]?.url ?? ''} and the ${batch.length - 1} records after it`;
      for (const record of batch) servedMeta.set(record.url, record.meta);
      const added = await withDeadline(step, Promise.all(batch.map((record) => index.addCustomRecord({ ...record, meta: metaToIndex(record.meta) }))));
      added.forEach((response, i) => check(`index ${batch[i]!.url}`, response.errors));
      count += batch.length;
    }
    const written = await withDeadline(`write ${outputPath}`, index.writeFiles({ outputPath }));
    check(`write ${outputPath}`, written.errors);
    await slimFragments(outputPath, servedMeta);
    return count;
  } catch (error) {
    throw new Error('Building the search index failed; the site has no working search.', { cause: error });
  } finally {
    await pagefind.close();
  }
}

/**
 * The meta Pagefind is given: sealed, since Pagefind would index its words too
 * (src/search/sealed-meta.ts), and without the body text, the largest field, which Pagefind would
 * only carry into the fragments: the fragment rewrite puts the record's own meta back.
 */
function metaToIndex(meta: Readonly<Record<string, string>>): Record<string, string> {
  const { text: _text, ...rest } = meta;
  return sealMeta(rest);
}

/** The signature Pagefind puts before the JSON of every file it writes (and checks when reading). */
const SIGNATURE = 'pagefind_dcd';

/** The part of a Pagefind fragment this rewrites. */
interface Fragment {
  url?: unknown;
  content?: unknown;
  meta?: Record<string, string>;
  filters?: unknown;
}

/**
 * A fragment without what the search page never reads from it. The content (the record's words in
 * search spelling) repeats the title and `meta.text` word for word, folded, then lists the entity
 * and source spellings: where the title and text give the first part back exactly, `content` is
 * left empty and the search page rebuilds the words with `rebuildContent` (src/browser/search-page.ts);
 * the spellings are only needed in the index, as `meta.entities` already says where the body
 * mentions each entity. Pagefind's own excerpt, unused there (`excerptLength: 0`), is then empty.
 * The filter values are dropped: the page shows the archive's counts and never a result's filters,
 * and Pagefind filters with its filter index, not with fragments.
 */
function slimFragment(fragment: Fragment, servedMeta: ReadonlyMap<string, Record<string, string>>): void {
  // Pagefind holds the meta sealed and without the text (`metaToIndex`); readers get the record's.
  const meta = typeof fragment.url === 'string' ? servedMeta.get(fragment.url) : undefined;
  if (meta === undefined) throw new Error(`Pagefind wrote a fragment for ${String(fragment.url)}, which no record has.`);
  fragment.meta = { ...meta };
  delete fragment.filters;
  if (typeof fragment.content === 'string' && fragment.content !== '' && separableAppendix(fragment.content, fragment.meta) !== null) fragment.content = '';
}

/**
 * Rewrite every fragment Pagefind wrote under `outputPath`/fragment/: the record's meta put back,
 * content moved out (`slimFragment`). A file keeps its name: Pagefind's index finds fragments by it, and the name is
 * still a hash of what the file holds (the rewrite is a function of the fragment). Deterministic:
 * gzip output depends only on its input.
 */
async function slimFragments(outputPath: string, servedMeta: ReadonlyMap<string, Record<string, string>>): Promise<void> {
  const folder = path.join(outputPath, 'fragment');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.pf_fragment')).sort();
  for (const name of names) {
    const file = path.join(folder, name);
    const raw = gunzipSync(await readFile(file));
    // Every fragment must be rewritten: its meta is still sealed and lacks the text.
    if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${file} does not start with Pagefind's signature; this Pagefind writes fragments the build cannot read.`);
    const parsed = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as Fragment | Record<string, Fragment>;
    // One fragment per file, or (Pagefind's fragment groups) several by hash.
    const fragments = 'url' in parsed ? [parsed as Fragment] : Object.values(parsed as Record<string, Fragment>);
    for (const fragment of fragments) if (typeof fragment === 'object' && fragment !== null) slimFragment(fragment, servedMeta);
    await writeFile(file, gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(JSON.stringify(parsed), 'utf8')]), { level: 9 }));
  }
}

/** Records sent to Pagefind at once. */
const ADD_BATCH = 64;

function* inBatches(records: readonly SearchRecord[]): Generator<readonly SearchRecord[]> {
  for (let i = 0; i < records.length; i += ADD_BATCH) yield records.slice(i, i + ADD_BATCH);
}

/** The integration: runs after the pages are written. */
export default function pagefindIntegration(): AstroIntegration {
  let records = '';
  return {
    name: 'arshif:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        records = recordFolder(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A sharded build's hub renders no article, so it indexes none; each article shard writes
        // its own bundle, which the search page merges (src/shards/plan.ts).
        const folder = searchBundleFolder();
        if (folder === null) return;
        const started = performance.now();
        const outputPath = path.join(fileURLToPath(dir), folder);
        const count = await writeSearchIndex(recordBatches(records, ADD_BATCH), outputPath);
        // The benchmark reads the seconds from this line (search-indexing time).
        logger.info(`indexed ${count} articles into ${outputPath} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
