/**
 * The timeline chart, the places map, a place's locator and an entity's companions in a real
 * browser: they parse as SVG, work with JavaScript turned off, follow the dark scheme and print,
 * never overflow a phone, and leave screenshots for review.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
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

const pathOf = (name: string): string => types.find((t) => t.name === name)!.path;
// Rahmon's page is the one the issue names; any richest person page stands in if he is ever renamed.
const personPath = existsSync(path.join(siteDir, 'people/emomali-rahmon/index.html')) ? 'people/emomali-rahmon/' : pathOf('entity-people');
const visualPages = [
  { name: 'timeline', path: 'timeline/' },
  { name: 'places', path: 'places/' },
  { name: 'place', path: pathOf('entity-places') },
  { name: 'person', path: personPath },
];

beforeAll(async () => {
  mkdirSync(shotsDir, { recursive: true });
  server = await startStaticServer(siteDir, base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(target: string, width: number, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const { problems } = watchPage(page, server.origin);
  const response = await page.goto(server.url(target), { waitUntil: 'load' });
  expect(response?.status(), target).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

describe('charts and maps in the browser', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`shows the timeline, places, place and person pages at ${width} px (${colorScheme}) without horizontal scroll, and keeps screenshots`, async () => {
        for (const { name, path: target } of visualPages) {
          const { page, problems } = await open(target, width, { colorScheme });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${target} at ${width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `${shotsDir}/visual-${name}-${width}-${colorScheme}.png`, fullPage: true });
          expect(problems, target).toEqual([]);
          await page.context().close();
        }
      });
    }
  }

  it('finds no axe violation of any impact on the timeline, places, place and person pages, light or dark', async () => {
    const axePath = path.resolve('node_modules/axe-core/axe.min.js');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const { path: target } of visualPages) {
        const { page } = await open(target, 1280, { colorScheme });
        await page.addScriptTag({ path: axePath });
        const ids = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
          return (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id}`);
        });
        expect(ids, `${target} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('serves SVG that parses as SVG on its own, as written in the page', async () => {
    const { page } = await open('', 1280);
    for (const target of ['timeline/', 'places/', pathOf('entity-places'), ...types.filter((t) => t.name === 'year').map((t) => t.path)]) {
      const result = await page.evaluate(async (url) => {
        const html = await (await fetch(url)).text();
        const svgs = [...html.matchAll(/<svg[^>]*data-(?:bar-chart|place-map|locator-map)[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
        return svgs.map((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.namespaceURI, shapes: doc.querySelectorAll('rect, path, circle').length };
        });
      }, server.url(target));
      expect(result.length, target).toBeGreaterThan(0);
      for (const svg of result) {
        expect(svg.error, target).toBeNull();
        expect(svg.root).toBe('http://www.w3.org/2000/svg');
        expect(svg.shapes).toBeGreaterThan(0);
      }
    }
    await page.context().close();
  });

  it('takes a reader from a bar to its year and from a marker to its place with JavaScript turned off', async () => {
    const { page, problems } = await open('timeline/', 1280, { javaScriptEnabled: false });
    const bar = page.locator('svg[data-bar-chart] a').first();
    const year = await bar.getAttribute('data-key');
    await bar.locator('.bar').click();
    await page.waitForURL(/\/timeline\/[^/]+\/$/);
    expect(new URL(page.url()).pathname).toBe(year === 'undated' ? `${base}timeline/undated/` : `${base}timeline/${year}/`);

    await page.goto(server.url('places/'));
    const marker = page.locator('svg[data-place-map] a.map-marker').last();
    const id = await marker.getAttribute('data-place');
    await marker.locator('circle').click();
    await page.waitForURL(new RegExp(`/places/${id}/$`));
    expect(await page.locator('h1').textContent()).not.toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('paints charts and maps from the colour scheme: the bars and land change in dark mode and turn light for print', async () => {
    const colours = async (page: Page) =>
      page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('.bar-chart .bar')!).fill,
        label: getComputedStyle(document.querySelector('.bar-chart .bar-label')!).fill,
      }));
    const light = await open('timeline/', 1280, { colorScheme: 'light' });
    const dark = await open('timeline/', 1280, { colorScheme: 'dark' });
    const lightColours = await colours(light.page);
    const darkColours = await colours(dark.page);
    expect(darkColours.bar).not.toBe(lightColours.bar);
    expect(darkColours.label).not.toBe(lightColours.label);
    await dark.page.emulateMedia({ media: 'print' });
    expect((await colours(dark.page)).label).toBe('rgb(0, 0, 0)');
    expect(await dark.page.locator('svg[data-bar-chart]').isVisible()).toBe(true);

    const lightMap = await open('places/', 1280, { colorScheme: 'light' });
    const darkMap = await open('places/', 1280, { colorScheme: 'dark' });
    const land = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.map-land')!).fill);
    expect(await land(darkMap.page)).not.toBe(await land(lightMap.page));
    for (const opened of [light, dark, lightMap, darkMap]) await opened.page.context().close();
  });

  for (const width of [1280, 390]) {
    it(`draws map labels at ${width} px whose ink overlaps no other label and no other place's marker`, async () => {
      const { page } = await open('places/', width);
      const result = await page.evaluate(() => {
        const svg = document.querySelector('svg[data-place-map]')!;
        const canvas = document.createElement('canvas').getContext('2d')!;
        // Ink boxes in the SVG's own units: the advance from getBBox, the glyphs' real height from canvas.
        const ink = (text: SVGTextElement) => {
          const size = Number(text.parentElement!.getAttribute('font-size'));
          canvas.font = `${size}px ${getComputedStyle(text).fontFamily}`;
          const m = canvas.measureText(text.textContent ?? '');
          const b = text.getBBox();
          const y = Number(text.getAttribute('y'));
          return { x0: b.x, x1: b.x + b.width, y0: y - m.actualBoundingBoxAscent, y1: y + m.actualBoundingBoxDescent };
        };
        type Box = { x0: number; x1: number; y0: number; y1: number };
        const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        const labels = [...svg.querySelectorAll<SVGTextElement>('.map-labels text')].filter((t) => t.getBoundingClientRect().width > 0);
        const markers = [...svg.querySelectorAll<SVGCircleElement>('a.map-marker circle')].map((c) => {
          const [x, y, r] = ['cx', 'cy', 'r'].map((k) => Number(c.getAttribute(k)));
          return { id: c.parentElement!.getAttribute('data-place'), box: { x0: x! - r!, x1: x! + r!, y0: y! - r!, y1: y! + r! } };
        });
        const out: string[] = [];
        labels.forEach((label, i) => {
          const id = label.getAttribute('data-place');
          const box = ink(label);
          for (const other of labels.slice(i + 1)) if (hit(box, ink(other))) out.push(`${id} × ${other.getAttribute('data-place')}`);
          for (const marker of markers) if (marker.id !== id && hit(box, marker.box)) out.push(`${id} over ${marker.id}`);
        });
        return { clashes: out, shown: labels.length };
      });
      expect(result.shown).toBeGreaterThan(0);
      expect(result.clashes).toEqual([]);
      await page.context().close();
    });
  }

  it('shows phones the map labels in larger type, and wide screens the smaller set', async () => {
    const fontPx = async (width: number) => {
      const { page } = await open('places/', width);
      const size = await page.evaluate(() => {
        const text = [...document.querySelectorAll('svg[data-place-map] .map-labels text')].find((t) => (t as SVGGraphicsElement).getBoundingClientRect().height > 0) as SVGGraphicsElement | undefined;
        return text ? text.getBoundingClientRect().height : 0;
      });
      await page.context().close();
      return size;
    };
    const phone = await fontPx(390);
    const desktop = await fontPx(1280);
    // Rendered glyph boxes, in CSS pixels: legible on both.
    expect(phone).toBeGreaterThanOrEqual(11);
    expect(desktop).toBeGreaterThanOrEqual(11);
  });
});
