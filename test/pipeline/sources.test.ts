import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSource, parseSources } from '../../src/pipeline/sources';
import { root } from './config';

const { table, messages } = parseSources(readFileSync(join(root, 'content/sources.yaml'), 'utf8'));

describe('sources', () => {
  it('content/sources.yaml is valid', () => {
    expect(messages).toEqual([]);
  });

  it('normalizes every spelling of an agency to one source', () => {
    for (const raw of ['تاس', 'وكالة تاس', 'TASS', 'tass']) {
      expect(normalizeSource(raw, table).source).toEqual({ id: 'tass', ar: 'تاس', en: 'TASS' });
    }
    expect(normalizeSource('RT', table).source?.id).toBe('rt');
  });

  it('gives null and a warning for an unknown agency', () => {
    const result = normalizeSource('وكالة مجهولة', table, 7);
    expect(result.source).toBeNull();
    expect(result.messages).toMatchObject([{ ruleId: 'unknown-source', line: 7, fatal: false }]);
  });

  it('rejects a spelling claimed by two sources', () => {
    const yaml = 'sources:\n  - {id: a, ar: أ, en: A, names: [X]}\n  - {id: b, ar: ب, en: B, names: [x]}\n';
    expect(parseSources(yaml).messages[0]?.reason).toContain('already names "a"');
  });
});
