/** The gazetteer (people, places, organizations) with the articles that mention each. */
import type { APIRoute } from 'astro';
import { getExports } from '../../site/export-data';

export const GET: APIRoute = async ({ site }) => {
  const { entitiesJson } = await getExports(site);
  return new Response(entitiesJson, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
