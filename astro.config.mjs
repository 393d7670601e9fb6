// @ts-check
import { defineConfig } from 'astro/config';
import { readSettings } from './src/settings.ts';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { isolateLatin } from './src/site/isolate-latin.ts';
import { isLaterListPage, RELATIVE_ROOT } from './src/site/urls.ts';
import relativeLinks from './src/integrations/relative-links.ts';
import offlineSearch from './src/integrations/offline-search.ts';
import textCharset from './src/integrations/text-charset.ts';
import subsetFonts from './src/integrations/subset-fonts.ts';

/**
 * The one place that says where the site lives. `ARSHIF_SITE` and `ARSHIF_BASE` let a deployment
 * (or a test) host the archive elsewhere, e.g. under `/archive/`, without touching code;
 * `ARSHIF_OUT_DIR` lets tests build into their own folder.
 */
const { site, base, outDir, relativeLinks: relative } = readSettings();
/**
 * `ARSHIF_LINKS=relative` builds the offline bundle's site: every link page-relative and ending in
 * `index.html`, asset URLs relative, and a search that works from file://. Unset, nothing changes.
 */

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  build: relative
    ? // Asset links carry the root mark; src/integrations/relative-links.ts makes them relative per page.
      { format: 'directory', assetsPrefix: RELATIVE_ROOT.replace(/\/$/, '') }
    : { format: 'directory' },
  markdown: {
    processor: satteri({
      // The page must show the source text exactly: no curly quotes, dashes or ellipses invented.
      features: { smartPunctuation: false },
      // Latin runs (CSTO, URLs, photo credits) get <bdi> so they never reorder the Arabic around them.
      hastPlugins: [isolateLatin],
    }),
  },
  vite: {
    ...(relative
      ? {
          define: { 'import.meta.env.ARSHIF_LINKS': JSON.stringify('relative') },
        }
      : {}),
    build: {
      rollupOptions: {
        // Astro's own MDX modules trip this bundler notice once per article (withastro/astro#18087);
        // harmless, and 10,000 copies of it would bury every real warning.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    mdx(),
    // Later pages of long lists are noindex and stay out of the sitemap.
    sitemap({ filter: (page) => !isLaterListPage(new URL(page).pathname) }),
    pagefind(),
    // `astro preview` sends raw texts (seeds, MDX, exports) as UTF-8, so Arabic never shows as mojibake.
    textCharset(),
    // Self-hosted fonts cut to the characters the site shows (a fifth of their size or less).
    subsetFonts(),
    ...(relative ? [offlineSearch(), relativeLinks()] : []),
  ],
});
