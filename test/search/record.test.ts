import { describe, expect, it } from 'vitest';
import { buildSearchRecord, type SearchableArticle, type SearchableEntity } from '../../src/search/record';
import { splitWords } from '../../src/search/normalize';
import { parseEntitySpans } from '../../src/search/excerpt';

const article: SearchableArticle = {
  slug: '001-x',
  title: 'رحمون يستقبل تاسماغامبيتوف',
  published: '2025-01-29',
  publishedPrecision: 'day',
  source: { id: 'tass', ar: 'تاس', en: 'TASS' },
  people: ['emomali-rahmon', 'nobody-known'],
  places: ['tajikistan'],
  organizations: [],
};
const rahmon: SearchableEntity = {
  id: 'emomali-rahmon',
  kind: 'person',
  name: 'إمام علي رحمون',
  nameEn: 'Emomali Rahmon',
  aliases: ['رحمون', 'رحمن', 'إمام علي رحمون'],
  aliasesEn: ['Rahmon'],
};
const tajikistan: SearchableEntity = {
  id: 'tajikistan',
  kind: 'place',
  name: 'طاجيكستان',
  nameEn: 'Tajikistan',
  aliases: ['الطاجيكية'],
  aliasesEn: [],
};
const entities = new Map([rahmon, tajikistan].map((entity) => [entity.id, entity]));
const body = 'أكد الرئيس الطاجيكستاني إمام علي رحمون والحدود';
const format = (iso: string) => `date:${iso}`;

describe('buildSearchRecord', () => {
  const record = buildSearchRecord(article, body, entities, format);
  const indexed = record.content.split(' ');

  it('indexes the title and body one word per original word, in search spelling', () => {
    const original = [...splitWords(article.title), ...splitWords(body)];
    expect(indexed.slice(0, original.length)).toEqual(['رحمون', 'يستقبل', 'تاسماغامبيتوف', 'اكد', 'رءيس', 'طاجيكستاني', 'امام', 'علي', 'رحمون', 'حدود']);
  });
  it('carries the body in its original spelling and where it starts among the indexed words', () => {
    expect(record.meta['text']).toBe(body);
    expect(record.meta['offset']).toBe('3');
    const offset = Number(record.meta['offset']);
    expect(indexed[offset + 4]).toBe('علي');
    expect(record.meta['text']!.split(' ')[4]).toBe('علي');
  });
  it('appends every spelling of every annotated entity, English names lowercased', () => {
    const appendix = indexed.slice(10).join(' ');
    for (const term of ['رحمن', 'rahmon', 'emomali', 'tajikistan', 'طاجيكيه', 'تاس', 'tass']) expect(appendix.split(' ')).toContain(term);
  });
  it('records where each entity\'s names sit among the indexed words', () => {
    const spans = parseEntitySpans(record.meta['entities']!).map(({ start, end }) => [start, end]);
    expect(spans).toHaveLength(2); // nobody-known has no gazetteer entry, so no names
    const [rahmonStart, rahmonEnd] = spans[0]!;
    const names = indexed.slice(rahmonStart, rahmonEnd);
    expect(names).toContain('rahmon');
    expect(names).toContain('رحمن');
    expect(names).not.toContain('tajikistan');
    expect(indexed.slice(spans[1]![0], spans[1]![1])).toContain('tajikistan');
  });
  it('records where the body mentions each entity, so the page can mark it without the appended names', () => {
    const [rahmonSpan] = parseEntitySpans(record.meta['entities']!);
    expect(rahmonSpan!.mentions.length).toBeGreaterThan(0);
    const offset = Number(record.meta['offset']);
    for (const position of rahmonSpan!.mentions) {
      expect(position).toBeGreaterThanOrEqual(offset);
      expect(['امام', 'علي', 'رحمون']).toContain(indexed[position]!.replace(/[^\p{L}]/gu, ''));
    }
  });
  it('separates appended names so a phrase never spans two of them', () => {
    expect(indexed.slice(10).join(' ')).toContain('؛ رحمن ؛');
  });
  it('writes each distinct spelling of an entity once', () => {
    expect(record.content.match(/امام علي رحمون/g)).toHaveLength(2); // the body's mention and one appendix entry
  });
  it('gives filters for year, source and every annotated entity, unknown ids under their id', () => {
    expect(record.filters).toEqual({ year: ['2025'], source: ['تاس'], person: ['إمام علي رحمون', 'nobody-known'], place: ['طاجيكستان'] });
  });
  it('carries title, date, source and URL for the result list', () => {
    expect(record.url).toBe('/articles/001-x/');
    expect(record.meta).toMatchObject({ title: article.title, date: 'date:2025-01-29', source: 'تاس', slug: '001-x' });
  });
  it('sorts undated articles last in both orders, since Pagefind drops pages without a sort key', () => {
    const undated = buildSearchRecord({ ...article, published: null, publishedPrecision: 'unknown', source: null }, body, entities, format);
    expect(undated.sort).toEqual({ newest: '0000-00-00', oldest: '9999-12-31' });
    expect(undated.meta['date']).toBe('');
    expect(undated.filters['year']).toBeUndefined();
  });
  it('is deterministic', () => {
    expect(buildSearchRecord(article, body, entities, format)).toEqual(record);
  });
});
