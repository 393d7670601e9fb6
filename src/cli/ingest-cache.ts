/**
 * The ingest cache: what the last run over an output folder learned about each seed, so that the
 * next run converts only the seeds whose inputs changed. Adding one seed to 10,000 must not convert
 * the other 9,999 again.
 *
 * An article is skipped only when both hold:
 * - its key is the one recorded: a digest of the seed file name and bytes, the sidecar text, every
 *   content file that shapes the output (boilerplate rules, sources, the whole gazetteer folder),
 *   the repeated-across-seeds lines the seed contains, and — for the whole file — the source of
 *   every module ingest runs, the installed packages and the Node version (`codeDigest`);
 * - the article on disk hashes to the MDX that run wrote or found. A hand-edited, deleted or
 *   replaced article is converted again and written back.
 *
 * `--check` never reads the cache: it converts every seed, so what it vouches for never depends on
 * what a cache file says.
 *
 * It lives in `node_modules/.cache/arshif/` (never committed, removed with node_modules), one file
 * per output folder; `--cache DIR` puts it elsewhere and `--no-cache` ignores it. A missing,
 * unreadable or malformed cache file is an empty cache: the cache can make a run slower, never wrong.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CONTENT_FILE_BYTES, type ContentPaths } from '../loaders/content';
import { listRealFolder, readRegularFile } from '../loaders/files';
import type { CandidateName } from '../pipeline/entities/candidates';
import type { PipelineMessage } from '../pipeline/messages';
import type { RemovedLine } from '../pipeline/page/clean';

/** Bumped when the cache file's layout changes (the code digest covers everything else). */
const CACHE_FORMAT = 1;

/** A cache file larger than this is ignored rather than parsed. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Cache files of output folders no run has used for this long are removed. */
const UNUSED_CACHE_MS = 30 * 24 * 60 * 60 * 1000;

/** The repository root: this file is src/cli/ingest-cache.ts. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the cache lives unless `--cache DIR` says otherwise. */
export const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'arshif');

/** What ingest prints and reports about one article, replayed when the article is skipped. */
export interface ArticleReport {
  /** `slug  date  source  people …, places …, orgs …`, the article's line before its warning count. */
  line: string;
  removed: RemovedLine[];
  messages: PipelineMessage[];
  sidecarMessages: PipelineMessage[];
  candidates: CandidateName[];
}

/** One converted article: the key of its inputs, the SHA-256 of its MDX and its report. */
interface CachedArticle {
  key: string;
  mdxSha256: string;
  report: ArticleReport;
}

interface CacheFile {
  format: number;
  code: string;
  /** Seed file name → its article. */
  articles: Record<string, CachedArticle>;
  /** Seed SHA-256 → its short lines (pass 1's share of the repeated-line count, see furniture.ts). */
  shortLines: Record<string, string[]>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The key of one seed's inputs; `contentDigest` covers the content files (`contentDigest()`). */
export function articleKey(input: { seedName: string; seedSha256: string; sidecarSha256: string | null; contentDigest: string; repeatedLines: readonly string[] }): string {
  return sha256(JSON.stringify([input.seedName, input.seedSha256, input.sidecarSha256, input.contentDigest, [...input.repeatedLines].sort()]));
}

/**
 * A digest of the content files ingest reads: the rules, the sources and every entry of the
 * gazetteer folder (names and bytes; a problem reading one is part of the digest too).
 */
export function contentDigest(paths: ContentPaths): string {
  const hash = createHash('sha256');
  const file = (label: string, file: string): void => {
    const read = readRegularFile(file, MAX_CONTENT_FILE_BYTES);
    hash.update(`\0${label}\0${file}\0`);
    if ('problem' in read) hash.update(`problem:${read.problem.ruleId}`);
    else hash.update(sha256(read.bytes));
  };
  file('rules', paths.rules);
  file('sources', paths.sources);
  const listed = listRealFolder(paths.gazetteer);
  if ('problem' in listed) hash.update(`\0gazetteer\0problem:${listed.problem.ruleId}`);
  else for (const entry of listed.entries) entry.kind === 'file' ? file('gazetteer', path.join(paths.gazetteer, entry.name)) : hash.update(`\0gazetteer\0${entry.name}\0${entry.kind}`);
  return hash.digest('hex');
}

/** Relative imports of a TypeScript module (static and dynamic), as written. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * A digest of the code that makes an article: every module reachable from src/cli/ingest.ts
 * through relative imports, the installed packages (npm's record of node_modules) and the Node
 * version. Any edit to the pipeline, or an upgrade of satteri, yaml or Node, invalidates the cache.
 */
export function codeDigest(entry = path.join(ROOT, 'src', 'cli', 'ingest.ts')): string {
  const hash = createHash('sha256');
  hash.update(`format ${CACHE_FORMAT}\0node ${process.version}\0`);
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      hash.update(`\0${path.relative(ROOT, file)}\0missing`);
      continue;
    }
    hash.update(`\0${path.relative(ROOT, file)}\0${sha256(text)}`);
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolveModule(path.resolve(path.dirname(file), match[1]!));
      if (target !== null) queue.push(target);
    }
  }
  for (const lock of [path.join(ROOT, 'node_modules', '.package-lock.json'), path.join(ROOT, 'package-lock.json')]) {
    try {
      hash.update(`\0${path.basename(lock)}\0${sha256(readFileSync(lock))}`);
    } catch {
      hash.update(`\0${path.basename(lock)}\0missing`);
    }
  }
  return hash.digest('hex');
}

