/**
 * Nothing lost: every non-whitespace character of a seed is in the page body, in a removed line
 * (provenance.removed, which also holds the headline), or in a recorded normalization.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../src/pipeline/index';
import { parseMdx } from '../../src/pipeline/mdx/write';
import type { ArticleFrontmatter } from '../../src/schema';
import { fullConfig, root } from './config';
import { seedText } from './arbitraries';

const config = fullConfig();

/** Count of each non-whitespace character. */
function tally(texts: readonly string[], sign = 1, into = new Map<string, number>()): Map<string, number> {
  for (const text of texts) for (const char of text) if (!/\s/u.test(char)) into.set(char, (into.get(char) ?? 0) + sign);
  return into;
}

function bodyText(mdx: string): string[] {
  const texts: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'text' && node.value !== undefined) texts.push(node.value);
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(parseMdx(mdx.slice(mdx.indexOf('\n---\n') + 5)) as never);
  return texts;
}

/** Characters of the decoded input minus what the output accounts for; empty when nothing is lost. */
function unaccounted(decoded: string, mdx: string, article: ArticleFrontmatter): Map<string, number> {
  const balance = tally([decoded]);
  tally(bodyText(mdx), -1, balance);
  tally(article.provenance.removed.map((r) => r.text), -1, balance);
  // A normalization replaced `from` code points by `to`: the input had the former, the output the latter.
  for (const n of article.provenance.normalized) {
    tally([n.from.split(' ').map((cp) => String.fromCodePoint(Number.parseInt(cp.slice(2), 16))).join('')], -1, balance);
    tally([n.to], 1, balance);
  }
  for (const [char, count] of balance) if (count === 0) balance.delete(char);
  return balance;
}

describe('nothing is lost', () => {
  for (const name of readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).sort()) {
    it(`accounts for every non-whitespace character of ${name}`, () => {
      const bytes = readFileSync(join(root, 'seeds', name));
      const result = ingestSeed({ fileName: name, bytes }, config);
      expect(result.article).not.toBeNull();
      expect(unaccounted(new TextDecoder().decode(bytes), result.mdx ?? '', result.article as ArticleFrontmatter)).toEqual(new Map());
    });
  }

  it('accounts for every non-whitespace character of generated inputs, boilerplate and odd characters included', () => {
    const furniture = fc.constantFrom('موافق', 'المصدر: تاس', 'الصورة: وزارة الخارجية', 'انسخ الرابطhttps://r.rt.com/x', 'أخبار العالم', 'مواضيع ذات صلة', '\u202Eعكس\u202C', 'نص\u00A0فيه', '\uFEFB', 'x\u0000y');
    const input = fc.array(fc.oneof(seedText, furniture), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(input, (text) => {
        const result = ingestSeed({ fileName: 'generated.txt', bytes: new TextEncoder().encode(text) }, config);
        if (!result.article) return; // a fatal input is not written at all, so nothing is half-kept
        expect(unaccounted(text, result.mdx ?? '', result.article)).toEqual(new Map());
      }),
      { numRuns: 300 },
    );
  });
});
