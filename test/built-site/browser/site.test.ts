/** The site in a real browser: screenshots at desktop and phone widths, no horizontal scroll, dark mode, quiet console. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, startStaticServer, watchPage, type StaticServer } from './harness';
import { pageTypes } from './site-pages';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const types = pageTypes(siteDir);
const shotsDir = 'test-results/screenshots';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shotsDir, { recursive: true });
  server = await startStaticServer(siteDir, base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a page at a width, wait for fonts, and return it with the problems seen so far. */
async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const { problems } = watchPage(page, server.origin);
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  if (!path.endsWith('404.html')) expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

const screenshotTypes = ['home', 'article', 'entity-organizations'];

describe('pages in the browser', () => {
  for (const width of [1280, 390]) {
    for (const name of screenshotTypes) {
      it(`renders the ${name} page at ${width} px without horizontal scroll, and keeps a screenshot`, async () => {
        const type = types.find((t) => t.name === name) ?? types.find((t) => t.name.startsWith(name.split('-')[0]!));
        expect(type, name).toBeDefined();
        const { page, problems } = await open(type!.path, width);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${type!.path} at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${shotsDir}/${name}-${width}.png` });
        await page.screenshot({ path: `${shotsDir}/${name}-${width}-full.png`, fullPage: true });
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('has no horizontal scroll at 390 px on any page type', async () => {
    for (const type of types) {
      const { page, problems } = await open(type.path, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, type.path).toBeLessThanOrEqual(0);
      expect(problems, type.path).toEqual([]);
      await page.context().close();
    }
  });

  it('follows the dark colour scheme and keeps a screenshot', async () => {
    const article = types.find((t) => t.name === 'article')!;
    for (const width of [1280, 390]) {
      const { page, problems } = await open(article.path, width, 'dark');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(21, 23, 26)');
      await page.screenshot({ path: `${shotsDir}/article-dark-${width}.png` });
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('remembers the theme chosen with the toggle across pages', async () => {
    const { page, problems } = await open('', 1280, 'light');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('false');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    await page.goto(server.url('about/'));
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 26)');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('uses the one bundled Arabic font family for body text and interface', async () => {
    const article = types.find((t) => t.name === 'article')!;
    const { page } = await open(article.path, 1280);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    expect(new Set(loaded)).toEqual(new Set(['Noto Sans Arabic Variable']));
    const families = await page.evaluate(() => ['.prose', 'h1', '.site-header', '.sidebar'].map((selector) => getComputedStyle(document.querySelector(selector)!).fontFamily.split(',')[0]!.replace(/"/g, '').trim()));
    expect(new Set(families)).toEqual(new Set(['Noto Sans Arabic Variable']));
    await page.context().close();
  });

  it('goes from a mention to its entity page and back to the article', async () => {
    const article = types.find((t) => t.name === 'article')!;
    const { page, problems } = await open(article.path, 1280);
    const mention = page.locator('.article-body a.entity').first();
    const entityHref = await mention.getAttribute('href');
    await mention.click();
    await page.waitForURL((url) => url.pathname === entityHref);
    const back = page.locator(`.article-list a[href="${base}${article.path}"]`).first();
    await back.click();
    await page.waitForURL((url) => url.pathname === `${base}${article.path}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lets a phone reader reach the years and months of the sidebar', async () => {
    const article = types.find((t) => t.name === 'article')!;
    const { page, problems } = await open(article.path, 390);
    // The header's timeline link is on screen at once; the sidebar follows the article, never hidden.
    expect(await page.locator('.main-nav a', { hasText: 'الخط الزمني' }).isVisible()).toBe(true);
    const sidebar = page.locator('nav.sidebar');
    expect(await sidebar.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await sidebar.scrollIntoViewIfNeeded();
    const years = sidebar.locator('a[href*="/timeline/"]');
    expect(await years.count()).toBeGreaterThan(1);
    for (const link of await years.all()) expect(await link.isVisible(), await link.getAttribute('href') ?? '').toBe(true);
    const month = sidebar.locator('.months a[aria-current], .months .is-current > a').first();
    expect(await month.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('serves a well-formed RSS 2.0 feed with a title, link and date for every item', async () => {
    const { page } = await open('', 1280);
    const feed = await page.evaluate(async (url) => {
      const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      const channel = xml.querySelector('rss[version="2.0"] > channel');
      return {
        error: xml.querySelector('parsererror')?.textContent ?? null,
        channel: ['title', 'link', 'description', 'language'].map((tag) => channel?.querySelector(`:scope > ${tag}`)?.textContent ?? ''),
        items: [...xml.querySelectorAll('item')].map((item) => ['title', 'link', 'guid', 'pubDate'].map((tag) => item.querySelector(tag)?.textContent ?? '')),
      };
    }, server.url('rss.xml'));
    expect(feed.error).toBeNull();
    expect(feed.channel.every((value) => value !== '')).toBe(true);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const [title, link, guid, pubDate] of feed.items) {
      expect(title).not.toBe('');
      expect(new URL(link!).pathname.startsWith(`${base}articles/`)).toBe(true);
      expect(guid).toBe(link);
      expect(new Date(pubDate!).toUTCString()).toBe(pubDate);
    }
    await page.context().close();
  });

  it('prints without navigation chrome', async () => {
    const article = types.find((t) => t.name === 'article')!;
    const { page } = await open(article.path, 1280);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.site-header', '.sidebar', '.prev-next'].map((s) => getComputedStyle(document.querySelector(s)!).display));
    expect(hidden).toEqual(['none', 'none', 'none']);
    await page.context().close();
  });
});
