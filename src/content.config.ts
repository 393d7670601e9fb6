/** Astro content collections: the ingested articles and the gazetteer, validated by src/schema.ts. */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { formatReports, hasFatalReport, loadGazetteer } from './loaders/content';
import { listRealFolder } from './loaders/files';
import { contentError } from './site/content-error';
import { articleSchema, entitySchema } from './schema';

/** Where content lives; a benchmark or fixture build may point elsewhere. */
const contentDir = process.env['ARSHIF_CONTENT_DIR'] ?? './content';

const articles = defineCollection({
  // The slug, not the file path, names the entry: it is what URLs use.
  loader: glob({ pattern: '*.mdx', base: path.join(contentDir, 'articles'), generateId: ({ data }) => String(data['slug']) }),
  schema: articleSchema,
});

/**
 * The gazetteer, through the same loader ingest uses (src/loaders/content.ts): the same files, the
 * same checks. A gazetteer ingest would refuse stops the build with its messages.
 */
async function loadGazetteerEntries(): Promise<Array<Record<string, unknown> & { id: string }>> {
  const { entities, reports } = loadGazetteer(path.join(contentDir, 'gazetteer'));
  if (hasFatalReport(reports)) throw contentError(`The gazetteer has errors:\n${formatReports(reports)}`, 'Fix the files named above; `npm run ingest` lists the same problems.');
  return entities;
}

/** Articles are written by ingest into a real folder of regular files; a link could publish any file. */
function checkArticlesFolder(folder: string): void {
  const listed = listRealFolder(folder);
  if ('problem' in listed) {
    if (listed.problem.ruleId === 'missing-file') return;
    throw contentError(`${folder}: ${listed.problem.reason}.`, 'Articles live in a real folder written by `npm run ingest`.');
  }
  const odd = listed.entries.filter((entry) => entry.name.endsWith('.mdx') && entry.kind !== 'file');
  if (odd.length > 0) {
    throw contentError(`${folder}: ${odd.map((e) => e.name).join(', ')} ${odd.length === 1 ? 'is not a regular file' : 'are not regular files'}.`, 'Articles are only ever regular files written by `npm run ingest`; remove the link or folder.');
  }
}
checkArticlesFolder(path.join(contentDir, 'articles'));

const entities = defineCollection({ loader: loadGazetteerEntries, schema: entitySchema });

export const collections = { articles, entities };
