import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charactersOfHtml, charactersOfScript } from '../../src/integrations/shown-characters';
import { ALWAYS_KEPT, coversAny, fontFaceRules, renamedAsset, USED_WEIGHTS } from '../../src/integrations/subset-fonts';

describe('cutting fonts to the characters the site shows', () => {
  it('reads the characters of a page\'s text and of the attributes a reader sees, not of its scripts and styles', () => {
    const chars = charactersOfHtml('<html><head><style>x{content:"ж"}</style><script>let a = "ف";</script></head><body title="ث"><p>سلام &amp; &#x1F600; &laquo;</p><img alt="ق"></body></html>');
    for (const char of ['س', 'ل', 'ا', 'م', '&', '😀', 'ث', 'ق']) expect(chars.has(char), char).toBe(true);
    for (const char of ['ж', 'ف']) expect(chars.has(char), char).toBe(false);
  });

  it('reads the non-ASCII characters a script may write into the page', () => {
    expect([...charactersOfScript('const s = `نتيجة ${n}`; x = "CSTO";')].sort()).toEqual([...'نتيجة'].filter((c, i, all) => all.indexOf(c) === i).sort());
  });

  it('always keeps the Arabic letters and short vowels a reader may type, and nothing the pages would not show', () => {
    for (const char of ['ء', 'ي', 'ة', 'ظ', 'ً', 'ْ']) expect(ALWAYS_KEPT, char).toContain(char);
    // Latin, digits and punctuation are kept when a page shows them, not on the off chance.
    for (const char of ['a', 'Z', '7', '?', '٣', 'پ', 'ـ']) expect(ALWAYS_KEPT, char).not.toContain(char);
  });

  it('reads the file and unicode-range of each @font-face, minified wildcards included', () => {
    const css = '@font-face{font-family:X;src:url(/a/_astro/x-arabic.AAAAAAAA.woff2)format("woff2-variations");unicode-range:U+6??,U+200C-200E}'
      + '@font-face{font-family:X;src:url("/a/_astro/x-latin.BBBBBBBB.woff2");unicode-range:U+??,U+2013}@font-face{font-family:X;src:url(x-all.woff2)}';
    const rules = fontFaceRules(css);
    expect(rules.map((rule) => rule.file)).toEqual(['x-arabic.AAAAAAAA.woff2', 'x-latin.BBBBBBBB.woff2', 'x-all.woff2']);
    expect(rules.map((rule) => rule.ranges)).toEqual([[[0x600, 0x6ff], [0x200c, 0x200e]], [[0, 0xff], [0x2013, 0x2013]], [[0, 0x10ffff]]]);
    expect(rules[0]!.rule.startsWith('@font-face{') && rules[0]!.rule.endsWith('}')).toBe(true);
    expect(coversAny(rules[0]!.ranges, 'abc')).toBe(false);
    expect(coversAny(rules[0]!.ranges, 'abج')).toBe(true);
    expect(coversAny(rules[1]!.ranges, '–')).toBe(true);
  });

  it('names a cut font by its new content, keeping Astro\'s name shape', () => {
    const a = renamedAsset('noto-sans-arabic-arabic-wght-normal.U_i0HMfG.woff2', Buffer.from('one'));
    const b = renamedAsset('noto-sans-arabic-arabic-wght-normal.U_i0HMfG.woff2', Buffer.from('two'));
    expect(a).toMatch(/^noto-sans-arabic-arabic-wght-normal\.[A-Za-z0-9_-]{8}\.woff2$/);
    expect(a).not.toBe(b);
    expect(renamedAsset('Base.C7Ro67Ji.css', Buffer.from('x'))).toMatch(/^Base\.[A-Za-z0-9_-]{8}\.css$/);
  });
});

describe('the weights kept in a variable font', () => {
  it('cover every font-weight the stylesheets ask for', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/styles/global.css'), 'utf8');
    const weights = [...css.matchAll(/font-weight:\s*(\d+|bold|normal)/g)].map((m) => (m[1] === 'bold' ? 700 : m[1] === 'normal' ? 400 : Number(m[1])));
    expect(weights.length).toBeGreaterThan(0);
    for (const weight of weights) {
      expect(weight).toBeGreaterThanOrEqual(USED_WEIGHTS.min);
      expect(weight).toBeLessThanOrEqual(USED_WEIGHTS.max);
    }
  });
});

/** The straightforward reading (regular expressions over the whole page), against which the one-pass scanner is checked. */
function referenceCharactersOfHtml(html: string): Set<string> {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, (tag) => ` ${[...tag.matchAll(/(?:title|alt|aria-label|content|placeholder|value)="([^"]*)"/g)].map((m) => m[1]).join(' ')} `)
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  return new Set(text);
}

describe('the one-pass character scanner', () => {
  const pieces = ['<p>', '</p>', '<', '>', '&', ';', '&amp;', '&#x1F600;', '&#1604;', '&laquo;', '&#x110000;', '<script>', '</script>', '<STYLE a>', '</style>', 'title="', 'alt="', '"', ' ', 'سلام', 'CSTO', 'ж', '😀', '\uD800', '<img alt="ق">', '<a data-title="ث &quot;">'];
  it('finds exactly the characters the regular-expression reading finds, on any mix of tags, references, scripts and text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        // Where the page has no tag, the reference reading adds no separating space either.
        const expected = referenceCharactersOfHtml(html);
        const actual = charactersOfHtml(html);
        if (!/<[^>]*>/.test(html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ''))) expected.delete(' '), actual.delete(' ');
        expect([...actual].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 3000 },
    );
  });
});
