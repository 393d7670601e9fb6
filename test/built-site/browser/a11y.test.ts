/** axe-core on one page of every type, light and dark: no serious or critical violation. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, startStaticServer, watchPage, withSearchPageSize, type StaticServer } from './harness';
import { pageTypes } from './site-pages';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const axePath = path.resolve('node_modules/axe-core/axe.min.js');
let server: StaticServer;
let browser: Browser;
const summary: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  server = await startStaticServer(siteDir, base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  // Kept with the screenshots so the closing note can cite the numbers.
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/axe-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
});

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const type of pageTypes(siteDir)) {
      it(`finds no serious or critical axe violation on the ${type.name} page (${colorScheme})`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
        const page = await context.newPage();
        const { problems } = watchPage(page, server.origin);
        await page.goto(server.url(type.path));
        await page.evaluate(() => document.fonts.ready);
        await page.addScriptTag({ path: axePath });
        const violations = (await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
            resultTypes: ['violations'],
          });
          return result.violations;
        })) as AxeViolation[];
        const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
        for (const v of violations) counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + 1;
        summary[`${type.name} (${colorScheme})`] = counts;
        const severe = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(severe, type.path).toEqual([]);
        expect(problems, type.path).toEqual([]);
        await context.close();
      });
    }
  }

  // The search page with results and its "more" button shown (two results a page, so the seed
  // archive fills several), before and after pressing it.
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical axe violation on the search page with "more" shown and pressed (${colorScheme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      await withSearchPageSize(context, base, 2);
      const page = await context.newPage();
      const { problems } = watchPage(page, server.origin);
      await page.goto(server.url(`search/?q=${encodeURIComponent('منظمة')}`));
      await page.waitForSelector('#search-results[aria-busy=false]', { state: 'attached' });
      await page.addScriptTag({ path: axePath });
      const severe = async (): Promise<string[]> =>
        page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        });
      expect(await page.isVisible('#search-more')).toBe(true);
      expect(await severe()).toEqual([]);
      await page.click('#search-more');
      await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 4);
      expect(await severe()).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
