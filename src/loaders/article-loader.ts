/**
 * The articles collection's loader: each `content/articles/*.mdx` is read (a regular file in a real
 * folder), validated against the article schema, and its body rendered to HTML once
 * (src/site/article-html.ts). Astro keeps the result in its data store between builds; an article
 * is rendered again only when its digest changes — its text, the renderer, the gazetteer (an
 * entity's kind decides its link) or where the site lives (base path, relative links).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { EntityKind } from '../schema';
import { parseArticleFile } from '../search/article-file';
import { ARTICLE_HTML_VERSION, renderArticleHtml } from '../site/article-html';
import { contentError } from '../site/content-error';
import { entityPath, href } from '../site/urls';
import { articleFiles, articleText, gazetteerForBuild } from './build-content';

/** The loader for `<contentDir>/articles`, linking mentions through `<contentDir>/gazetteer`. */
export function articleLoader(contentDir: string): Loader {
  return {
    name: 'arshif-articles',
    async load({ store, parseData, generateDigest, logger }) {
      const files = articleFiles(path.join(contentDir, 'articles'));
      if (files === null) {
        store.clear();
        return;
      }
      const entities = gazetteerForBuild(path.join(contentDir, 'gazetteer'));
      const kinds = new Map<string, EntityKind>(entities.map((entity) => [entity.id, entity.kind]));
      const entityLink = (id: string) => {
        const kind = kinds.get(id);
        return kind === undefined ? null : { kind, href: href(entityPath(kind, id)) };
      };
      // What every article's HTML depends on besides its own text.
      const context = createHash('sha256')
        .update(ARTICLE_HTML_VERSION)
        .update('\0')
        .update(href('/'))
        .update('\0')
        .update(JSON.stringify([...kinds].sort(([a], [b]) => (a < b ? -1 : 1))))
        .digest('hex');

      const previous = new Map<string, { id: string; digest: string | number | undefined }>();
      for (const [id, entry] of store.entries()) if (entry.filePath) previous.set(entry.filePath, { id, digest: entry.digest });
      const stale = new Set(store.keys());
      let rendered = 0;
      for (const file of files) {
        const text = articleText(file);
        const digest = generateDigest(`${context}\0${text}`);
        const filePath = path.relative(process.cwd(), file).split(path.sep).join('/');
        const before = previous.get(filePath);
        if (before && before.digest === digest) {
          stale.delete(before.id);
          continue;
        }
        const { data, body } = parseArticleFile(text);
        const fields = (data ?? {}) as Record<string, unknown>;
        const id = String(fields['slug'] ?? path.basename(file, '.mdx'));
        if (before && before.id !== id) store.delete(before.id);
        let html;
        try {
          html = renderArticleHtml(body, entityLink);
        } catch (error) {
          throw contentError(`${file}: ${(error as Error).message}.`, 'Articles are written by `npm run ingest`; run it again instead of editing the MDX by hand.');
        }
        const parsed = await parseData({ id, data: fields, filePath: file });
        store.set({ id, data: parsed, body, filePath, digest, rendered: { html: html.html, metadata: { headings: html.headings } } });
        stale.delete(id);
        rendered++;
      }
      for (const id of stale) store.delete(id);
      logger.info(`${rendered} of ${files.length} articles rendered, ${files.length - rendered} unchanged`);
    },
  };
}
