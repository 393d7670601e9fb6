import { afterEach, describe, expect, it, vi } from 'vitest';
import { filePath, href, RELATIVE_ROOT, resolveRelativeRoot, rootFrom } from '../../src/site/urls';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('relative links for the offline bundle', () => {
  it('names the file of a page, keeping files and hashes', () => {
    expect(filePath('')).toBe('index.html');
    expect(filePath('articles/x/')).toBe('articles/x/index.html');
    expect(filePath('articles/x/#part')).toBe('articles/x/index.html#part');
    expect(filePath('seeds/a%20b.txt')).toBe('seeds/a%20b.txt');
  });

  it('climbs one folder per level from the written file to the root', () => {
    expect(rootFrom('index.html')).toBe('');
    expect(rootFrom('404.html')).toBe('');
    expect(rootFrom('search/index.html')).toBe('../');
    expect(rootFrom('people/x/2/index.html')).toBe('../../../');
    expect(rootFrom('_astro/Base.css')).toBe('../');
  });

  it('writes the root mark in a relative build and resolves it per page', () => {
    vi.stubEnv('ARSHIF_LINKS', 'relative');
    const link = href('articles/x/');
    expect(link).toBe(`${RELATIVE_ROOT}articles/x/index.html`);
    expect(resolveRelativeRoot(`<a href="${link}">`, 'people/y/index.html')).toBe('<a href="../../articles/x/index.html">');
    expect(resolveRelativeRoot(`<a href="${href('')}">`, 'index.html')).toBe('<a href="index.html">');
  });

  it('leaves the hosted site links absolute under the base path', () => {
    vi.stubEnv('ARSHIF_LINKS', '');
    expect(href('articles/x/')).toBe(`${import.meta.env.BASE_URL}articles/x/`);
    expect(href('articles/x/')).not.toContain(RELATIVE_ROOT);
  });
});
