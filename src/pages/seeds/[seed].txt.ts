/** The raw seed texts, served byte for byte so a reader can check the page against its source. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, seedFilePath } from '../../site/data';

export const getStaticPaths = (async () => {
  const { seedFiles } = await getSiteData();
  return [...seedFiles].sort().map((file) => ({ params: { seed: file.replace(/\.txt$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await readFile(seedFilePath(`${String(params['seed'])}.txt`));
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
