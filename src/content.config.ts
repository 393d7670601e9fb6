/** Astro content collections: the ingested articles and the gazetteer, validated by src/schema.ts. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schema';

const articles = defineCollection({
  // The slug, not the file path, names the entry: it is what URLs use.
  loader: glob({ pattern: '*.mdx', base: './content/articles', generateId: ({ data }) => String(data['slug']) }),
  schema: articleSchema,
});

export const collections = { articles };
