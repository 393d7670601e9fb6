/**
 * Hostile content past ingest: an article file edited by hand in a pull request, rules that would
 * backtrack, text that would make the build quadratic, and the response headers of raw texts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { afterAll, describe, expect, it } from 'vitest';
import { isolate, searchStrings as searchText } from '../../src/i18n/search';
import { charsetMiddleware, contentTypeWithCharset } from '../../src/integrations/text-charset';
import { compileLinePattern, linePatternProblem, MAX_MATCHED_LINE_LENGTH } from '../../src/pipeline/text/line-pattern';
import { articleSchema, unpublishableCharacter } from '../../src/schema';
import { parseArticleFile } from '../../src/search/article-file';
import { articleTextOfMdx } from '../../src/site/article-text';

const root = join(import.meta.dirname, '..', '..');
const article = parseArticleFile(readFileSync(join(root, 'test/golden/001-6dfbaefa9a0405cb.mdx'), 'utf8')).data as Record<string, unknown>;
const provenance = article['provenance'] as Record<string, unknown>;

describe('the article schema (what the site validates every MDX file against)', () => {
  it('accepts the golden article', () => {
    expect(articleSchema.safeParse(article).success).toBe(true);
  });

  it.each(['javascript:alert(document.domain)', 'data:text/html;base64,PHNjcmlwdD4=', 'JaVaScRiPt:alert(1)', 'file:///etc/passwd'])(
    'refuses a hand-edited short link %s',
    (shortLink) => {
      expect(articleSchema.safeParse({ ...article, shortLink }).success).toBe(false);
    },
  );

  it.each(['../../etc/passwd', '/etc/passwd', '405_x.txt/../../x.txt', 'a#b?.txt'])('refuses a provenance seed name %s (it names a file to serve)', (seed) => {
    expect(articleSchema.safeParse({ ...article, provenance: { ...provenance, seed } }).success).toBe(false);
  });

  it.each(['2099-13-45', '2099-02-30', '0000-00-00'])('refuses the impossible date %s', (published) => {
    expect(articleSchema.safeParse({ ...article, published }).success).toBe(false);
  });

  it.each(['\uFFFF', '\uD800', '\u0001', '\u202E', '\n'])('refuses a title holding U+%s', (char) => {
    expect(articleSchema.safeParse({ ...article, title: `عنوان ${char}` }).success).toBe(false);
  });

  it('refuses a blank or 2,000,000-character title', () => {
    expect(articleSchema.safeParse({ ...article, title: '  ' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...article, title: 'ب'.repeat(2_000_000) }).success).toBe(false);
  });

  it('names what is wrong with a text, and accepts tabs, emoji and Arabic', () => {
    expect(unpublishableCharacter('عنوان\tمع 🙂')).toBeNull();
    expect(unpublishableCharacter('a\u{1FFFF}')).toContain('noncharacter U+1FFFF');
    expect(unpublishableCharacter('a\uDC00b')).toContain('lone surrogate U+DC00 at character 2');
  });
});

describe('boilerplate rule patterns run in linear time', () => {
  it('matches a pattern with nested quantifiers against a long line without backtracking', () => {
    const evil = compileLinePattern('(?:ا+)+ب');
    // A backtracking engine needs 2^n steps here; 28 letters already take seconds, this many never end.
    expect(evil.test(`${'ا'.repeat(MAX_MATCHED_LINE_LENGTH - 1)}ج`)).toBe(false);
    expect(evil.test('اااب')).toBe(true);
  });

  it('refuses look-around and back-references, which only a backtracking engine runs', () => {
    expect(linePatternProblem('(?=ا)ا')).toContain('RE2 syntax');
    expect(linePatternProblem('(ا)\\1')).toContain('RE2 syntax');
    expect(linePatternProblem('x'.repeat(1001))).toContain('at most 1000 characters');
  });

  it('captures the named value group', () => {
    expect(compileLinePattern('(?:المصدر)\\s*:\\s*(?<value>.+)').value('المصدر: تاس')).toBe('تاس');
  });
});

describe('entity snippets are linear in the size of an article', () => {
  it('takes the text of a body of 1.4 million characters and 200,000 lines at once (reading back the growing text made this quadratic)', () => {
    const body = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? `<Entity id="tajikistan">طاجيكستان</Entity> سطر` : 'سطر قصير')).join('\n');
    const { text, mentions } = articleTextOfMdx(body);
    expect(mentions).toHaveLength(200);
    expect(text.length).toBeGreaterThan(1_400_000);
  });
});

describe('raw texts are served as UTF-8', () => {
  it('gives .txt, .mdx, .csv and .json their charset, and leaves HTML to the server', () => {
    expect(contentTypeWithCharset('/archive/seeds/001_a.txt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeWithCharset('/x/a.mdx?download=1')).toBe('text/markdown; charset=utf-8');
    expect(contentTypeWithCharset('/data/articles.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeWithCharset('/articles/x/')).toBeUndefined();
    expect(contentTypeWithCharset('/a.b/index.html')).toBeUndefined();
  });

  const dir = mkdtempSync(join(tmpdir(), 'arshif-charset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a static server (as in astro preview) send charset=utf-8 with a seed', async () => {
    writeFileSync(join(dir, 'seed.txt'), 'نص عربي');
    const serve = sirv(dir, { dev: true });
    const server = http.createServer((req, res) => charsetMiddleware(req, res, () => serve(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/seed.txt`);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('نص عربي');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the search page isolates the query it repeats', () => {
  it('wraps the reader\'s query in FSI … PDI so a U+202E in ?q= cannot reorder the sentence', () => {
    const q = '\u202Eأرشيف';
    expect(isolate(q)).toBe(`\u2068${q}\u2069`);
    expect(searchText.count(3, q)).toContain(`«\u2068${q}\u2069»`);
    expect(searchText.noResults(q)).toContain(`«\u2068${q}\u2069»`);
  });
});

describe('character references beyond Unicode', () => {
  it('reads &#x110000; without throwing (a hand-edited article must not crash the build)', () => {
    expect(articleTextOfMdx('a &#x110000; &#99999999; b').text).toBe(' a \uFFFD &#99999999; b ');
  });
});
