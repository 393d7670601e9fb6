import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../../src/pipeline/sidecar';

describe('parseSidecar', () => {
  it('accepts frontmatter fields with a reason', () => {
    expect(parseSidecar('published: 2022-01-10\nreason: press release\n')).toEqual({
      sidecar: { fields: { published: '2022-01-10' }, reason: 'press release' },
      messages: [],
    });
  });

  it('requires a reason', () => {
    expect(parseSidecar('published: 2022-01-10\n').messages[0]?.reason).toMatch(/^reason: expected string/);
  });

  it('names field, expectation, received value and line of a wrong value', () => {
    const { messages } = parseSidecar('reason: x\n\npublished: 10/01/2022\n');
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 3 }]);
    expect(messages[0]?.reason).toContain('published: expected a date written YYYY-MM-DD, received "10/01/2022"');
  });

  it('names the line of an unknown field', () => {
    expect(parseSidecar('reason: x\ntitel: y\n').messages).toMatchObject([{ line: 2 }]);
  });

  it('does not let a sidecar change the id, slug or provenance', () => {
    expect(parseSidecar('reason: x\nslug: other\n').messages[0]?.reason).toContain('unknown field slug');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(parseSidecar('reason: x\npublished: [2022\n').messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true }]);
    expect(parseSidecar('- a\n- b\n').messages[0]?.reason).toContain('YAML mapping');
  });
});
