/**
 * The documents name files a newcomer will open: every repository path quoted in README.md,
 * CONTRIBUTING.md and SECURITY.md must exist, so a move or rename cannot leave the docs behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Paths in backticks that start in one of the repository's top folders, without globs or placeholders. */
function quotedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const match of markdown.matchAll(/`((?:src|test|scripts|content|seeds|public|\.github|\.ci)\/[^`\s]*)`/g)) {
    const path = match[1]!.replace(/[.,:;)]+$/, '');
    if (/[*<>{}…]|\.\.\./.test(path)) continue;
    paths.add(path);
  }
  return [...paths].sort();
}

describe('paths quoted in the documents exist', () => {
  it('finds quoted paths, and skips globs and placeholders', () => {
    expect(quotedPaths('see `src/a.ts`, `test/<case>/` and `seeds/*.txt` or `src/b.ts:12`')).toEqual(['src/a.ts', 'src/b.ts:12']);
  });
  for (const doc of ['README.md', 'CONTRIBUTING.md', 'SECURITY.md']) {
    it(doc, () => {
      const paths = quotedPaths(readFileSync(join(root, doc), 'utf8')).map((path) => path.replace(/:\d+$/, ''));
      expect(paths.length).toBeGreaterThan(3);
      expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
    });
  }
});
