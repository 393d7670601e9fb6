import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, readSettings, siteUrl } from '../src/settings';

describe('the ARSHIF_* settings', () => {
  it('default to the hosted layout of the repository', () => {
    expect(readSettings({})).toEqual({
      site: DEFAULT_SITE,
      base: '/',
      outDir: './dist',
      contentDir: './content',
      seedsDir: 'seeds',
      relativeLinks: false,
      organization: 'arshif (أرشيف)',
      shardPlan: null,
      shard: null,
      renderThreads: null,
    });
  });

  it('take a number of render threads only as a whole number of at least 1', () => {
    expect(readSettings({ ARSHIF_RENDER_THREADS: '1' }).renderThreads).toBe(1);
    expect(readSettings({ ARSHIF_RENDER_THREADS: '4' }).renderThreads).toBe(4);
    for (const odd of ['', '0', '-2', '1.5', 'two', '2x']) expect(readSettings({ ARSHIF_RENDER_THREADS: odd }).renderThreads).toBeNull();
  });

  it('are read from the environment, an empty value counting as unset', () => {
    const settings = readSettings({ ARSHIF_SITE: 'https://example.org', ARSHIF_BASE: '/archive/', ARSHIF_LINKS: 'relative', ARSHIF_CONTENT_DIR: '', ARSHIF_SEEDS_DIR: '/tmp/s' });
    expect(settings).toMatchObject({ site: 'https://example.org', base: '/archive/', relativeLinks: true, contentDir: './content', seedsDir: '/tmp/s' });
  });

  it('give a page the site Astro knows, else the default address', () => {
    expect(siteUrl(new URL('https://example.org')).href).toBe('https://example.org/');
    expect(siteUrl(undefined).origin).toBe(new URL(readSettings().site).origin);
  });
});
