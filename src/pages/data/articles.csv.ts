/** Every article's metadata as CSV (UTF-8 with a BOM, CRLF), for spreadsheet software. */
import type { APIRoute } from 'astro';
import { getExports } from '../../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { articlesCsv } = await getExports(site);
  return new Response(articlesCsv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
