/**
 * The articles collection's loader: each `content/articles/*.mdx` is read (a regular file in a real
 * folder), validated against the article schema, and its body rendered to HTML once
 * (src/site/article-html.ts). Astro keeps the result in its data store between builds; an article
 * is rendered again only when its digest changes — its text, the renderer, the gazetteer (an
 * entity's kind decides its link, its spellings are in the search record) or where the site lives
 * (base path, relative links). Rendering also gives the article's plain text, kept with the HTML for
 * entity snippets and exports, and its search record (src/search/record-store.ts). Articles are
 * rendered on a thread per core (src/loaders/render-pool.ts, src/loaders/render-thread.ts) by the
 * pure step of src/site/rendered-article.ts, and written in file order whichever finishes first.
 *
 * In a sharded build (src/shards/plan.ts) every article's frontmatter is loaded — lists, the
 * timeline and a page's neighbours need all of it — but only the shard's own articles are rendered
 * and indexed; the hub keeps the plain text of every article (snippets, exports) and renders none.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { EntityKind } from '../schema';
import { parseArticleFile } from '../search/article-file';
import type { SearchableArticle, SearchableEntity } from '../search/record';
import { recordFolder, RecordWriter, SEARCH_RECORD_VERSION } from '../search/record-store';
import { ARTICLE_HTML_VERSION } from '../site/article-html';
import { articleTextOfMdx } from '../site/article-text';
import { contentError } from '../site/content-error';
import { entityPath, href } from '../site/urls';
import { isShardBuild, keepsEveryArticleText, rendersArticle } from '../shards/current';
import { articleHtmlFolder } from './article-html-store';
import { DigestFiles } from './digest-files';
import { articleFiles, articleText, gazetteerForBuild } from './build-content';
import { articleRenderPool } from './render-thread';

/** The loader for `<contentDir>/articles`, linking mentions through `<contentDir>/gazetteer`. */
export function articleLoader(contentDir: string): Loader {
  return {
    name: 'arshif-articles',
    async load({ store, parseData, generateDigest, logger, config }) {
      const records = new RecordWriter(recordFolder(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir)));
      const htmlFiles = new DigestFiles(articleHtmlFolder(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir)), '.html');
      const files = articleFiles(path.join(contentDir, 'articles'));
      if (files === null) {
        store.clear();
        records.finish();
        htmlFiles.finish();
        return;
      }
      const entities = gazetteerForBuild(path.join(contentDir, 'gazetteer'));
      const searchable = new Map<string, SearchableEntity>(entities.map(({ id, kind, name, nameEn, aliases, aliasesEn }) => [id, { id, kind, name, nameEn, aliases, aliasesEn }]));
      const kinds = new Map<string, EntityKind>(entities.map((entity) => [entity.id, entity.kind]));
      const links = new Map([...kinds].map(([id, kind]) => [id, { kind, href: href(entityPath(kind, id)) }]));
      // What every article's HTML and search record depend on besides its own text.
      const context = createHash('sha256')
        .update(ARTICLE_HTML_VERSION)
        .update('\0')
        .update(href('/'))
        .update('\0')
        .update(JSON.stringify([...kinds].sort(([a], [b]) => (a < b ? -1 : 1))))
        .update('\0')
        .update(SEARCH_RECORD_VERSION)
        .update('\0')
        .update(JSON.stringify([...searchable.values()].sort((a, b) => (a.id < b.id ? -1 : 1))))
        .digest('hex');

      const previous = new Map<string, { id: string; digest: string | number | undefined }>();
      for (const [id, entry] of store.entries()) if (entry.filePath) previous.set(entry.filePath, { id, digest: entry.digest });
      const stale = new Set(store.keys());
      let rendered = 0;
      const keepText = keepsEveryArticleText();
      // Articles are read here in file order; those to render go to the render threads, and what is
      // done with each — the store, its HTML file, its search record — happens in file order again.
      const pool = articleRenderPool(fileURLToPath(config.root), { links, entities: searchable }, (reason) => logger.warn(`${reason}; rendering on the main thread`));
      for (const file of files) {
        try {
          const text = articleText(file);
          // The slug is the file's name (ingest writes `<slug>.mdx`); the frontmatter confirms it below.
          const render = rendersArticle(path.basename(file, '.mdx'));
          const kept = render ? 'rendered' : keepText ? 'text' : 'data';
          const digest = generateDigest(`${context}\0${kept}\0${text}`);
          const filePath = path.relative(process.cwd(), file).split(path.sep).join('/');
          const before = previous.get(filePath);
          if (before && before.digest === digest && (kept !== 'rendered' || (records.has(String(digest)) && htmlFiles.has(String(digest))))) {
            pool.then(() => {
              stale.delete(before.id);
              if (kept === 'rendered') {
                records.keep(String(digest));
                htmlFiles.keep(String(digest));
              }
            });
            continue;
          }
          const { data, body } = parseArticleFile(text);
          const fields = (data ?? {}) as Record<string, unknown>;
          const id = String(fields['slug'] ?? path.basename(file, '.mdx'));
          if (isShardBuild() && id !== path.basename(file, '.mdx')) {
            throw contentError(`${file}: its slug "${id}" is not its file name, so a sharded build cannot tell which shard renders it.`, 'Run `npm run ingest`, which names each article file by its slug.');
          }
          const replace = (): void => {
            if (before && before.id !== id) store.delete(before.id);
          };
          if (kept !== 'rendered') {
            // Another shard renders and indexes this article; the hub still needs its words.
            const parsed = await parseData({ id, data: fields, filePath: file });
            const plain = kept === 'text' ? articleTextOfMdx(body) : { text: '', mentions: [] };
            pool.then(() => {
              replace();
              store.set({ id, data: parsed, filePath, digest, rendered: { html: '', metadata: { headings: [], text: plain.text, mentions: plain.mentions } } });
              stale.delete(id);
            });
            continue;
          }
          // parseData checks the frontmatter against the article schema (the search record relies on
          // it); a body that does not render is reported first, as it is found first when both are wrong.
          const checked = await parseData({ id, data: fields, filePath: file }).then(
            (parsed) => ({ parsed }),
            (error: unknown) => ({ error }),
          );
          await pool.add({ body, article: 'parsed' in checked ? (checked.parsed as unknown as SearchableArticle) : null }, (answer) => {
            if ('error' in answer) throw contentError(`${file}: ${answer.error}.`, 'Articles are written by `npm run ingest`; run it again instead of editing the MDX by hand.');
            if ('error' in checked) throw checked.error;
            const { parsed } = checked;
            const { html, headings, text: plain, record } = answer.rendered;
            replace();
            // Neither the body nor the HTML goes into the store, which Astro loads as one module whose
            // compile time grows with the square of its size (src/loaders/article-html-store.ts): the
            // article page reads its HTML file, the MDX route reads the article's file.
            const htmlFile = htmlFiles.write(String(digest), html);
            store.set({ id, data: parsed, filePath, digest, rendered: { html: '', metadata: { headings, text: plain.text, mentions: plain.mentions, htmlFile } } });
            // A record is missing only without a checked frontmatter, which threw above.
            records.write(String(digest), record!);
            stale.delete(id);
            rendered++;
          });
          // Its answer throws; nothing after it is needed.
          if ('error' in checked) break;
        } catch (error) {
          // Thrown in its turn, once every earlier article has been written, as without threads.
          pool.then(() => {
            throw error;
          });
          break;
        }
      }
      await pool.finish();
      for (const id of stale) store.delete(id);
      records.finish();
      htmlFiles.finish();
      const threads = pool.workersUsed > 0 ? ` (${pool.workersUsed} render threads)` : '';
      logger.info(`${rendered} of ${files.length} articles rendered, ${files.length - rendered} unchanged${threads}`);
    },
  };
}
