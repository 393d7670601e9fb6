/**
 * Corpus checks: problems between seeds rather than inside one — two files with the same bytes,
 * two names that give the same slug. Grouping by map keeps this linear in the number of seeds.
 */
import { fatal, type PipelineMessage } from './messages';

/** What the corpus check needs to know about each seed. */
export interface SeedIdentity {
  /** How the seed is named in messages, e.g. `seeds/001_x.txt`. */
  path: string;
  slug: string;
  sha256: string;
}

/**
 * Fatal messages per seed path. Of identical files the first by path is kept and the others fail;
 * colliding slugs fail on every file involved, since neither may silently win the URL.
 */
export function findConflicts(seeds: readonly SeedIdentity[]): Map<string, PipelineMessage[]> {
  const sorted = [...seeds].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const bySha = new Map<string, SeedIdentity[]>();
  const bySlug = new Map<string, SeedIdentity[]>();
  for (const seed of sorted) {
    const copies = bySha.get(seed.sha256);
    if (copies) copies.push(seed);
    else bySha.set(seed.sha256, [seed]);
    const group = bySlug.get(seed.slug);
    if (group) group.push(seed);
    else bySlug.set(seed.slug, [seed]);
  }
  const conflicts = new Map<string, PipelineMessage[]>();
  const add = (path: string, message: PipelineMessage): void => {
    const list = conflicts.get(path);
    if (list) list.push(message);
    else conflicts.set(path, [message]);
  };
  for (const group of bySha.values()) {
    const [first, ...copies] = group;
    if (!first) continue;
    for (const copy of copies) {
      add(copy.path, fatal('duplicate-content', `${copy.path} has exactly the same bytes as ${first.path} (sha256 ${first.sha256.slice(0, 12)}…); delete one of the two files`));
    }
  }
  for (const group of bySlug.values()) {
    if (group.length < 2) continue;
    const [first, second] = group;
    if (!first || !second) continue;
    const more = group.length > 2 ? ` (and ${group.length - 2} more)` : '';
    for (const seed of group) {
      const other = seed === first ? second : first;
      add(seed.path, fatal('slug-collision', `${seed.path} and ${other.path}${more} both become the page "${seed.slug}"; rename one of them so their slugs differ`));
    }
  }
  return conflicts;
}
