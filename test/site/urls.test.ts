// Unit tests of src/site/urls.ts.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, entityPath, isLaterListPage, joinBase, monthPath, normalizeBase, seedPath, sourcePath, undatedPath } from '../../src/site/urls';

describe('site URLs', () => {
  it('normalizes a base path to start and end with a slash', () => {
    expect(normalizeBase('archive')).toBe('/archive/');
    expect(normalizeBase('/archive')).toBe('/archive/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
  });

  it('joins the base and a page path without doubling slashes', () => {
    expect(joinBase('/archive/', 'articles/x/')).toBe('/archive/articles/x/');
    expect(joinBase('/archive/', '/articles/x/')).toBe('/archive/articles/x/');
    expect(joinBase('/', '')).toBe('/');
    expect(joinBase('/archive', 'rss.xml')).toBe('/archive/rss.xml');
  });

  it('keeps a fragment after the path', () => {
    expect(joinBase('/archive/', 'articles/x/#حول')).toBe('/archive/articles/x/#حول');
  });

  it('gives every page a directory path and later list pages a number', () => {
    expect(articlePath('000-abc')).toBe('articles/000-abc/');
    expect(entityPath('person', 'stanislav-zas')).toBe('people/stanislav-zas/');
    expect(entityPath('organization', 'csto', 3)).toBe('organizations/csto/3/');
    expect(sourcePath('tass', 1)).toBe('sources/tass/');
    expect(monthPath('2025', '01', 2)).toBe('timeline/2025/01/2/');
    expect(undatedPath()).toBe('timeline/undated/');
  });

  it('serves seeds under their own file name', () => {
    expect(seedPath('000_8441eef74626a7fb.txt')).toBe('seeds/000_8441eef74626a7fb.txt');
  });

  it('builds absolute URLs under the base for canonical links', () => {
    expect(absoluteUrl('https://example.org', '/archive/', 'articles/x/')).toBe('https://example.org/archive/articles/x/');
  });
});

describe('later list pages', () => {
  it('are recognized for entities, sources, months and the undated shelf, and nothing else', () => {
    for (const later of ['/archive/people/x/2/', '/organizations/csto/12/', '/sources/tass/3/', '/timeline/2025/01/2/', '/timeline/undated/4/']) {
      expect(isLaterListPage(later), later).toBe(true);
    }
    for (const first of ['/archive/people/x/', '/timeline/2025/', '/timeline/2025/01/', '/timeline/undated/', '/articles/2/', '/people/']) {
      expect(isLaterListPage(first), first).toBe(false);
    }
  });
});
