/**
 * Slugs: the seed file name → article id and URL slug, and heading text → anchor id.
 * Heading anchors use github-slugger, the same slugger Astro uses for heading ids, so the
 * frontmatter's `headings[].slug` always points at a real anchor in the page.
 */
import GithubSlugger from 'github-slugger';

/** The article id: the seed file name without its `.txt` extension (stable for life). */
export function seedId(fileName: string): string {
  return fileName.replace(/\.txt$/i, '');
}

/** The URL slug of a seed id: lowercased, every run of characters other than a–z and 0–9 → "-". */
export function articleSlug(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Anchor ids for a page's headings, in order; repeated headings get -1, -2 … like Astro's. */
export function headingSlugs(texts: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return texts.map((text) => slugger.slug(text) || 'section');
}
