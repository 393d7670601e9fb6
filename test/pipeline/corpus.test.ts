import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/pipeline/corpus';

describe('findConflicts', () => {
  it('fails every copy but the first of identical files, naming both', () => {
    const conflicts = findConflicts([
      { path: 'seeds/b.txt', slug: 'b', sha256: 'f'.repeat(64) },
      { path: 'seeds/a.txt', slug: 'a', sha256: 'f'.repeat(64) },
    ]);
    expect([...conflicts.keys()]).toEqual(['seeds/b.txt']);
    expect(conflicts.get('seeds/b.txt')?.[0]).toMatchObject({ ruleId: 'duplicate-content', fatal: true });
    expect(conflicts.get('seeds/b.txt')?.[0]?.reason).toContain('seeds/a.txt');
  });

  it('fails both files whose slugs collide, each naming the other', () => {
    const conflicts = findConflicts([
      { path: 'seeds/A_b.txt', slug: 'a-b', sha256: '1'.repeat(64) },
      { path: 'seeds/a-b.txt', slug: 'a-b', sha256: '2'.repeat(64) },
    ]);
    expect(conflicts.get('seeds/A_b.txt')?.[0]?.reason).toContain('seeds/a-b.txt');
    expect(conflicts.get('seeds/a-b.txt')?.[0]?.reason).toContain('seeds/A_b.txt');
  });

  it('finds nothing among distinct seeds', () => {
    expect(findConflicts([{ path: 'a', slug: 'a', sha256: '1' }, { path: 'b', slug: 'b', sha256: '2' }]).size).toBe(0);
  });
});
