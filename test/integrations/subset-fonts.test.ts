import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, charactersOfHtml, charactersOfScript, renamedAsset, USED_WEIGHTS } from '../../src/integrations/subset-fonts';

describe('cutting fonts to the characters the site shows', () => {
  it('reads the characters of a page\'s text and of the attributes a reader sees, not of its scripts and styles', () => {
    const chars = charactersOfHtml('<html><head><style>x{content:"ж"}</style><script>let a = "ف";</script></head><body title="ث"><p>سلام &amp; &#x1F600; &laquo;</p><img alt="ق"></body></html>');
    for (const char of ['س', 'ل', 'ا', 'م', '&', '😀', 'ث', 'ق']) expect(chars.has(char), char).toBe(true);
    for (const char of ['ж', 'ف']) expect(chars.has(char), char).toBe(false);
  });

  it('reads the non-ASCII characters a script may write into the page', () => {
    expect([...charactersOfScript('const s = `نتيجة ${n}`; x = "CSTO";')].sort()).toEqual([...'نتيجة'].filter((c, i, all) => all.indexOf(c) === i).sort());
  });

  it('always keeps what a reader may type: Latin, digits, the Arabic letters and digits', () => {
    for (const char of ['a', 'Z', '7', '?', 'ء', 'ي', 'ة', '٣', '،', '؟', 'ً']) expect(ALWAYS_KEPT, char).toContain(char);
    expect(ALWAYS_KEPT).not.toContain('پ');
  });

  it('names a cut font by its new content, keeping Astro\'s name shape', () => {
    const a = renamedAsset('noto-naskh-arabic-arabic-400-normal.U_i0HMfG.woff2', Buffer.from('one'));
    const b = renamedAsset('noto-naskh-arabic-arabic-400-normal.U_i0HMfG.woff2', Buffer.from('two'));
    expect(a).toMatch(/^noto-naskh-arabic-arabic-400-normal\.[A-Za-z0-9_-]{8}\.woff2$/);
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
