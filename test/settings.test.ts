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
    });
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
