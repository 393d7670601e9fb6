import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCooccurrence, topCompanions } from '../../src/site/cooccurrence';

/** The people, places and organizations in the frontmatter of the five seed articles, as ingested. */
const seeds: Record<string, string[]> = {
  '000': ['stanislav-zas', 'khushnud-rahmatulloev', 'tajikistan', 'afghanistan', 'russia', 'armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'karabakh', 'csto', 'khovar', 'tass', 'csto-peacekeeping-forces', 'united-nations', 'cis', 'csto-rapid-reaction-force'],
  '001': ['emomali-rahmon', 'imangali-tasmagambetov', 'sirojiddin-muhriddin', 'tajikistan', 'dushanbe', 'afghanistan', 'kazakhstan', 'astana', 'central-asia', 'united-states', 'russia', 'csto', 'csto-collective-security-council', 'taliban'],
  '002': ['anatoly-sidorov', 'central-asia', 'caucasus', 'tajikistan', 'armenia', 'afghanistan', 'azerbaijan', 'kazakhstan', 'csto-joint-staff', 'csto', 'csto-collective-security-council', 'csto-collective-forces'],
  '003': ['stanislav-zas', 'anatoly-sidorov', 'emomali-rahmon', 'vladimir-putin', 'tajikistan', 'dushanbe', 'afghanistan', 'russia', 'kabul', 'united-states', 'middle-east', 'north-africa', 'palestine', 'israel', 'east-jerusalem', 'libya', 'syria', 'yemen', 'iraq', 'armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'uzbekistan', 'tashkent', 'csto', 'taliban', 'nato', 'russian-security-council', 'united-nations', 'un-security-council', 'isis', 'csto-joint-staff', 'csto-rapid-reaction-force', 'csto-collective-security-council'],
  '004': ['alexander-lukashenko', 'nikol-pashinyan', 'akylbek-japarov', 'emomali-rahmon', 'belarus', 'kazakhstan', 'uzbekistan', 'tajikistan', 'armenia', 'kyrgyzstan', 'afghanistan', 'csto', 'csto-peacekeeping-forces'],
};
const byId = (id: string) => id;

describe('who appears with whom', () => {
  it('matches a hand count of Rahmon’s companions in the seed articles (001, 003 and 004 name him)', () => {
    const index = buildCooccurrence(Object.values(seeds));
    const rahmon = index.get('emomali-rahmon')!;
    // Counted by reading the lists above: the articles that name both.
    expect(rahmon.get('tajikistan')).toBe(3);
    expect(rahmon.get('csto')).toBe(3);
    expect(rahmon.get('dushanbe')).toBe(2); // 001, 003
    expect(rahmon.get('taliban')).toBe(2); // 001, 003
    expect(rahmon.get('armenia')).toBe(2); // 003, 004
    expect(rahmon.get('vladimir-putin')).toBe(1); // 003
    expect(rahmon.get('imangali-tasmagambetov')).toBe(1); // 001
    expect(rahmon.has('karabakh')).toBe(false); // only 000, which does not name him
    expect(rahmon.has('emomali-rahmon')).toBe(false);
    expect([...rahmon.values()].reduce((a, b) => a + b, 0)).toBe(13 + 34 + 12);
  });

  it('puts the most shared first, ties in Arabic name order, then id', () => {
    const index = buildCooccurrence(Object.values(seeds));
    expect(topCompanions(index, 'emomali-rahmon', 4, byId)).toEqual([
      { id: 'afghanistan', count: 3 },
      { id: 'csto', count: 3 },
      { id: 'kazakhstan', count: 3 },
      { id: 'tajikistan', count: 3 },
    ]);
    const names: Record<string, string> = { b: 'أ', a: 'ب', c: 'أ' };
    const small = buildCooccurrence([['x', 'a', 'b', 'c']]);
    expect(topCompanions(small, 'x', 3, (id) => names[id]!).map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });

  it('counts an article once however often it lists an id, and knows nothing of an unmentioned id', () => {
    const index = buildCooccurrence([['a', 'b', 'a', 'b']]);
    expect(index.get('a')?.get('b')).toBe(1);
    expect(topCompanions(index, 'zzz', 5, byId)).toEqual([]);
  });

  it('is symmetric and equals the pair count of a naive scan of every pair of entities', () => {
    const articles = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), { maxLength: 30 });
    fc.assert(
      fc.property(articles, (lists) => {
        const index = buildCooccurrence(lists);
        const ids = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
        for (const x of ids) {
          for (const y of ids) {
            if (x === y) continue;
            const naive = lists.filter((l) => l.includes(x) && l.includes(y)).length;
            expect(index.get(x)?.get(y) ?? 0).toBe(naive);
            expect(index.get(x)?.get(y) ?? 0).toBe(index.get(y)?.get(x) ?? 0);
          }
        }
      }),
    );
  });
});
