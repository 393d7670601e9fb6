/** How to cite the archive (Citation File Format). */
import type { APIRoute } from 'astro';
import { getExports } from '../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { citation } = await getExports(site);
  return new Response(citation, { headers: { 'Content-Type': 'application/x-yaml; charset=utf-8' } });
};