function resolveModule(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

/** The cache of one output folder. Reads are never trusted beyond their shape; writes are atomic. */
export class IngestCache {
  private readonly previous: CacheFile;
  private readonly next: CacheFile;

  private constructor(
    private readonly file: string | null,
    code: string,
    previous: CacheFile | null,
  ) {
    this.previous = previous ?? { format: CACHE_FORMAT, code, articles: {}, shortLines: {} };
    this.next = { format: CACHE_FORMAT, code, articles: {}, shortLines: {} };
  }

  /** A cache that remembers nothing (`--no-cache`). */
  static disabled(): IngestCache {
    return new IngestCache(null, '', null);
  }

  /** The cache of `outDir` in `cacheDir`, valid only for code with the digest `code`. */
  static open(cacheDir: string, outDir: string, code: string): IngestCache {
    const file = path.join(cacheDir, `ingest-${sha256(path.resolve(outDir)).slice(0, 16)}.json`);
    return new IngestCache(file, code, readCacheFile(file, code));
  }

  /** Short lines of a seed with this SHA-256, as a run of the same code computed them. */
  shortLines(seedSha256: string): string[] | undefined {
    const lines = Object.hasOwn(this.previous.shortLines, seedSha256) ? this.previous.shortLines[seedSha256] : undefined;
    return Array.isArray(lines) && lines.every((line) => typeof line === 'string') ? lines : undefined;
  }

  rememberShortLines(seedSha256: string, lines: string[]): void {
    if (this.file !== null) this.next.shortLines[seedSha256] = lines;
  }

  /** Whether the last run recorded an article for `seedName` (whatever its key). */
  knows(seedName: string): boolean {
    return Object.hasOwn(this.previous.articles, seedName);
  }

  /** What the last run recorded for `seedName`, when its key is `key`. */
  article(seedName: string, key: string): CachedArticle | undefined {
    const entry = Object.hasOwn(this.previous.articles, seedName) ? this.previous.articles[seedName] : undefined;
    return entry !== undefined && entry.key === key && typeof entry.mdxSha256 === 'string' && isReport(entry.report) ? entry : undefined;
  }

  rememberArticle(seedName: string, entry: CachedArticle): void {
    if (this.file !== null) this.next.articles[seedName] = entry;
  }

  /**
   * Write what this run learned (and only that: seeds gone from the folder are forgotten), and
   * remove cache files no run has used for a month. Returns why it failed, or null.
   */
  save(): string | null {
    if (this.file === null) return null;
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(this.next));
      renameSync(temp, this.file);
    } catch (error) {
      rmSync(temp, { force: true });
      return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
    try {
      const now = Date.now();
      for (const name of readdirSync(dir)) {
        if (!/^ingest-[0-9a-f]{16}\.json$/.test(name)) continue;
        const other = path.join(dir, name);
        if (now - statSync(other).mtimeMs > UNUSED_CACHE_MS) unlinkSync(other);
      }
    } catch {
      // Tidying is a courtesy; the cache just written is what matters.
    }
    return null;
  }
}

function readCacheFile(file: string, code: string): CacheFile | null {
  const read = readRegularFile(file, MAX_CACHE_BYTES);
  if ('problem' in read) return null;
  try {
    const parsed = JSON.parse(read.bytes.toString('utf8')) as Partial<CacheFile> | null;
    if (parsed === null || typeof parsed !== 'object' || parsed.format !== CACHE_FORMAT || parsed.code !== code) return null;
    if (!isRecord(parsed.articles) || !isRecord(parsed.shortLines)) return null;
    return parsed as CacheFile;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isReport(value: unknown): value is ArticleReport {
  if (!isRecord(value)) return false;
  return typeof value['line'] === 'string' && ['removed', 'messages', 'sidecarMessages', 'candidates'].every((field) => Array.isArray(value[field]));
}
