/**
 * The content files as the site build reads them (content collections, article rendering, search
 * index): the same loaders and checks as ingest, with every problem an Astro user error that names
 * the file and says what to do.
 */
import path from 'node:path';
import type { Entity } from '../schema';
import { contentError } from '../site/content-error';
import { formatReports, hasFatalReport, loadGazetteer } from './content';
import { listRealFolder, readUtf8File } from './files';

/** Largest article file read; ingest's limits keep real ones far below it. */
const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

/** The gazetteer's entities; a gazetteer ingest would refuse stops the build with its messages. */
export function gazetteerForBuild(folder: string): Entity[] {
  const { entities, reports } = loadGazetteer(folder);
  if (hasFatalReport(reports)) throw contentError(`The gazetteer has errors:\n${formatReports(reports)}`, 'Fix the files named above; `npm run ingest` lists the same problems.');
  return entities;
}

/**
 * The article files of `folder` in name order, or null when there is no folder. The folder must be
 * real and every `.mdx` in it a regular file: a link could publish any file of the build machine.
 */
export function articleFiles(folder: string): string[] | null {
  const listed = listRealFolder(folder);
  if ('problem' in listed) {
    if (listed.problem.ruleId === 'missing-file') return null;
    throw contentError(`${folder}: ${listed.problem.reason}.`, 'Articles live in a real folder written by `npm run ingest`.');
  }
  const articles = listed.entries.filter((entry) => entry.name.endsWith('.mdx') && !entry.name.startsWith('.'));
  const odd = articles.filter((entry) => entry.kind !== 'file');
  if (odd.length > 0) {
    throw contentError(`${folder}: ${odd.map((e) => e.name).join(', ')} ${odd.length === 1 ? 'is not a regular file' : 'are not regular files'}.`, 'Articles are only ever regular files written by `npm run ingest`; remove the link or folder.');
  }
  return articles.map((entry) => path.join(folder, entry.name));
}

/** The text of one article file. */
export function articleText(file: string): string {
  const read = readUtf8File(file, MAX_ARTICLE_BYTES);
  if ('problem' in read) throw contentError(`${file}: ${read.problem.reason}.`, 'Run `npm run ingest` to rewrite the articles.');
  return read.text;
}
