import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../src/pipeline/index';
import { articleSchema } from '../../src/schema';
import { baseConfig, fullConfig, root } from './config';

const config = fullConfig();
const seed = (name: string, sidecar?: string) =>
  ingestSeed({ fileName: name, bytes: readFileSync(join(root, 'seeds', name)), ...(sidecar === undefined ? {} : { sidecar }) }, config);

describe('ingestSeed on the seeds', () => {
  it('reads the publication dates of seeds 001–003 and none for 000 and 004 without a sidecar', () => {
    expect(seed('001_6dfbaefa9a0405cb.txt').article?.published).toBe('2025-01-29');
    expect(seed('002_216685895bd1f649.txt').article?.published).toBe('2023-11-16');
    expect(seed('003_4e564ebf53c50bd9.txt').article?.published).toBe('2021-09-15');
    for (const name of ['000_8441eef74626a7fb.txt', '004_7e73e5d89ee22f4a.txt']) {
      const result = seed(name);
      expect(result.article?.published).toBeNull();
      expect(result.messages.map((m) => m.ruleId)).toContain('missing-date');
    }
  });

  it('applies a sidecar date, records it as an override with its reason, and drops the warning', () => {
    const result = seed('004_7e73e5d89ee22f4a.txt', 'published: 2022-01-10\nreason: CSTO summit press release\n');
    expect(result.article).toMatchObject({ published: '2022-01-10', publishedPrecision: 'day' });
    expect(result.article?.provenance.overrides).toEqual([{ field: 'published', value: '2022-01-10', reason: 'CSTO summit press release' }]);
    expect(result.messages.map((m) => m.ruleId)).not.toContain('missing-date');
  });

  it('uses the headline of seeds 000 and 004 and derives a title for 001', () => {
    expect(seed('004_7e73e5d89ee22f4a.txt').article).toMatchObject({ titleSource: 'headline', title: 'دول منظمة معاهدة الأمن الجماعي تدعو إلى تعزيز عمل المنظمة ضد الإرهاب وتحديات المستقبل' });
    expect(seed('000_8441eef74626a7fb.txt').article?.titleSource).toBe('headline');
    const derived = seed('001_6dfbaefa9a0405cb.txt').article;
    expect(derived?.titleSource).toBe('derived');
    expect(derived?.title.startsWith('أكد الرئيس الطاجيكستاني')).toBe(true);
  });

  it('fills source, photo credit, short link and category from the boilerplate', () => {
    expect(seed('004_7e73e5d89ee22f4a.txt').article).toMatchObject({
      source: { id: 'rt', en: 'RT' },
      shortLink: 'https://r.rtarabic.com/s4vq',
      category: 'أخبار العالم',
      headings: [{ text: 'أرمينيا' }, { text: 'قرغيزستان' }, { text: 'طاجيكستان' }],
    });
    expect(seed('002_216685895bd1f649.txt').article).toMatchObject({ source: { id: 'tass' }, photoCredit: 'Public Domain/Collective Security Treaty Organization' });
  });

  it('lists entities by kind in order of first mention', () => {
    const article = seed('004_7e73e5d89ee22f4a.txt').article;
    expect(article?.people[0]).toBe('alexander-lukashenko');
    expect(article?.organizations).toContain('csto');
    expect(article?.places).toContain('kazakhstan');
  });

  it('produces frontmatter that the shared schema accepts and output that is byte-identical on every run', () => {
    const first = seed('003_4e564ebf53c50bd9.txt');
    expect(articleSchema.safeParse(first.article).success).toBe(true);
    expect(seed('003_4e564ebf53c50bd9.txt').mdx).toBe(first.mdx);
  });

  it('marks no entities without a gazetteer but keeps the fields', () => {
    const result = ingestSeed({ fileName: 'x.txt', bytes: readFileSync(join(root, 'seeds/003_4e564ebf53c50bd9.txt')) }, baseConfig());
    expect(result.article).toMatchObject({ people: [], places: [], organizations: [] });
    expect(result.mdx).not.toContain('<Entity');
  });
});

describe('ingestSeed on large input', () => {
  // Slow by nature (the unified serializer and parser handle ~0.3 MB/s); the benchmark tracks speed.
  it('converts a 5 MB seed without a fatal message', { timeout: 300_000 }, () => {
    const paragraph = 'وأكد رئيس طاجيكستان، إمام علي رحمون، أن "الأحداث في كازاخستان تؤكد الحاجة" إلى تعزيز الحرب المشتركة ضد الإرهاب.\n';
    const text = `اليوم الأربعاء 29 يناير/كانون الثاني 2025.\n${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / new TextEncoder().encode(paragraph).length))}`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const result = ingestSeed({ fileName: 'big.txt', bytes }, baseConfig());
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.article?.published).toBe('2025-01-29');
    expect(result.article?.wordCount).toBeGreaterThan(400_000);
  });
});
