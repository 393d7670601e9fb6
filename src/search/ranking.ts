/** Ranking helpers: whole-phrase matches first, then matches of the separate words. */

/**
 * Concatenate result tiers, keeping each item only at its first (best) tier. Within a tier the
 * order given (Pagefind's relevance or date order) is kept.
 */
export function mergeTiers<T>(tiers: ReadonlyArray<readonly T[]>, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  for (const tier of tiers) {
    for (const item of tier) {
      const id = key(item);
      if (seen.has(id)) continue;
      seen.add(id);
      merged.push(item);
    }
  }
  return merged;
}
