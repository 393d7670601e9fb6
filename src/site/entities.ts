/** Small questions about entities that pages ask. */
import { foldArabic } from '../arabic/normalize';
import type { Entity } from '../schema';

/** Ids of the entities whose name or an alias appears in the title: what the article is about. */
export function aboutIdsFromTitle(title: string, entities: readonly Entity[]): Set<string> {
  const folded = foldArabic(title);
  const ids = new Set<string>();
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases, entity.nameEn, ...entity.aliasesEn];
    if (names.some((name) => folded.includes(foldArabic(name)))) ids.add(entity.id);
  }
  return ids;
}
