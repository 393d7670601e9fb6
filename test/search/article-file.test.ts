import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/search/article-file';

describe('parseArticleFile', () => {
  it('splits YAML frontmatter from the body', () => {
    expect(parseArticleFile('---\nslug: a\n---\n\nنص\n')).toEqual({ data: { slug: 'a' }, body: '\nنص\n' });
  });
  it('returns the whole text as body when there is no frontmatter', () => {
    expect(parseArticleFile('نص')).toEqual({ data: null, body: 'نص' });
  });
});
