/** Each article's MDX as ingest wrote it (frontmatter with provenance, then the body), byte for byte. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../site/data';

export const getStaticPaths = (async () => {
  const { articles } = await getSiteData();
  return [...articles.keys()].sort().map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { articles } = await getSiteData();
  const entry = articles.get(String(params['slug']));
  if (!entry?.filePath) throw new Error(`No MDX file is known for the article "${String(params['slug'])}"; the content collection should name each entry's file.`);
  const bytes = await readFile(entry.filePath);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
