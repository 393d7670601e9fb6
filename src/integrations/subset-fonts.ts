/**
 * Astro integration: after the build, cut every self-hosted font file down to the characters the
 * site really shows. The Noto files ship whole scripts (the Arabic subset alone covers Persian, Urdu,
 * Quranic marks …); a page needs a fraction of that. Subsetting is HarfBuzz's (`subset-font`), which
 * keeps the contextual forms and ligatures of the glyphs it keeps. Each file gets a new content-hashed
 * name, rewritten wherever the CSS and HTML refer to it, so no cache ever serves an old cut.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { isShardBuild } from '../shards/current';
import { ShownCharacters } from './shown-characters';

/**
 * Always kept, whatever the pages say: the Arabic letters and short vowels, so that an Arabic word a
 * reader types into the search box looks like the page around it. Everything else a page shows is
 * found on the pages themselves; the rest of Latin-1, Arabic-Indic digits or Persian letters typed
 * into the box fall back to a system font rather than weigh on every page (about 10 KB).
 */
export const ALWAYS_KEPT = [
  [0x0621, 0x063a],
  [0x0641, 0x0652],
].flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)));

/**
 * The weights the stylesheets use (400 to 700; test/integrations/subset-fonts.test.ts checks
 * global.css). A variable font keeps only that stretch of its weight axis, which halves it.
 */
export const USED_WEIGHTS = { min: 400, max: 700 } as const;

/** `name.HASH.ext` with a new hash of `bytes` (Astro's asset naming: 8 URL-safe characters). */
export function renamedAsset(name: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
  const match = /^(.*)\.([A-Za-z0-9_-]{8})\.([a-z0-9]+)$/.exec(name);
  return match ? `${match[1]}.${hash}.${match[3]}` : name.replace(/\.([a-z0-9]+)$/, `.${hash}.$1`);
}

/** Replace every old name by its new one in `text`, in one pass. */
function rename(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return text;
  // Longest first, so a name that begins another never takes its place.
  const names = new RegExp([...renames.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(names, (name) => renames.get(name)!);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** One `@font-face` rule of a stylesheet: its text, the font file it names and the code points it covers. */
export interface FontFaceRule {
  rule: string;
  file: string;
  ranges: Array<[number, number]>;
}

/** The `@font-face` rules of a stylesheet (a rule without unicode-range covers every code point). */
export function fontFaceRules(css: string): FontFaceRule[] {
  return [...css.matchAll(/@font-face\s*{[^}]*}/g)].map(([rule]) => {
    const file = path.basename(/url\(\s*["']?([^)"']+)["']?\s*\)/.exec(rule)?.[1] ?? '');
    const ranges = (/unicode-range:\s*([^;}]+)/.exec(rule)?.[1] ?? 'U+0-10FFFF').split(',').map((range): [number, number] => {
      // Minifiers write U+600-6FF as U+6?? (each ? any hex digit).
      const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
      return to === undefined ? [Number.parseInt(from!.replaceAll('?', '0'), 16), Number.parseInt(from!.replaceAll('?', 'F'), 16)] : [Number.parseInt(from!, 16), Number.parseInt(to, 16)];
    });
    return { rule, file, ranges };
  });
}

/** Whether any of `characters` falls in the ranges of a rule, i.e. whether a browser would ever fetch its file. */
export function coversAny(ranges: ReadonlyArray<readonly [number, number]>, characters: Iterable<string>): boolean {
  for (const char of characters) {
    const code = char.codePointAt(0)!;
    if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/**
 * Subset the fonts of a built site in `outDir`; returns the bytes before and after. A font file whose
 * unicode-range covers nothing the site shows (the math and symbol cuts, usually) is deleted with its
 * `@font-face` rule: a browser would never fetch it, and a rule naming a missing file would be a lie.
 */
export async function subsetSiteFonts(outDir: string): Promise<{ before: number; after: number; fonts: number; dropped: number }> {
  const files = walk(outDir);
  const shown = new ShownCharacters();
  shown.addScript(ALWAYS_KEPT.join(''));
  for (const file of files) {
    if (file.endsWith('.html')) shown.addHtml(readFileSync(file, 'utf8'));
    else if (file.endsWith('.js') && !file.includes(`${path.sep}pagefind${path.sep}`)) shown.addScript(readFileSync(file, 'utf8'));
  }
  const text = shown.characters().sort();
  const stylesheets = files.filter((f) => f.endsWith('.css'));
  const rules = stylesheets.flatMap((file) => fontFaceRules(readFileSync(file, 'utf8')));
  const fonts = files.filter((file) => /\.woff2?$/.test(file)).sort();
  const renames = new Map<string, string>();
  const droppedRules = new Set<string>();
  let before = 0;
  let after = 0;
  let dropped = 0;
  for (const file of fonts) {
    const original = readFileSync(file);
    before += original.length;
    const named = rules.filter((rule) => rule.file === path.basename(file));
    // A browser draws from a file only the characters its unicode-range gives it.
    const drawn = named.length === 0 ? text : text.filter((char) => named.some((rule) => coversAny(rule.ranges, [char])));
    if (drawn.length === 0) {
      for (const rule of named) droppedRules.add(rule.rule);
      rmSync(file);
      dropped += 1;
      continue;
    }
    const variable = /-wght-/.test(path.basename(file));
    const cut = await subsetFont(original, drawn.join(''), {
      targetFormat: file.endsWith('.woff2') ? 'woff2' : 'woff',
      ...(variable ? { variationAxes: { wght: { ...USED_WEIGHTS } } } : {}),
    });
    after += cut.length;
    const renamed = renamedAsset(path.basename(file), cut);
    writeFileSync(file, cut);
    renameSync(file, path.join(path.dirname(file), renamed));
    renames.set(path.basename(file), renamed);
  }
  // Stylesheets that name a font get new names too (their old hashed name would now lie about
  // their content and could be served stale from a cache), then every page names the new files.
  const cssRenames = new Map<string, string>();
  for (const file of stylesheets) {
    const source = readFileSync(file, 'utf8');
    let rewritten = rename(source, renames);
    for (const rule of droppedRules) rewritten = rewritten.replace(rule, '');
    if (rewritten === source) continue;
    const renamed = renamedAsset(path.basename(file), Buffer.from(rewritten));
    writeFileSync(file, rewritten);
    renameSync(file, path.join(path.dirname(file), renamed));
    cssRenames.set(path.basename(file), renamed);
  }
  const all = new Map([...renames, ...cssRenames]);
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const source = readFileSync(file, 'utf8');
    const rewritten = rename(source, all);
    if (rewritten !== source) writeFileSync(file, rewritten);
  }
  return { before, after, fonts: fonts.length - dropped, dropped };
}

/** The integration: runs once the pages are written. */
export default function subsetFonts(): AstroIntegration {
  return {
    name: 'arshif:subset-fonts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A shard sees only its own pages; the join cuts the fonts once, to the whole site's characters.
        if (isShardBuild()) return;
        const { before, after, fonts, dropped } = await subsetSiteFonts(fileURLToPath(dir));
        logger.info(`${fonts} font files cut to the characters the site shows, ${dropped} that draw none of them left out: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB`);
      },
    },
  };
}
