/** Every article with its full text, one JSON object per line. */
import type { APIRoute } from 'astro';
import { getExports } from '../../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { articlesJsonl } = await getExports(site);
  return new Response(articlesJsonl, { headers: { 'Content-Type': 'application/jsonl; charset=utf-8' } });
};
