/** schema.org JSON-LD for article pages, built as plain data and serialized safely for a <script>. */
import type { Entity, EntityKind, Source } from '../schema';

const schemaType: Readonly<Record<EntityKind, string>> = { person: 'Person', place: 'Place', organization: 'Organization' };

export interface NewsArticleInput {
  headline: string;
  description: string;
  /** Absolute URL of the article page. */
  url: string;
  published: string | null;
  precision: 'day' | 'month' | 'year' | 'unknown';
  wordCount: number;
  source: Source | null;
  shortLink: string | null;
  /** Name and absolute URL of the archive, the publisher of this page. */
  publisher: { name: string; url: string };
  /** Every entity the article mentions, each with the absolute URL of its page. */
  mentions: ReadonlyArray<{ entity: Entity; url: string }>;
  /** Ids of the entities the headline itself names: what the article is about. */
  aboutIds: ReadonlySet<string>;
}

/** The date as precise as the source allows: 2025-01-29, 2025-01 or 2025; null when unknown. */
export function schemaDate(published: string | null, precision: NewsArticleInput['precision']): string | null {
  if (published === null || precision === 'unknown') return null;
  if (precision === 'year') return published.slice(0, 4);
  if (precision === 'month') return published.slice(0, 7);
  return published;
}

function thing(entity: Entity, url: string): Record<string, unknown> {
  return { '@type': schemaType[entity.kind], name: entity.name, alternateName: entity.nameEn, url };
}

/** A schema.org NewsArticle; `datePublished` and `isBasedOn` appear only when the source gives them. */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    inLanguage: 'ar',
    wordCount: input.wordCount,
    publisher: { '@type': 'Organization', name: input.publisher.name, url: input.publisher.url },
  };
  const date = schemaDate(input.published, input.precision);
  if (date !== null) data['datePublished'] = date;
  if (input.source !== null) {
    data['sourceOrganization'] = { '@type': 'NewsMediaOrganization', name: input.source.ar, alternateName: input.source.en };
  }
  if (input.shortLink !== null) data['isBasedOn'] = input.shortLink;
  const about = input.mentions.filter((m) => input.aboutIds.has(m.entity.id));
  if (about.length > 0) data['about'] = about.map((m) => thing(m.entity, m.url));
  if (input.mentions.length > 0) data['mentions'] = input.mentions.map((m) => thing(m.entity, m.url));
  return data;
}

/** JSON text safe inside <script type="application/ld+json">: no "<" can close the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** schema.org description of a person, place or organization page. */
export function entityJsonLd(entity: Entity, url: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    ...thing(entity, url),
    description: entity.description,
    ...(entity.aliases.length + entity.aliasesEn.length > 0 ? { alternateName: [entity.nameEn, ...entity.aliases, ...entity.aliasesEn] } : {}),
    ...(entity.kind === 'person' && entity.role ? { jobTitle: entity.role } : {}),
  };
}
