// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * The one place that says where the site lives. `ARSHIF_SITE` and `ARSHIF_BASE` let a deployment
 * (or a test) host the archive elsewhere, e.g. under `/archive/`, without touching code.
 */
const site = process.env.ARSHIF_SITE ?? 'https://arshif.example.org';
const base = process.env.ARSHIF_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // The page must show the source text exactly: no curly quotes, dashes or ellipses invented.
    smartypants: false,
  },
  integrations: [mdx()],
});
