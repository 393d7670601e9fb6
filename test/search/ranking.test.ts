import { describe, expect, it } from 'vitest';
import { mergeTiers } from '../../src/search/ranking';

describe('mergeTiers', () => {
  it('puts whole-phrase matches first and keeps each result once, at its best tier', () => {
    expect(mergeTiers([['b', 'd'], ['a', 'b', 'c', 'd']], (id) => id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('keeps the order within a tier', () => {
    expect(mergeTiers([[], ['z', 'y', 'x']], (id) => id)).toEqual(['z', 'y', 'x']);
  });
});
