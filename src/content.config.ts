/** Astro content collections: the ingested articles and the gazetteer, validated by src/schema.ts. */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/article-loader';
import { gazetteerForBuild } from './loaders/build-content';
import { articleSchema, entitySchema } from './schema';
import { readSettings } from './settings';

/** Where content lives; a benchmark or fixture build may point elsewhere. */
const contentDir = readSettings().contentDir;

/**
 * Articles are rendered to HTML once, when the content layer syncs, and cached in its data store
 * (src/loaders/article-loader.ts): no article becomes a module for Vite to bundle. Entries are
 * named by slug, which is what URLs use.
 */
const articles = defineCollection({ loader: articleLoader(contentDir), schema: articleSchema });

/**
 * The gazetteer, through the same loader ingest uses (src/loaders/content.ts): the same files, the
 * same checks. A gazetteer ingest would refuse stops the build with its messages.
 */
async function loadGazetteerEntries(): Promise<Array<Record<string, unknown> & { id: string }>> {
  return gazetteerForBuild(path.join(contentDir, 'gazetteer'));
}

const entities = defineCollection({ loader: loadGazetteerEntries, schema: entitySchema });

export const collections = { articles, entities };
