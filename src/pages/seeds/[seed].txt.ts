/**
 * The raw seed texts, served byte for byte so a reader can check the page against its source.
 * Only the seeds articles were made from are served, read as regular files (never through a link)
 * and checked against the SHA-256 ingest recorded, so nothing else on the build machine can leak.
 */
import { createHash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import { readRegularFile } from '../../loaders/files';
import { contentError } from '../../site/content-error';
import { getSiteData, seedFilePath } from '../../site/data';
import { rendersArticle } from '../../shards/current';

/** Generous: ingest refuses seeds over 2 MiB. */
const MAX_SEED_BYTES = 16 * 1024 * 1024;

export const getStaticPaths = (async () => {
  const { seedFiles, articles } = await getSiteData();
  // A sharded build serves each seed from the shard that owns its article (src/shards/plan.ts).
  const owned = new Set([...articles.values()].filter((entry) => rendersArticle(entry.data.slug)).map((entry) => entry.data.provenance.seed));
  return [...seedFiles]
    .filter(([file]) => owned.has(file))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, sha256]) => ({ params: { seed: file.replace(/\.txt$/, '') }, props: { file, sha256 } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file, sha256 } = props as { file: string; sha256: string };
  const path = seedFilePath(file);
  const read = readRegularFile(path, MAX_SEED_BYTES);
  if ('problem' in read) throw contentError(`${path}: ${read.problem.reason}.`, 'Seeds are regular files in seeds/; run `npm run ingest` to see every problem.');
  if (createHash('sha256').update(read.bytes).digest('hex') !== sha256) {
    throw contentError(`${path} is not the text its article was made from (its SHA-256 differs from the article's provenance).`, 'Run `npm run ingest` and commit the result.');
  }
  return new Response(new Uint8Array(read.bytes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
