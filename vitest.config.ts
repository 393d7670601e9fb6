import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs pure-function tests quickly; `site` builds the real site once
 * (test/setup/build-site.ts) and checks the built HTML and the pages in a browser.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/built-site/**', 'test/.tmp/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/built-site/**/*.test.ts'],
          globalSetup: ['test/setup/build-site.ts'],
          // Browser tests share one machine; run files one at a time to keep Chromium stable.
          fileParallelism: false,
        },
      },
    ],
  },
});
