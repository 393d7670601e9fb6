import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/schema';
import { entityJsonLd, newsArticleJsonLd, schemaDate, serializeJsonLd, type NewsArticleInput } from '../../src/site/jsonld';

const csto: Entity = { id: 'csto', kind: 'organization', name: 'منظمة معاهدة الأمن الجماعي', nameEn: 'CSTO', aliases: [], aliasesEn: [], description: 'تحالف' };
const zas: Entity = { id: 'stanislav-zas', kind: 'person', name: 'ستانيسلاف زاس', nameEn: 'Stanislav Zas', aliases: [], aliasesEn: [], description: 'الأمين العام' };

const input: NewsArticleInput = {
  headline: 'عنوان',
  description: 'ملخص',
  url: 'https://example.org/archive/articles/a/',
  published: '2025-01-29',
  precision: 'day',
  wordCount: 120,
  source: { id: 'tass', ar: 'تاس', en: 'TASS' },
  shortLink: 'https://r.rtarabic.com/s4vq',
  publisher: { name: 'أرشيف', url: 'https://example.org/archive/' },
  mentions: [
    { entity: csto, url: 'https://example.org/archive/organizations/csto/' },
    { entity: zas, url: 'https://example.org/archive/people/stanislav-zas/' },
  ],
  aboutIds: new Set(['csto']),
};

describe('NewsArticle JSON-LD', () => {
  it('describes the article in Arabic with its source, original and entities', () => {
    const data = newsArticleJsonLd(input);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'عنوان',
      inLanguage: 'ar',
      datePublished: '2025-01-29',
      isBasedOn: 'https://r.rtarabic.com/s4vq',
      sourceOrganization: { name: 'تاس', alternateName: 'TASS' },
      publisher: { '@type': 'Organization', name: 'أرشيف' },
    });
    expect(data['about']).toEqual([expect.objectContaining({ '@type': 'Organization', name: csto.name })]);
    expect(data['mentions']).toHaveLength(2);
    expect((data['mentions'] as Array<{ '@type': string }>)[1]?.['@type']).toBe('Person');
  });

  it('leaves out datePublished and isBasedOn when the source does not give them', () => {
    const data = newsArticleJsonLd({ ...input, published: null, precision: 'unknown', shortLink: null, source: null });
    expect(data).not.toHaveProperty('datePublished');
    expect(data).not.toHaveProperty('isBasedOn');
    expect(data).not.toHaveProperty('sourceOrganization');
  });

  it('writes a date only as precisely as it is known', () => {
    expect(schemaDate('2025-03-01', 'month')).toBe('2025-03');
    expect(schemaDate('2025-01-01', 'year')).toBe('2025');
    expect(schemaDate('2025-01-01', 'unknown')).toBeNull();
  });

  it('serializes so that text can never close the script element', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});

describe('entity JSON-LD', () => {
  it('types the entity and lists every spelling as an alternate name', () => {
    const data = entityJsonLd({ ...zas, aliases: ['زاس'], role: 'الأمين العام' }, 'https://example.org/archive/people/stanislav-zas/');
    expect(data).toMatchObject({ '@type': 'Person', name: 'ستانيسلاف زاس', jobTitle: 'الأمين العام', alternateName: ['Stanislav Zas', 'زاس'] });
    expect(entityJsonLd(csto, 'u')).toMatchObject({ '@type': 'Organization', alternateName: 'CSTO' });
  });
});
