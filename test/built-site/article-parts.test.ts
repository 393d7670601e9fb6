/**
 * The parts of an article page a reader relies on, checked on every article of the built site:
 * "on this page", breadcrumbs, older/newer by date, the Hijri date, the citation, the raw seed,
 * provenance, and the round trip from every mention to its entity page and back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { ArticleFrontmatter } from '../../src/schema';
import { builtArticles, byClass, fileForUrlPath, readPage, textContent, type HtmlElement, type Page } from './dist';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const contentDir = inject('contentDir');
const seedsDir = inject('seedsDir');

const articles = builtArticles(contentDir);
const bySlug = new Map(articles.map((a) => [a.slug, a]));
const pageOf = (slug: string): Page => readPage(siteDir, `articles/${slug}/index.html`);
const dated = (a: ArticleFrontmatter) => a.published !== null && a.publishedPrecision !== 'unknown';
const text = (el: HtmlElement | undefined) => (el ? textContent(el as never).replace(/\s+/g, ' ').trim() : '');

/** Descendant elements of `el` (depth first). */
function descendants(el: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (node: HtmlElement) => {
    for (const child of node.children as HtmlElement[]) {
      if (child.name === undefined) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(el);
  return out;
}

/** Slug of an article link, or null. */
const articleSlug = (href: string | undefined) => (href?.startsWith(`${base}articles/`) ? href.slice(`${base}articles/`.length).replace(/\/$/, '') : null);

describe('article pages, part by part', () => {
  it('list every heading under "on this page", in order, linking to the heading', () => {
    const withHeadings = articles.filter((a) => a.headings.length > 0);
    expect(withHeadings.length).toBeGreaterThan(0);
    for (const article of withHeadings) {
      const page = pageOf(article.slug);
      const toc = page.elements.find((el) => el.name === 'nav' && el.attributes['class'] === 'toc');
      expect(toc, article.slug).toBeDefined();
      const links = descendants(toc!).filter((el) => el.name === 'a');
      const headingIds = descendants(byClass(page, 'article-body')[0]!).filter((el) => /^h[23]$/.test(el.name) && el.attributes['id']).map((el) => el.attributes['id']!);
      expect(links.map((a) => decodeURIComponent(a.attributes['href']!.split('#')[1]!)), article.slug).toEqual(article.headings.filter((h) => h.depth <= 3).map((h) => h.slug));
      for (const link of links) expect(headingIds, article.slug).toContain(decodeURIComponent(link.attributes['href']!.split('#')[1]!));
    }
    for (const article of articles.filter((a) => a.headings.length === 0)) {
      expect(pageOf(article.slug).elements.some((el) => el.name === 'nav' && el.attributes['class'] === 'toc'), article.slug).toBe(false);
    }
  });

  it('show breadcrumbs from home through the timeline to the article', () => {
    for (const article of articles) {
      const crumbs = pageOf(article.slug).elements.find((el) => el.name === 'nav' && el.attributes['class'] === 'breadcrumbs');
      const hrefs = descendants(crumbs!).filter((el) => el.name === 'a').map((a) => a.attributes['href']);
      const shelf = dated(article) ? [`${base}timeline/${article.published!.slice(0, 4)}/`, `${base}timeline/${article.published!.slice(0, 4)}/${article.published!.slice(5, 7)}/`] : [`${base}timeline/undated/`];
      expect(hrefs, article.slug).toEqual([base, `${base}timeline/`, ...shelf]);
      const current = descendants(crumbs!).find((el) => el.attributes['aria-current'] === 'page');
      expect(text(current), article.slug).toBe(article.title);
    }
  });

  it('link to the older and newer article by date, and never call an undated one older or newer', () => {
    for (const article of articles) {
      const nav = pageOf(article.slug).elements.find((el) => el.name === 'nav' && el.attributes['class'] === 'prev-next');
      if (!nav) continue;
      for (const link of descendants(nav).filter((el) => el.name === 'a')) {
        const other = bySlug.get(articleSlug(link.attributes['href'])!)!;
        const label = text(descendants(link).find((el) => el.name === 'small'));
        if (label === 'المقال الأقدم') {
          expect(dated(article) && dated(other) && other.published! <= article.published!, `${article.slug} → ${other.slug}`).toBe(true);
        } else if (label === 'المقال الأحدث') {
          expect(dated(article) && dated(other) && other.published! >= article.published!, `${article.slug} → ${other.slug}`).toBe(true);
        } else {
          expect(dated(article) && dated(other), `${article.slug} → ${other.slug}: "${label}"`).toBe(false);
        }
      }
    }
    // Every dated article but the oldest has an older one, every one but the newest a newer one.
    const order = articles.filter(dated).sort((a, b) => (a.published! < b.published! ? -1 : 1));
    for (const [i, article] of order.entries()) {
      const links = byClass(pageOf(article.slug), 'prev-next').flatMap((nav) => descendants(nav)).filter((el) => el.name === 'a');
      const targets = links.map((a) => articleSlug(a.attributes['href']));
      if (i > 0) expect(targets, article.slug).toContain(order[i - 1]!.slug);
      if (i < order.length - 1) expect(targets, article.slug).toContain(order[i + 1]!.slug);
    }
  });

  it('give the Hijri date of every article dated to the day, as Intl islamic-umalqura computes it', () => {
    const hijri = new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const withDay = articles.filter((a) => dated(a) && a.publishedPrecision === 'day');
    expect(withDay.length).toBeGreaterThan(0);
    for (const article of withDay) {
      const parts = Object.fromEntries(hijri.formatToParts(new Date(`${article.published}T12:00:00Z`)).map((p) => [p.type, p.value]));
      const line = text(byClass(pageOf(article.slug), 'dateline')[0]);
      expect(line, article.slug).toContain(`${parts['day']} ${parts['month']} ${parts['year']} هـ`);
    }
  });

  it('offer a citation with the title, source, date and the canonical address of the page', () => {
    for (const article of articles) {
      const page = pageOf(article.slug);
      const cite = text(byClass(page, 'cite-text')[0]);
      const canonical = page.elements.find((el) => el.name === 'link' && el.attributes['rel'] === 'canonical')!.attributes['href']!;
      expect(cite, article.slug).toContain(`«${article.title}»`);
      expect(cite, article.slug).toContain(canonical);
      if (article.source) expect(cite, article.slug).toContain(article.source.ar);
      if (article.shortLink) expect(cite, article.slug).toContain(article.shortLink);
      if (!dated(article)) expect(cite, article.slug).toContain('تاريخ غير معروف');
    }
  });

  it('link to the raw seed, which is served byte for byte, and show the provenance', () => {
    for (const article of articles) {
      const page = pageOf(article.slug);
      const box = page.elements.find((el) => el.attributes['aria-labelledby'] === 'provenance-title');
      expect(box, article.slug).toBeDefined();
      const seedLinks = descendants(box!).filter((el) => el.name === 'a' && el.attributes['href'] === `${base}seeds/${article.provenance.seed}`);
      expect(seedLinks.length, article.slug).toBeGreaterThan(0);
      const served = readFileSync(path.join(siteDir, fileForUrlPath(seedLinks[0]!.attributes['href']!, base)!));
      expect(served.equals(readFileSync(path.join(seedsDir, article.provenance.seed))), article.slug).toBe(true);
      const shown = text(box);
      expect(shown, article.slug).toContain(article.provenance.sha256);
      for (const removed of article.provenance.removed) expect(shown, `${article.slug} line ${removed.line}`).toContain(removed.text.replace(/\s+/g, ' ').trim());
    }
  });

  it('link every mention to an entity page that lists the article back', () => {
    let mentions = 0;
    for (const article of articles) {
      for (const link of byClass(pageOf(article.slug), 'entity').filter((el) => el.name === 'a')) {
        mentions += 1;
        const entityPage = readPage(siteDir, fileForUrlPath(link.attributes['href']!, base)!);
        const listed = byClass(entityPage, 'article-list').flatMap((list) => descendants(list)).filter((el) => el.name === 'a').map((a) => articleSlug(a.attributes['href']));
        expect(listed, `${link.attributes['href']} lists ${article.slug}`).toContain(article.slug);
      }
    }
    expect(mentions).toBeGreaterThan(articles.length);
  });

  it('are listed on each entity page newest first, undated last, with a snippet that marks the mention', () => {
    const pages = new Set<string>();
    for (const article of articles) for (const link of byClass(pageOf(article.slug), 'entity').filter((el) => el.name === 'a')) pages.add(link.attributes['href']!);
    for (const href of pages) {
      const items = byClass(readPage(siteDir, fileForUrlPath(href, base)!), 'article-list').flatMap((list) => list.children as HtmlElement[]).filter((el) => el.name === 'li');
      const listed = items.map((li) => bySlug.get(articleSlug(descendants(li).find((el) => el.name === 'a')?.attributes['href'])!)!);
      const keys = listed.map((a) => (dated(a) ? a.published! : ''));
      expect(keys, href).toEqual([...keys].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : y.localeCompare(x))));
      for (const li of items) expect(descendants(li).some((el) => el.name === 'mark'), href).toBe(true);
    }
  });
});
