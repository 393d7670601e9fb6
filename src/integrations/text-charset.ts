/**
 * Raw texts (seeds, MDX, data exports) are UTF-8 Arabic; served as a bare `text/plain`, a browser
 * guesses a legacy encoding and shows mojibake. This integration makes `astro preview` send the
 * charset, and `contentTypeWithCharset` is the one table a server of `dist/` (tests included) uses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';

/** Content types, with charset, of the text files the site publishes besides HTML. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.mdx': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
};

/** The content type with charset for a request path, or undefined when the server's own is right. */
export function contentTypeWithCharset(pathname: string): string | undefined {
  const clean = pathname.split(/[?#]/)[0] ?? '';
  const dot = clean.lastIndexOf('.');
  return dot === -1 || dot < clean.lastIndexOf('/') ? undefined : TEXT_TYPES[clean.slice(dot).toLowerCase()];
}

/** Connect-style middleware: a content type set before the static handler (sirv, in Vite's preview) is kept by it. */
export function charsetMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const type = contentTypeWithCharset(req.url ?? '');
  if (type) res.setHeader('Content-Type', type);
  next();
}

/** The integration: adds the middleware to `astro preview`. */
export default function textCharset(): AstroIntegration {
  return {
    name: 'arshif:text-charset',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [{ name: 'arshif:text-charset', configurePreviewServer: (server) => void server.middlewares.use(charsetMiddleware) }] } });
      },
    },
  };
}
