/**
 * The article loader run as the content layer runs it (a store, parseData, digests), on the founding
 * archive and synthetic articles: rendering on threads writes the same bytes as on the main thread.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleLoader } from '../../src/loaders/article-loader';
import { articleHtmlFolder } from '../../src/loaders/article-html-store';
import { articleSchema } from '../../src/schema';
import { recordFolder } from '../../src/search/record-store';
import { writeSyntheticSeeds } from '../../scripts/synthetic-seeds';
import { ingest } from '../cli/run-ingest';
import { root, writeFoundingArchive } from '../setup/founding-archive';

const work = path.join(root, 'test/.tmp', `article-loader-${process.pid}`);
let contentDir: string;

beforeAll(() => {
  const archive = writeFoundingArchive(work);
  contentDir = archive.contentDir;
  // The founding five and 75 synthetic articles: enough for several batches on each thread.
  writeSyntheticSeeds(archive.seedsDir, 75);
  const result = ingest(['--seeds', archive.seedsDir, '--out', path.join(contentDir, 'articles'), '--no-cache']);
  expect(result.status, result.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

type Entry = Parameters<LoaderContext['store']['set']>[0];

/** What one sync left: the store's entries in order, and the files beside it. */
interface Synced {
  entries: Entry[];
  html: Record<string, string>;
  records: Record<string, string>;
  log: string[];
}

/** A store as Astro's: entries in insertion order, a set of an existing id keeping its place. */
function fakeStore(entries: Map<string, Entry>): LoaderContext['store'] {
  return {
    get: (id) => entries.get(id) as never,
    entries: () => [...entries],
    set: (entry) => (entries.set(entry.id, entry), true),
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (id) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id) => entries.has(id),
    addModuleImport: () => undefined,
  };
}

function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

