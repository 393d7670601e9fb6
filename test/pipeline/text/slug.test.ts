import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { articleSlug, headingSlugs, seedId } from '../../../src/pipeline/text/slug';

describe('slugs', () => {
  it('makes the id from the file stem and the slug from the id (contract example)', () => {
    expect(seedId('000_8441eef74626a7fb.txt')).toBe('000_8441eef74626a7fb');
    expect(articleSlug('000_8441eef74626a7fb')).toBe('000-8441eef74626a7fb');
    expect(articleSlug('A__b..C')).toBe('a-b-c');
  });

  it('keeps Arabic heading anchors and numbers repeats like Astro does', () => {
    const texts = ['أرمينيا', 'الوضع في الشرق الأوسط: دعوة للحوار', 'أرمينيا'];
    const slugger = new GithubSlugger();
    expect(headingSlugs(texts)).toEqual(texts.map((t) => slugger.slug(t)));
    expect(headingSlugs(texts)).toEqual(['أرمينيا', 'الوضع-في-الشرق-الأوسط-دعوة-للحوار', 'أرمينيا-1']);
  });
});
