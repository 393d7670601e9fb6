/**
 * A built site served on 127.0.0.1 (port 0) under its base path, and Debian's Chromium driven by
 * playwright-core: what the browser tests and the benchmarks share. Nothing downloads a browser.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser } from 'playwright-core';
import { contentTypeWithCharset } from '../src/integrations/text-charset';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a path below the base, e.g. url('articles/x/'). */
  url(path?: string): string;
  close(): Promise<void>;
}

/** Sees every request before it is served (e.g. to count bytes sent); `url` is the path as requested. */
export type RequestObserver = (req: http.IncomingMessage, res: http.ServerResponse, url: string) => void;

/** Serve `root` so that it appears under `base` (e.g. "/archive/"), as a real host would. */
export async function startStaticServer(root: string, base = '/', observe?: RequestObserver): Promise<StaticServer> {
  const normalizedBase = base.endsWith('/') ? base : `${base}/`;
  // Raw texts get their charset as `astro preview` and GitHub Pages send it.
  const serve = sirv(root, {
    dev: true,
    etag: false,
    extensions: ['html'],
    setHeaders: (res, pathname) => {
      const type = contentTypeWithCharset(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    observe?.(req, res, url);
    if (!url.startsWith(normalizedBase)) {
      res.statusCode = 404;
      res.end('outside base path');
      return;
    }
    req.url = `/${url.slice(normalizedBase.length)}`;
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '') => `${origin}${normalizedBase}${path.replace(/^\//, '')}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Where Chromium lives; `.ci/run` installs Debian's package there. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launch headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