/** Sync the archive into its own cache folder with `threads` render threads (again: keeping its store). */
async function sync(name: string, threads: string, options: { root?: string; store?: Map<string, Entry> } = {}): Promise<Synced & { store: Map<string, Entry> }> {
  vi.stubEnv('ARSHIF_RENDER_THREADS', threads);
  const cacheDir = path.join(work, name, 'cache');
  const outDir = path.join(work, name, 'dist');
  const store = options.store ?? new Map<string, Entry>();
  const log: string[] = [];
  const logged = (level: string) => (message: string) => log.push(`${level} ${message}`);
  const context = {
    store: fakeStore(store),
    parseData: async ({ data }: { data: Record<string, unknown> }) => articleSchema.parseAsync(data),
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 16),
    logger: { info: logged('info'), warn: logged('warn'), error: logged('error'), debug: logged('debug') },
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`), root: pathToFileURL(`${options.root ?? root}/`) },
  } as unknown as LoaderContext;
  await articleLoader(contentDir).load(context);
  const htmlFolder = articleHtmlFolder(cacheDir, outDir);
  return {
    store,
    // The HTML file's folder is the cache's: compare its name.
    entries: [...store.values()].map((entry) => {
      const metadata = entry.rendered?.metadata as Record<string, unknown> | undefined;
      return metadata?.['htmlFile'] === undefined ? entry : { ...entry, rendered: { ...entry.rendered, metadata: { ...metadata, htmlFile: path.relative(htmlFolder, String(metadata['htmlFile'])) } } };
    }) as Entry[],
    html: filesOf(htmlFolder),
    records: filesOf(recordFolder(cacheDir, outDir)),
    log,
  };
}

describe('the article loader', () => {
  it('writes the same store, HTML files, search records and records.json on two threads as on one', async () => {
    const one = await sync('one', '1');
    const two = await sync('two', '2');
    expect(one.entries).toHaveLength(80);
    expect(Object.keys(one.html)).toHaveLength(80);
    expect(JSON.parse(one.records['records.json']!)).toHaveLength(80);
    expect(one.log).toEqual(['info 80 of 80 articles rendered, 0 unchanged']);
    expect(two.log).toEqual(['info 80 of 80 articles rendered, 0 unchanged (2 render threads)']);
    expect(two.entries).toEqual(one.entries);
    expect(two.html).toEqual(one.html);
    expect(two.records).toEqual(one.records);
    expect(JSON.stringify(two.entries)).toBe(JSON.stringify(one.entries));
  });

  it('starts no thread when nothing changed, and renders only what did', async () => {
    const first = await sync('again', '2');
    const unchanged = await sync('again', '2', { store: first.store });
    expect(unchanged.log).toEqual(['info 0 of 80 articles rendered, 80 unchanged']);
    expect(unchanged.records).toEqual(first.records);
    // By default a handful of changed articles is rendered on the main thread.
    const article = path.join(contentDir, 'articles', readdirSync(path.join(contentDir, 'articles')).sort()[7]!);
    const text = readFileSync(article, 'utf8');
    try {
      writeFileSync(article, text.replace(/\n$/, '\n\nفقرة أضيفت.\n'));
      vi.stubEnv('ARSHIF_RENDER_THREADS', '');
      const changed = await sync('again', '', { store: unchanged.store });
      expect(changed.log).toEqual(['info 1 of 80 articles rendered, 79 unchanged']);
    } finally {
      writeFileSync(article, text);
    }
  });

  it('renders on the main thread, and says so, when a render thread cannot start', async () => {
    const one = await sync('one', '1');
    const elsewhere = path.join(work, 'no-entry');
    mkdirSync(elsewhere, { recursive: true });
    const fallback = await sync('fallback', '2', { root: elsewhere });
    expect(fallback.log).toHaveLength(2);
    expect(fallback.log[0]).toMatch(/^warn a render thread could not start \(.+\); rendering on the main thread$/);
    expect(fallback.log[1]).toBe('info 80 of 80 articles rendered, 0 unchanged');
    expect(fallback.entries).toEqual(one.entries);
    expect(fallback.html).toEqual(one.html);
    expect(fallback.records).toEqual(one.records);
  });

  it('names the article that does not render, whichever thread rendered it', async () => {
    const articles = path.join(contentDir, 'articles');
    const names = readdirSync(articles).sort();
    const broken = path.join(articles, names[41]!);
    const text = readFileSync(broken, 'utf8');
    const messages: string[] = [];
    try {
      writeFileSync(broken, `${text}\n<Box>نص</Box>\n`);
      for (const threads of ['1', '2']) {
        const failed = await sync(`broken-${threads}`, threads).then(
          () => 'rendered',
          (error: Error) => `${error.message} / ${(error as Error & { hint?: string }).hint}`,
        );
        messages.push(failed);
      }
    } finally {
      writeFileSync(broken, text);
    }
    expect(messages[0]).toBe(`${broken}: unknown MDX component <Box>; articles use only Entity, Quote, Question and Answer. / Articles are written by \`npm run ingest\`; run it again instead of editing the MDX by hand.`);
    expect(messages[1]).toBe(messages[0]);
  });

  it('stops at the first article whose frontmatter the schema refuses, on any number of threads', async () => {
    const articles = path.join(contentDir, 'articles');
    const names = readdirSync(articles).sort();
    const [invalid, broken] = [path.join(articles, names[30]!), path.join(articles, names[50]!)];
    const texts = [readFileSync(invalid, 'utf8'), readFileSync(broken, 'utf8')] as const;
    const messages: string[] = [];
    try {
      writeFileSync(invalid, texts[0].replace(/^publishedPrecision: .*$/m, 'publishedPrecision: sometime'));
      writeFileSync(broken, `${texts[1]}\n<Box>نص</Box>\n`);
      for (const threads of ['1', '2']) messages.push(await sync(`invalid-${threads}`, threads).then(() => 'rendered', (error: Error) => error.message));
    } finally {
      writeFileSync(invalid, texts[0]);
      writeFileSync(broken, texts[1]);
    }
    expect(messages[0]).toMatch(/publishedPrecision/);
    expect(messages[1]).toBe(messages[0]);
  });
});

