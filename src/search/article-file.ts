/** Split an article file (`---` YAML frontmatter, then the MDX body) into its two parts. */
import { parse } from 'yaml';

/** Frontmatter (unvalidated) and body of one `.mdx` article file. */
export interface ArticleFile {
  data: unknown;
  body: string;
}

/**
 * Parse an article file. A file without frontmatter yields `data: null` and the whole text as body;
 * malformed YAML throws (the caller names the file and stops, as Astro would).
 */
export function parseArticleFile(text: string): ArticleFile {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: null, body: text };
  return { data: parse(match[1] ?? '') as unknown, body: text.slice(match[0].length) };
}
