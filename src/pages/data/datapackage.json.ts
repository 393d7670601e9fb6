/** Frictionless Data Package describing the exports. */
import type { APIRoute } from 'astro';
import { getExports } from '../../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { dataPackage } = await getExports(site);
  return new Response(dataPackage, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
