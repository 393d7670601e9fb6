/**
 * Who appears with whom: for every entity, the entities that share an article with it and in how
 * many articles. Built once for the whole archive from each article's list of entity ids.
 */

/** Entity id → other entity id → number of articles that mention both. */
export type CooccurrenceIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** An entity met in the same articles as another, with how many articles they share. */
export interface Companion {
  id: string;
  count: number;
}

/**
 * Count, for every pair of entities, the articles that mention both. One pass over the articles;
 * each article costs k² for its k distinct entities, so the whole is linear in the number of
 * mentions for news articles, whose k is small and does not grow with the archive.
 */
export function buildCooccurrence(entityIdsByArticle: Iterable<readonly string[]>): CooccurrenceIndex {
  const index = new Map<string, Map<string, number>>();
  for (const listed of entityIdsByArticle) {
    // An id listed twice in one article still counts that article once.
    const ids = [...new Set(listed)];
    for (const id of ids) {
      let row = index.get(id);
      if (row === undefined) {
        row = new Map();
        index.set(id, row);
      }
      for (const other of ids) if (other !== id) row.set(other, (row.get(other) ?? 0) + 1);
    }
  }
  return index;
}

/**
 * The entities that most often share an article with `id`, most shared first, at most `limit`.
 * Ties go by `nameOf` (Arabic collation), then id, so the order never depends on input order.
 */
export function topCompanions(index: CooccurrenceIndex, id: string, limit: number, nameOf: (id: string) => string): Companion[] {
  const row = index.get(id);
  if (row === undefined) return [];
  return [...row]
    .map(([other, count]) => ({ id: other, count }))
    .sort((a, b) => b.count - a.count || nameOf(a.id).localeCompare(nameOf(b.id), 'ar') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

const built = new WeakMap<ReadonlyMap<string, readonly string[]>, CooccurrenceIndex>();

/** The index for one build's `entityIdsByArticle`, computed on first use and shared by every entity page. */
export function cooccurrenceOf(entityIdsByArticle: ReadonlyMap<string, readonly string[]>): CooccurrenceIndex {
  let index = built.get(entityIdsByArticle);
  if (index === undefined) {
    index = buildCooccurrence(entityIdsByArticle.values());
    built.set(entityIdsByArticle, index);
  }
  return index;
}
