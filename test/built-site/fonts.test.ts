/**
 * The built site's fonts: one family, served from the site itself, cut to what the pages show.
 * Every character any page shows is still drawn by the file its unicode-range sends it to, the
 * cut files shape Arabic exactly as the shipped ones (joining forms, lam-alef, tashkeel placed on
 * their letters, bold), and the one preloaded file is the one the stylesheet asks for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convert } from 'fontverter';
import { Blob, Buffer as ShapingBuffer, Face, Font, shape, Variation } from 'harfbuzzjs';
import { describe, expect, inject, it } from 'vitest';
import { fontFaceRules } from '../../src/integrations/subset-fonts';
import { listFiles, readPage, textContent } from './dist';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const assets = path.join(siteDir, '_astro');
const stylesheets = readdirSync(assets).filter((name) => name.endsWith('.css')).map((name) => readFileSync(path.join(assets, name), 'utf8'));
const css = stylesheets.join('\n');
const faces = fontFaceRules(css);
const shippedDir = path.join('node_modules', '@fontsource-variable/noto-sans-arabic/files');
const pages = listFiles(siteDir).filter((file) => file.endsWith('.html'));

/** The font file a built one was cut from. */
function shippedFile(file: string): string {
  return path.join(shippedDir, file.replace(/\.[A-Za-z0-9_-]{8}\.woff2$/, '.woff2'));
}

const faceCache = new Map<string, Promise<Face>>();
function faceOf(file: string): Promise<Face> {
  let face = faceCache.get(file);
  if (!face) {
    face = convert(readFileSync(file), 'sfnt').then((sfnt) => new Face(new Blob(sfnt), 0));
    faceCache.set(file, face);
  }
  return face;
}

/** Advances and mark offsets of `text` shaped right to left at a weight: what a browser lays out. */
async function shaped(file: string, text: string, weight: number): Promise<string> {
  const font = new Font(await faceOf(file));
  font.setVariations([new Variation('wght', weight)]);
  const buffer = new ShapingBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  return buffer.getGlyphPositions().map((p) => `${p.xAdvance},${p.xOffset},${p.yOffset}`).join(' ');
}

/** The glyphs `text` is shaped into. */
async function glyphs(file: string, text: string): Promise<number[]> {
  const buffer = new ShapingBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(new Font(await faceOf(file)), buffer);
  return buffer.getGlyphInfos().map((info) => info.codepoint);
}

describe('the fonts of the built site', () => {
  it('are one family, each face swapped in when it arrives, every file on this site', () => {
    const families = new Set([...css.matchAll(/@font-face\s*{[^}]*font-family:\s*([^;}]+)/g)].map((m) => m[1]!.replace(/["']/g, '').trim()));
    expect([...families]).toEqual(['Noto Sans Arabic Variable']);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face.rule, face.file).toMatch(/font-display:\s*swap/);
      expect(face.rule, face.file).toMatch(new RegExp(`url\\(${base}_astro/${face.file.replace(/\./g, '\\.')}\\)`));
      expect(readdirSync(assets), face.file).toContain(face.file);
    }
    // No font from anywhere else: no @import, no url() to another host, no other font files.
    expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
    const fontFiles = listFiles(siteDir).filter((file) => /\.(woff2?|ttf|otf|eot)$/.test(file));
    expect(fontFiles.sort()).toEqual(faces.map((face) => `_astro/${face.file}`).sort());
  });

  it('are cut well below the size they ship with, to the weights the site uses', async () => {
    for (const face of faces) {
      expect(readFileSync(path.join(assets, face.file)).length, face.file).toBeLessThan(readFileSync(shippedFile(face.file)).length / 2);
      const axis = (await faceOf(path.join(assets, face.file))).getAxisInfos()['wght'];
      expect(axis && [axis.min, axis.max], face.file).toEqual([400, 700]);
    }
    const arabic = faces.find((face) => face.file.startsWith('noto-sans-arabic-arabic-'))!;
    expect(readFileSync(path.join(assets, arabic.file)).length).toBeLessThan(25_000);
  });

  it('keep every character any page shows that the shipped font had', async () => {
    const shown = new Set<number>();
    for (const file of pages) {
      const page = readPage(siteDir, file);
      for (const char of textContent(page.root)) shown.add(char.codePointAt(0)!);
      for (const el of page.elements) for (const name of ['placeholder', 'value', 'alt']) for (const char of el.attributes[name] ?? '') shown.add(char.codePointAt(0)!);
    }
    expect(shown.has('ع'.codePointAt(0)!)).toBe(true);
    const missing: string[] = [];
    for (const face of faces) {
      const has = new Set((await faceOf(path.join(assets, face.file))).collectUnicodes());
      const had = new Set((await faceOf(shippedFile(face.file))).collectUnicodes());
      for (const code of shown) {
        const inRange = face.ranges.some(([from, to]) => code >= from && code <= to);
        if (inRange && had.has(code) && !has.has(code)) missing.push(`U+${code.toString(16).toUpperCase()} (${face.file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shape Arabic as the shipped font does: joining, lam-alef, tashkeel on their letters, bold', async () => {
    const arabic = faces.find((face) => face.file.startsWith('noto-sans-arabic-arabic-'))!;
    const cut = path.join(assets, arabic.file);
    const articleTexts = pages.filter((file) => file.startsWith('articles/')).map((file) => textContent(readPage(siteDir, file).root));
    expect(articleTexts.length).toBeGreaterThan(0);
    // Every word of the article pages, and a fully vocalized line: every short vowel, shadda and
    // sukun must sit where the shipped font puts it.
    const samples = [...articleTexts, 'مُحَمَّدٌ يَقْرَأُ الْكِتَابَ لِلْأَطْفَالِ', 'لا إلى الأمن الجماعي'];
    // Word by word: the space between words is the Latin cut's to draw (its unicode-range has it).
    const words = new Set(samples.flatMap((sample) => sample.split(/[^\u0600-\u06ff]+/)).filter(Boolean));
    for (const word of words) {
      for (const weight of [400, 700]) expect(await shaped(cut, word, weight), `${word} @${weight}`).toBe(await shaped(shippedFile(arabic.file), word, weight));
    }
    // The comparison above would also pass on two fonts that do not shape at all: the cut one joins
    // (three behs in a row are not three isolated behs) and is bolder at 700.
    const isolatedBeh = await glyphs(cut, 'ب');
    expect(await glyphs(cut, 'ببب')).not.toEqual([...isolatedBeh, ...isolatedBeh, ...isolatedBeh]);
    expect(await shaped(cut, 'بيت', 700)).not.toBe(await shaped(cut, 'بيت', 400));
  });

  it('preload the one file the first paint needs, as the stylesheet names it', () => {
    const arabic = faces.find((face) => face.file.startsWith('noto-sans-arabic-arabic-'))!;
    for (const file of pages.filter((f) => !f.startsWith('offline-search'))) {
      const page = readPage(siteDir, file);
      const preloads = page.elements.filter((el) => el.name === 'link' && el.attributes['rel'] === 'preload');
      expect(preloads.map((el) => [el.attributes['href'], el.attributes['as'], el.attributes['type'], 'crossorigin' in el.attributes]), file).toEqual([[`${base}_astro/${arabic.file}`, 'font', 'font/woff2', true]]);
    }
  });
});
