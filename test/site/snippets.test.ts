import { describe, expect, it } from 'vitest';
import { articleTextOfMdx } from '../../src/site/article-text';
import { buildMentionIndex, snippetAround } from '../../src/site/snippets';

describe('snippets around a mention', () => {
  it('cuts at word boundaries and marks elisions', () => {
    const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`).join(' ');
    const start = words.indexOf('كلمة30');
    const snippet = snippetAround(words, start, start + 'كلمة30'.length, 30);
    expect(snippet.mention).toBe('كلمة30');
    expect(snippet.before.startsWith('… كلمة')).toBe(true);
    expect(snippet.after.endsWith(' …')).toBe(true);
    expect(snippet.before.length).toBeLessThanOrEqual(34);
  });

  it('keeps short texts whole', () => {
    expect(snippetAround('قال زاس اليوم', 4, 7)).toEqual({ before: 'قال ', mention: 'زاس', after: ' اليوم' });
  });
});

describe('the mention index', () => {
  it('keeps the first mention of each entity in each article', () => {
    const index = buildMentionIndex([
      { slug: 'a', ...articleTextOfMdx('<Entity id="x">أ</Entity> ثم <Entity id="x">ب</Entity> و<Entity id="y">ج</Entity>') },
      { slug: 'b', ...articleTextOfMdx('لا شيء') },
      { slug: 'c', ...articleTextOfMdx('و<Entity id="x">د</Entity>') },
    ]);
    expect([...index.keys()].sort()).toEqual(['x', 'y']);
    expect([...index.get('x')!.keys()]).toEqual(['a', 'c']);
    expect(index.get('x')!.get('a')!.mention).toBe('أ');
    expect(index.get('x')!.get('c')!.mention).toBe('د');
  });
});
