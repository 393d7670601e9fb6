/**
 * Shared browser-test harness: the static server and Chromium launcher of scripts/browser.ts
 * (the benchmarks use them too), and a watch on what a page logs and requests.
 */
import type { BrowserContext, Page } from 'playwright-core';

export { launchChromium, startStaticServer, type StaticServer } from '../../../scripts/browser';

/** Collect console errors, page errors and requests to any host but the test server. */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`external request: ${url}`);
  });
  return { problems };
}

/**
 * Serve the search page with `size` results per page instead of the built five, so the five seed
 * articles fill more than one page and the "more" button has something to load.
 */
export async function withSearchPageSize(context: BrowserContext, base: string, size: number): Promise<void> {
  await context.route(
    (url) => url.pathname === `${base}search/`,
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      if (!/data-page-size="\d+"/.test(html)) throw new Error('The search page no longer names its page size (data-page-size).');
      await route.fulfill({ response, body: html.replace(/data-page-size="\d+"/, `data-page-size="${size}"`) });
    },
  );
}
