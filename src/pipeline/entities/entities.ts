/**
 * Find gazetteer entities in article text: every Arabic spelling, derived form and English alias
 * of every entity, tolerant of clitics and spelling variants, in one pass per text.
 */
import type { Entity, EntityKind } from '../../schema';
import { createPhraseMatcher } from './phrase-matcher';

/** UTF-16 offsets into the text given; [start, end) spans the whole word including its clitics. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  kind: EntityKind;
}

/** Sorted, non-overlapping, longest match first. */
export interface EntityMatcher {
  find(text: string): Mention[];
}

/** Every spelling under which the matcher looks for an entity: name, aliases, English names. */
export function entitySpellings(entity: Entity): string[] {
  return [entity.name, ...entity.aliases, entity.nameEn, ...entity.aliasesEn];
}

/** Compile a matcher for a gazetteer once; build time and memory grow linearly with it. */
export function createEntityMatcher(entities: readonly Entity[]): EntityMatcher {
  const phrases: Array<{ phrase: string; value: Entity }> = [];
  for (const entity of entities) {
    for (const phrase of entitySpellings(entity)) phrases.push({ phrase, value: entity });
  }
  const matcher = createPhraseMatcher(phrases);
  return {
    find(text: string): Mention[] {
      return matcher.find(text).map(({ start, end, value }) => ({ start, end, entityId: value.id, kind: value.kind }));
    },
  };
}
