import { describe, expect, it } from 'vitest';
import { ARTICLE_FIELDS, articlesCsv, articlesJsonl, citationCff, csvField, dataPackage, toCsv, type ArticleMetadata } from '../../src/site/exports';

const row: ArticleMetadata = {
  id: '001_x',
  slug: '001-x',
  title: 'رحمون: "الأمن الجماعي"، أولاً',
  summary: 'سطر\nثانٍ',
  published: null,
  publishedPrecision: 'unknown',
  sourceId: 'tass',
  sourceAr: 'تاس',
  sourceEn: 'TASS',
  category: null,
  wordCount: 12,
  people: ['emomali-rahmon', 'stanislav-zas'],
  places: [],
  organizations: ['csto'],
  mentions: ['emomali-rahmon'],
  shortLink: null,
  url: 'https://example.org/articles/001-x/',
  page: 'articles/001-x/',
  seed: 'seeds/001_x.txt',
  seedSha256: 'a'.repeat(64),
  mdx: 'mdx/001-x.mdx',
};

describe('CSV for spreadsheet software', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv([['a', 'b'], ['ج', 'د']]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv.endsWith('ج,د\r\n')).toBe(true);
  });

  it('quotes fields with commas, quotes or line breaks and doubles their quotes (RFC 4180)', () => {
    expect(csvField('plain عربي')).toBe('plain عربي');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    // A title from a pull request must not become a formula in a spreadsheet.
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField('2022-01-10')).toBe('2022-01-10');
  });

  it('writes the described columns in order, lists joined by ";" and null as empty', () => {
    const [header, record] = articlesCsv([row]).slice(1).split('\r\n');
    expect(header).toBe(ARTICLE_FIELDS.map((field) => field.name).join(','));
    expect(record).toContain(',emomali-rahmon;stanislav-zas,,csto,');
    expect(record).toContain(',,unknown,');
  });
});

describe('the other exports', () => {
  it('writes one JSON object per line with the full text, even when the text has line breaks', () => {
    const lines = articlesJsonl([{ metadata: row, text: 'فقرة\nفقرة' }, { metadata: row, text: '' }]).split('\n');
    expect(lines.length).toBe(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ slug: '001-x', text: 'فقرة\nفقرة' });
  });

  it('describes every file of the data package with its size and SHA-256', () => {
    const files = { articlesCsv: 'ج', articlesJson: '[]', articlesJsonl: '', entitiesJson: '[]' };
    const descriptor = JSON.parse(dataPackage({ title: 't', description: 'd', homepage: 'https://example.org/' }, files)) as {
      resources: Array<{ name: string; path: string; bytes: number; hash: string; schema?: { fields: Array<{ name: string }> } }>;
    };
    expect(descriptor.resources.map((r) => r.path)).toEqual(['articles.csv', 'articles.json', 'articles.jsonl', 'entities.json']);
    expect(descriptor.resources[0]!.bytes).toBe(2);
    expect(descriptor.resources[0]!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(descriptor.resources[0]!.schema!.fields.map((f) => f.name)).toEqual(ARTICLE_FIELDS.map((f) => f.name));
    expect(descriptor.resources.every((r) => /^[a-z0-9._-]+$/.test(r.name))).toBe(true);
  });

  it('quotes every CITATION.cff value, so Arabic and colons stay text', () => {
    const cff = citationCff({ title: 'أرشيف: عربي', abstract: 'x', url: 'https://example.org/', author: 'أرشيف' });
    expect(cff).toContain('cff-version: 1.2.0\n');
    expect(cff).toContain('title: "أرشيف: عربي"\n');
  });
});
