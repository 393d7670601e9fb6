/**
 * The built site's fonts, cut to what it shows: every font file a stylesheet names exists, each is
 * smaller than the file it was cut from, and every character an article page shows is still in the
 * font that the stylesheet's unicode-range sends it to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convert } from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, inject, it } from 'vitest';
import { charactersOfHtml } from '../../src/integrations/subset-fonts';

const siteDir = inject('siteDir');
const assets = path.join(siteDir, '_astro');
const css = readdirSync(assets).filter((name) => name.endsWith('.css')).map((name) => readFileSync(path.join(assets, name), 'utf8')).join('\n');

interface FontFace {
  file: string;
  ranges: Array<[number, number]>;
}

const faces: FontFace[] = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
  const file = /url\(([^)]+\.woff2)\)/.exec(body ?? '')?.[1] ?? '';
  const ranges = (/unicode-range:\s*([^;]+)/.exec(body ?? '')?.[1] ?? 'U+0-10FFFF').split(',').map((range): [number, number] => {
    const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
  });
  return { file: path.basename(file), ranges };
});

/** The code points a woff2 font file maps. */
async function unicodesOf(file: string): Promise<Set<number>> {
  const sfnt = await convert(readFileSync(file), 'sfnt');
  return new Set(new Face(new Blob(sfnt), 0).collectUnicodes());
}

/** The file a built font was cut from. */
function shippedFile(file: string): string {
  const name = file.replace(/\.[A-Za-z0-9_-]{8}\.woff2$/, '.woff2');
  const dir = name.startsWith('noto-sans-arabic') ? '@fontsource-variable/noto-sans-arabic/files' : '@fontsource/noto-naskh-arabic/files';
  return path.join('node_modules', dir, name);
}

describe('the fonts of the built site', () => {
  it('has a woff2 file for every @font-face, cut well below the size it ships with', () => {
    expect(faces.length).toBeGreaterThan(4);
    for (const face of faces) {
      expect(readFileSync(path.join(assets, face.file)).length, face.file).toBeLessThan(readFileSync(shippedFile(face.file)).length);
    }
    const arabicBody = faces.find((face) => face.file.startsWith('noto-naskh-arabic-arabic-400'))!;
    expect(readFileSync(path.join(assets, arabicBody.file)).length).toBeLessThan(30_000);
  });

  it('keeps every character an article page shows that the shipped font had', async () => {
    const articles = readdirSync(path.join(siteDir, 'articles'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const shown = new Set<number>();
    for (const article of articles) {
      for (const char of charactersOfHtml(readFileSync(path.join(siteDir, 'articles', article.name, 'index.html'), 'utf8'))) shown.add(char.codePointAt(0)!);
    }
    const families = new Map<string, FontFace[]>();
    for (const face of faces) {
      const family = face.file.replace(/-(arabic|latin-ext|latin|math|symbols)-.*$/, '');
      families.set(family, [...(families.get(family) ?? []), face]);
    }
    for (const [family, list] of families) {
      const missing: string[] = [];
      for (const face of list) {
        const has = await unicodesOf(path.join(assets, face.file));
        const had = await unicodesOf(shippedFile(face.file));
        for (const code of shown) {
          const inRange = face.ranges.some(([from, to]) => code >= from && code <= to);
          if (inRange && had.has(code) && !has.has(code)) missing.push(`U+${code.toString(16).toUpperCase()} (${face.file})`);
        }
      }
      expect(missing, family).toEqual([]);
    }
  });
});
