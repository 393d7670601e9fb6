import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/schema';
import { aboutIdsFromTitle } from '../../src/site/entities';

const entity = (id: string, name: string, aliases: string[] = []): Entity => ({ id, kind: 'place', name, nameEn: id, aliases, aliasesEn: [], description: 'x' });

describe('what an article is about', () => {
  it('is the entities its title names, whatever the spelling variant', () => {
    const ids = aboutIdsFromTitle('حول الإجراءات الرامية إلى تعزيز حدود طاجيكستان و أفغانستان', [
      entity('tajikistan', 'طاجيكستان'),
      entity('afghanistan', 'افغانستان'),
      entity('kazakhstan', 'كازاخستان'),
    ]);
    expect([...ids].sort()).toEqual(['afghanistan', 'tajikistan']);
  });
});
