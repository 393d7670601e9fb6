/**
 * The build's view of the archive, computed ONCE and shared by every page: the time index,
 * entities, who is mentioned where (with snippets) and the sources. Pages ask; nothing rescans.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Entity, EntityKind, Source } from '../schema';
import { readSettings } from '../settings';
import { buildArchiveIndex, type ArchiveIndex, type ArticleCard } from './archive';
import { storedArticleText } from './article-text';
import { buildMentionIndex, type MentionSnippet } from './snippets';

type ArticleEntry = CollectionEntry<'articles'>;

export interface SiteData {
  articles: ReadonlyMap<string, ArticleEntry>;
  index: ArchiveIndex;
  entities: ReadonlyMap<string, Entity>;
  entitiesByKind: Readonly<Record<EntityKind, Entity[]>>;
  /** Entity id → articles that mention it, newest first. */
  articlesByEntity: ReadonlyMap<string, ArticleCard[]>;
  /** Slug → ids of the known entities the article mentions (frontmatter and body), in first-seen order. */
  entityIdsByArticle: ReadonlyMap<string, string[]>;
  /** Entity id → slug → snippet around its first mention there. */
  snippets: ReadonlyMap<string, ReadonlyMap<string, MentionSnippet>>;
  /** Sources by id with their articles, newest first. */
  sources: ReadonlyMap<string, { source: Source; articles: ArticleCard[] }>;
  /**
   * Seed file name → SHA-256 for every article whose seed is a regular file in `seeds/`: only seeds
   * that ingest accepted are served, never whatever else the folder holds.
   */
  seedFiles: ReadonlyMap<string, string>;
}

/** Where the raw seeds live (served under /seeds/). */
const seedsDir = readSettings().seedsDir;

/** The list card of an article entry. */
function toCard(entry: ArticleEntry): ArticleCard {
  const { slug, title, summary, published, publishedPrecision } = entry.data;
  return { slug, title, summary, published, precision: publishedPrecision };
}

async function load(): Promise<SiteData> {
  const entries = await getCollection('articles');
  const entityEntries = await getCollection('entities');
  const articles = new Map(entries.map((entry) => [entry.data.slug, entry]));
  const index = buildArchiveIndex(entries.map(toCard));

  const entities = new Map<string, Entity>(entityEntries.map((entry) => [entry.data.id, entry.data]));
  const byName = (a: Entity, b: Entity) => a.name.localeCompare(b.name, 'ar') || (a.id < b.id ? -1 : 1);
  const entitiesByKind: Record<EntityKind, Entity[]> = { person: [], place: [], organization: [] };
  for (const entity of entities.values()) entitiesByKind[entity.kind].push(entity);
  for (const list of Object.values(entitiesByKind)) list.sort(byName);

  const snippets = buildMentionIndex(entries.map((entry) => ({ slug: entry.data.slug, ...storedArticleText(entry) })));
  const mentionedIn = new Map<string, string[]>();
  for (const [id, bySlug] of snippets) {
    for (const slug of bySlug.keys()) {
      const ids = mentionedIn.get(slug) ?? [];
      ids.push(id);
      mentionedIn.set(slug, ids);
    }
  }
  // Walking articles newest first makes every per-entity and per-source list come out sorted.
  const articlesByEntity = new Map<string, ArticleCard[]>();
  const sources = new Map<string, { source: Source; articles: ArticleCard[] }>();
  const entityIdsByArticle = new Map<string, string[]>();
  for (const card of index.newestFirst) {
    const data = articles.get(card.slug)!.data;
    const ids = new Set([...data.people, ...data.places, ...data.organizations]);
    for (const id of mentionedIn.get(card.slug) ?? []) ids.add(id);
    const known = [...ids].filter((id) => entities.has(id));
    entityIdsByArticle.set(card.slug, known);
    for (const id of known) {
      const list = articlesByEntity.get(id) ?? [];
      list.push(card);
      articlesByEntity.set(id, list);
    }
    if (data.source !== null) {
      const group = sources.get(data.source.id) ?? { source: data.source, articles: [] };
      group.articles.push(card);
      sources.set(data.source.id, group);
    }
  }

  const seedFiles = new Map<string, string>();
  for (const entry of entries) {
    const { seed, sha256 } = entry.data.provenance;
    if (isRegularFile(seedFilePath(seed))) seedFiles.set(seed, sha256);
  }
  return { articles, index, entities, entitiesByKind, articlesByEntity, entityIdsByArticle, snippets, sources, seedFiles };
}

let cached: Promise<SiteData> | undefined;

/** The archive data for this build (loaded on first use). */
export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Seed file path on disk, for the raw-text endpoint. */
export function seedFilePath(fileName: string): string {
  return path.join(seedsDir, fileName);
}
