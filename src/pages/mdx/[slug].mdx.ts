/** Each article's MDX as ingest wrote it (frontmatter with provenance, then the body), byte for byte. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../site/data';
import { rendersArticle } from '../../shards/current';

export const getStaticPaths = (async () => {
  const { articles } = await getSiteData();
  // A sharded build writes each MDX file in the shard that owns its article (src/shards/plan.ts).
  return [...articles.keys()].filter(rendersArticle).sort().map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { articles } = await getSiteData();
  const entry = articles.get(String(params['slug']));
  if (!entry?.filePath) throw new Error(`No MDX file is known for the article "${String(params['slug'])}"; the content collection should name each entry's file.`);
  const bytes = await readFile(entry.filePath);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
