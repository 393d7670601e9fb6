/** Every article's metadata as JSON. */
import type { APIRoute } from 'astro';
import { getExports } from '../../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { articlesJson } = await getExports(site);
  return new Response(articlesJson, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
