/**
 * The charts, maps and companion lists of the built site, checked against the archive itself:
 * article dates from the MDX frontmatter, coordinates from the gazetteer, who-appears-with-whom
 * from the entity chips of every built article page. Nothing here names a particular place.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { builtArticles, byClass, fileForUrlPath, listFiles, readPage, textContent, type HtmlElement, type Page } from './dist';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const contentDir = inject('contentDir');

/** Frontmatter of every article, read straight from content/articles. */
const articles = builtArticles(contentDir);

/** Every entity of the gazetteer, first definition of an id wins (as the site loads them). */
const gazetteer = new Map<string, { id: string; kind: string; name: string; coordinates?: [number, number] }>();
for (const name of readdirSync(path.join(contentDir, 'gazetteer')).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  for (const entity of parseYaml(readFileSync(path.join(contentDir, 'gazetteer', name), 'utf8')) as Array<{ id: string; kind: string; name: string }>) {
    if (!gazetteer.has(entity.id)) gazetteer.set(entity.id, entity);
  }
}
const places = [...gazetteer.values()].filter((e) => e.kind === 'place');
const segment: Record<string, string> = { person: 'people', place: 'places', organization: 'organizations' };

const page = (file: string): Page => readPage(siteDir, file);
const attr = (el: HtmlElement, name: string): string => el.attributes[name] ?? '';
const within = (root: HtmlElement, pred: (el: HtmlElement) => boolean): HtmlElement[] => {
  const out: HtmlElement[] = [];
  const walk = (el: HtmlElement) => {
    for (const child of el.children as HtmlElement[]) {
      if (child.name === undefined) continue;
      if (pred(child)) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
};
/** The file a link of `from` points at (links are resolved like a browser would). */
const target = (from: string, href: string): string | null => fileForUrlPath(new URL(href, `http://site${base}${from.replace(/index\.html$/, '')}`).pathname, base);
/** The raw `<svg …>…</svg>` text of a page marked with `marker`. */
const rawSvg = (p: Page, marker: string): string => p.html.match(new RegExp(`<svg[^>]*${marker}[^>]*>[\\s\\S]*?</svg>`))?.[0] ?? '';
/** How many articles mention an entity, as its own page states (the last fact of its page). */
const mentionCount = (kind: string, id: string): number => {
  const facts = page(`${segment[kind]}/${id}/index.html`).elements.filter((el) => el.name === 'dd');
  return Number(textContent(facts.at(-1)! as never).trim());
};

/** The bars of a chart: key, count, link and drawn width. */
function bars(p: Page, chart: string) {
  const svg = p.elements.find((el) => attr(el, 'data-bar-chart') === chart);
  expect(svg, `${p.file} has the ${chart} chart`).toBeDefined();
  return within(svg!, (el) => el.attributes['data-key'] !== undefined).map((row) => ({
    key: attr(row, 'data-key'),
    count: Number(attr(row, 'data-count')),
    href: row.name === 'a' ? attr(row, 'href') : null,
    width: Number.parseFloat(attr(within(row, (el) => attr(el, 'class') === 'bar')[0] ?? row, 'width') || '0'),
  }));
}

describe('the timeline chart', () => {
  const shelf = (a: (typeof articles)[number]) => (a.published === null || a.publishedPrecision === 'unknown' ? null : { year: a.published.slice(0, 4), month: a.publishedPrecision === 'year' ? '00' : a.published.slice(5, 7) });
  const dated = articles.map(shelf).filter((s) => s !== null);
  const years = [...new Set(dated.map((s) => s.year))].sort();

  it('has a bar for every year from the first to the last, counting the articles of each, and the undated apart', () => {
    const timeline = page('timeline/index.html');
    const drawn = bars(timeline, 'years-chart');
    const expected: Array<[string, number]> = [];
    for (let y = Number(years[0]); y <= Number(years.at(-1)); y += 1) expected.push([String(y), dated.filter((s) => s.year === String(y)).length]);
    const undated = articles.length - dated.length;
    if (undated > 0) expected.push(['undated', undated]);
    expect(drawn.map((b) => [b.key, b.count])).toEqual(expected);
  });

  it('draws bars in proportion to their counts, links each to its page, and links nothing for an empty year', () => {
    const drawn = bars(page('timeline/index.html'), 'years-chart');
    const max = Math.max(...drawn.map((b) => b.count));
    const longest = Math.max(...drawn.map((b) => b.width));
    for (const bar of drawn) {
      expect(bar.width).toBeCloseTo((longest * bar.count) / max, 1);
      if (bar.count === 0) expect(bar.href).toBeNull();
      else expect(existsSync(path.join(siteDir, target('timeline/index.html', bar.href!)!)), bar.href!).toBe(true);
    }
  });

  it('gives every year page its twelve months with their counts, each month with articles linked to its page', () => {
    for (const year of years) {
      const file = `timeline/${year}/index.html`;
      const drawn = bars(page(file), 'months-chart');
      const months = dated.filter((s) => s.year === year);
      const expected: Array<[string, number]> = Array.from({ length: 12 }, (_, i) => {
        const month = String(i + 1).padStart(2, '0');
        return [month, months.filter((s) => s.month === month).length];
      });
      if (months.some((s) => s.month === '00')) expected.push(['00', months.filter((s) => s.month === '00').length]);
      expect(drawn.map((b) => [b.key, b.count]), file).toEqual(expected);
      for (const bar of drawn.filter((b) => b.count > 0)) expect(target(file, bar.href!)).toBe(`timeline/${year}/${bar.key}/index.html`);
    }
  });

  it('repeats the numbers in a table for screen readers', () => {
    const timeline = page('timeline/index.html');
    const table = timeline.elements.find((el) => el.name === 'table' && attr(el, 'class').includes('visually-hidden'))!;
    const cells = within(table, (el) => el.name === 'td').map((td) => Number(textContent(td as never).trim()));
    expect(cells).toEqual(bars(timeline, 'years-chart').map((b) => b.count));
  });
});

describe('the places map', () => {
  const index = page('places/index.html');
  const svg = index.elements.find((el) => el.attributes['data-place-map'] !== undefined)!;
  const markers = within(svg, (el) => el.name === 'a');
  const markerIds = markers.map((a) => attr(a, 'data-place'));
  const listed = (group: string) => {
    const section = index.elements.find((el) => attr(el, 'data-map-list') === group);
    return section ? within(section, (el) => el.name === 'a').map((a) => attr(a, 'data-place')) : [];
  };

  it('marks every place with coordinates and articles, or lists it as beyond the map, and each marker links to the place’s page', () => {
    const expected = places.filter((p) => p.coordinates && mentionCount('place', p.id) > 0).map((p) => p.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect([...markerIds, ...listed('places-off-map')].sort()).toEqual(expected);
    for (const a of markers) {
      const file = target('places/index.html', attr(a, 'href'));
      expect(file).toBe(`places/${attr(a, 'data-place')}/index.html`);
      expect(existsSync(path.join(siteDir, file!))).toBe(true);
    }
  });

  it('never puts a place without coordinates on the map, and lists every such place with articles beside it', () => {
    const unlocated = places.filter((p) => !p.coordinates);
    for (const p of unlocated) expect(markerIds).not.toContain(p.id);
    expect(listed('places-unlocated').sort()).toEqual(unlocated.filter((p) => mentionCount('place', p.id) > 0).map((p) => p.id).sort());
  });

  it('sizes each marker by the articles its page counts', () => {
    const sized = markers.map((a) => ({ count: Number(attr(a, 'data-count')), r: Number(attr(within(a, (el) => el.name === 'circle')[0]!, 'r')), id: attr(a, 'data-place') }));
    for (const m of sized) expect(m.count).toBe(mentionCount('place', m.id));
    for (const a of sized) for (const b of sized) if (a.count > b.count) expect(a.r).toBeGreaterThan(b.r);
  });

  it('names on the map only places it marks, and lists the marked places it could not name, for wide screens and for phones', () => {
    const section = index.elements.find((el) => attr(el, 'data-map-list') === 'places-unlabelled');
    const items = section ? within(section, (el) => el.name === 'li') : [];
    const phoneOnly = items.filter((li) => attr(li, 'data-narrow-only') === 'true').map((li) => attr(within(li, (el) => el.name === 'a')[0]!, 'data-place'));
    const everywhere = listed('places-unlabelled').filter((id) => !phoneOnly.includes(id));
    for (const [layer, unnamed] of [['map-labels--wide', everywhere], ['map-labels--narrow', [...everywhere, ...phoneOnly]]] as const) {
      const group = within(svg, (el) => attr(el, 'class').includes(layer))[0]!;
      const named = within(group, (el) => el.name === 'text').map((t) => attr(t, 'data-place'));
      for (const id of named) expect(markerIds).toContain(id);
      expect([...named, ...unnamed].sort(), layer).toEqual([...markerIds].sort());
    }
  });

  it('is one self-contained inline SVG of modest size', () => {
    const text = rawSvg(index, 'data-place-map');
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(text).not.toMatch(/<image|<use|<script/);
    expect(Buffer.byteLength(text)).toBeLessThan(40_000);
  });

  it('gives a place page a locator map exactly when the place has coordinates', () => {
    for (const p of places) {
      const placePage = page(`places/${p.id}/index.html`);
      const locator = placePage.elements.find((el) => el.attributes['data-locator-map'] !== undefined);
      expect(locator !== undefined, p.id).toBe(p.coordinates !== undefined);
      // The busiest 1:110m window on Earth (the Balkans and the Aegean) makes about 8.3 KB.
      if (locator) expect(Buffer.byteLength(rawSvg(placePage, 'data-locator-map'))).toBeLessThan(10_000);
    }
  });
});

describe('who appears with whom', () => {
  // The independent count: which entities each built article page links in its chips.
  const together = new Map<string, Map<string, number>>();
  const articleFiles = listFiles(siteDir).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
  for (const file of articleFiles) {
    const ids = byClass(page(file), 'chip').map((a) => target(file, attr(a, 'href'))!.split('/')[1]!);
    for (const a of ids) for (const b of ids) if (a !== b) together.set(a, new Map(together.get(a)).set(b, (together.get(a)?.get(b) ?? 0) + 1));
  }

  it('lists, on every entity page, the entities sharing most articles with it, with the counts the article pages give', () => {
    expect(articleFiles.length).toBe(articles.length);
    let checked = 0;
    for (const entity of gazetteer.values()) {
      const file = `${segment[entity.kind]}/${entity.id}/index.html`;
      const entityPage = page(file);
      const items = entityPage.elements.filter((el) => el.attributes['data-companion'] !== undefined);
      const shown = items.map((li) => ({ id: attr(li, 'data-companion'), count: Number(attr(li, 'data-count')) }));
      const all = [...(together.get(entity.id) ?? new Map<string, number>())];
      for (const item of shown) expect(item.count, `${file}: ${item.id}`).toBe(together.get(entity.id)?.get(item.id));
      expect(shown.map((s) => s.count)).toEqual([...shown.map((s) => s.count)].sort((a, b) => b - a));
      // Nobody left out shares more articles than the last one listed.
      const least = shown.at(-1)?.count ?? 0;
      const listedIds = new Set(shown.map((s) => s.id));
      for (const [other, count] of all) if (!listedIds.has(other)) expect(count, `${file}: ${other} left out`).toBeLessThanOrEqual(least);
      expect(shown.length).toBe(Math.min(10, all.length));
      for (const li of items) {
        const link = within(li, (el) => el.name === 'a')[0]!;
        expect(target(file, attr(link, 'href'))).toMatch(new RegExp(`/${attr(li, 'data-companion')}/index\\.html$`));
      }
      checked += shown.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
