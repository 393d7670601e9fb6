/**
 * What the benchmarks share: a private copy of the working tree to build in, file sizes, medians,
 * timing a command with its peak memory, and a static server that counts the bytes it sends
 * (as sent, or compressed as a static host would send them).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from './browser';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Top-level entries of the repository that a build does not need (or that a build writes). */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', '.astro', 'test-results', 'bundles']);

/**
 * A private copy of the working tree at `copy` to build in: Astro keeps its content store and
 * prerender chunks inside the project, so two builds in one tree would overwrite each other.
 * Packages are shared through one symlink per package.
 */
export function isolatedWorkspace(copy: string): string {
  cpSync(root, copy, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source);
      return !NOT_COPIED.has(relative.split(path.sep)[0] ?? '') && !relative.startsWith(path.join('test', '.tmp'));
    },
  });
  linkPackages(copy);
  return copy;
}

/** Give `project` the repository's packages, one symlink each (the caches stay private). */
export function linkPackages(project: string): void {
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(project, 'node_modules', entry));
  }
}

/** Every file under `dir` with its size, paths relative to `dir`. */
export function filesUnder(dir: string, prefix = ''): Array<{ file: string; bytes: number }> {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(dir, relative) : [{ file: relative, bytes: statSync(path.join(dir, relative)).size }];
  });
}

/** Total bytes under `dir`. */
export function directorySize(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + f.bytes, 0);
}

/** The middle value (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** A finished command: wall time and the peak resident memory of its largest process. */
export interface Timed {
  seconds: number;
  peakBytes: number;
  output: string;
}

/**
 * Run a command under GNU time: wall seconds and the largest peak RSS among it and its children
 * (what `getrusage(RUSAGE_CHILDREN)` reports). Throws with the output's tail when it fails.
 */
export function timed(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Timed {
  const result = spawnSync('/usr/bin/time', ['-f', '\n@@time %e %M', command, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const match = /@@time ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) throw new Error(`${command} ${args.join(' ')} failed in ${options.cwd}:\n${output.slice(-4000)}`);
  return { seconds: Number(match[1]), peakBytes: Number(match[2]) * 1024, output };
}

/** What a page or a query made the server send. */
export interface Transfer {
  bytes: number;
  requests: number;
  files: string[];
  /** Bytes of each response, in the order of `files`. */
  sizes: number[];
}

/** A static server under `base` that counts what it sends. */
export interface CountingServer {
  url(pathBelowBase: string): string;
  /** Start a new tally; `take()` returns it once no request has been in flight for a moment. */
  tally(): { take(): Promise<Transfer> };
  close(): Promise<void>;
}

/** Types a static host compresses (gzip); fonts, images and Pagefind's own .pf_ files are sent as they are. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg)/;

/**
 * Serve `rootDir` under `base` and count every response, including those Pagefind makes from its
 * Web Worker (which the page's own network events miss). With `compressed`, text responses count
 * at their gzip size, as a static host serves them.
 */
export async function startCountingServer(rootDir: string, base: string, compressed = false): Promise<CountingServer> {
  let bucket: Transfer = { bytes: 0, requests: 0, files: [], sizes: [] };
  let inFlight = 0;
  let lastFinished = performance.now();
  const server = await startStaticServer(rootDir, base, (_req, res, url) => {
    const counted = bucket;
    inFlight += 1;
    const chunks: Buffer[] = [];
    // sirv passes its headers to writeHead, where getHeader() never sees them: keep the type here.
    let type = '';
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      for (const arg of args) {
        if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
          for (const [name, value] of Object.entries(arg)) if (name.toLowerCase() === 'content-type') type = String(value);
        }
      }
      return writeHead(...args);
    }) as typeof res.writeHead;
    const keep = (chunk: unknown): void => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      if (typeof args[0] !== 'function') keep(args[0]);
      return end(...args);
    }) as typeof res.end;
    res.on('close', () => {
      const body = Buffer.concat(chunks);
      type = String(res.getHeader('content-type') ?? type);
      const bytes = compressed && COMPRESSIBLE.test(type) && body.length > 0 ? gzipSync(body, { level: 6 }).length : body.length;
      // The browser asks for the icon on its own schedule; it is no part of a page or a search.
      if (!url.includes('favicon')) {
        counted.bytes += bytes;
        counted.requests += 1;
        counted.files.push(url.replace(base, ''));
        counted.sizes.push(bytes);
      }
      inFlight -= 1;
      lastFinished = performance.now();
    });
  });
  return {
    url: (pathBelowBase) => server.url(pathBelowBase),
    tally: () => {
      bucket = { bytes: 0, requests: 0, files: [], sizes: [] };
      const mine = bucket;
      return {
        take: async () => {
          while (inFlight > 0 || performance.now() - lastFinished < 300) await new Promise((r) => setTimeout(r, 50));
          return { ...mine, files: [...mine.files], sizes: [...mine.sizes] };
        },
      };
    },
    close: () => server.close(),
  };
}
