/** Astro content collections: the ingested articles and the gazetteer, validated by src/schema.ts. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { parse } from 'yaml';
import { articleSchema, entitySchema } from './schema';

/** Where content lives; a benchmark or fixture build may point elsewhere. */
const contentDir = process.env['ARSHIF_CONTENT_DIR'] ?? './content';

const articles = defineCollection({
  // The slug, not the file path, names the entry: it is what URLs use.
  loader: glob({ pattern: '*.mdx', base: path.join(contentDir, 'articles'), generateId: ({ data }) => String(data['slug']) }),
  schema: articleSchema,
});

/**
 * Every `content/gazetteer/*.yaml` file is a list of entities; the built-in `file()` loader reads
 * one file per collection, so this loader reads them all into ONE collection keyed by entity id.
 * Files are read in name order and the first definition of an id wins, so the result is stable.
 */
async function loadGazetteer(): Promise<Array<Record<string, unknown> & { id: string }>> {
  const dir = path.join(contentDir, 'gazetteer');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
  const seen = new Set<string>();
  const entries: Array<Record<string, unknown> & { id: string }> = [];
  for (const name of names) {
    const list: unknown = parse(await readFile(path.join(dir, name), 'utf8'));
    if (!Array.isArray(list)) throw new Error(`${path.join(dir, name)}: expected a YAML list of entities, found ${typeof list}.`);
    for (const item of list as unknown[]) {
      if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') {
        throw new Error(`${path.join(dir, name)}: every entity needs a string "id"; found ${JSON.stringify(item)}.`);
      }
      const entity = item as Record<string, unknown> & { id: string };
      if (seen.has(entity.id)) continue;
      seen.add(entity.id);
      entries.push(entity);
    }
  }
  return entries;
}

const entities = defineCollection({ loader: loadGazetteer, schema: entitySchema });

export const collections = { articles, entities };
