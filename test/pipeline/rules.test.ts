/**
 * The rule registry (src/pipeline/rules.ts) and what cites it: CONTRIBUTING.md's tables, the
 * source that reports each id, and the messages and provenance the goldens show contributors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withRuleTables } from '../../src/pipeline/rule-docs';
import { RULES, type RuleId } from '../../src/pipeline/rules';
import { root } from './config';

const ids = Object.keys(RULES) as RuleId[];
const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id);

/** Every source file under src/ except the registry and its table writer. */
function sourceText(): string {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro|mjs)$/.test(file) && !/pipeline[/\\]rule(s|-docs)\.ts$/.test(file))
    .sort();
  return files.map((file) => readFileSync(join(root, 'src', file), 'utf8')).join('\n');
}

describe('rule registry', () => {
  it('CONTRIBUTING.md holds the tables npm run docs writes', () => {
    const contributing = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
    expect(contributing, 'run `npm run docs` and commit CONTRIBUTING.md').toBe(withRuleTables(contributing));
  });

  it('every registered id is used in src/', () => {
    const source = sourceText();
    const unused = ids.filter((id) => !source.includes(`'${id}'`) && !source.includes(`"${id}"`));
    expect(unused, 'registered but never reported or recorded: remove them from rules.ts').toEqual([]);
  });

  it('every id is kebab-case and documented in both languages', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const language of ['en', 'ar'] as const) {
        expect(RULES[id][language].means.trim(), `${id} ${language}`).not.toBe('');
        expect(RULES[id][language].todo.trim(), `${id} ${language}`).not.toBe('');
      }
    }
  });

  it('the fixtures’ messages carry registered ids with the severity the docs give', () => {
    const fixtures = join(root, 'test/fixtures');
    const lines = readdirSync(fixtures).flatMap((name) => {
      try {
        // Sidecar messages follow a `meta.yaml:` heading line.
        return readFileSync(join(fixtures, name, 'messages.txt'), 'utf8').split('\n').filter((line) => line !== '' && line !== 'meta.yaml:');
      } catch {
        return [];
      }
    });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [, severity = '', id = ''] = /^\d+:\d+ (error|warning) (\S+) /.exec(line) ?? [];
      expect(isRuleId(id), line).toBe(true);
      const documented = RULES[id as RuleId].severity;
      expect(documented === 'error-or-warning' || documented === severity, line).toBe(true);
    }
  });

  it('every line the goldens record as removed names a registered rule or one of content/boilerplate.yaml', () => {
    const boilerplate = parse(readFileSync(join(root, 'content/boilerplate.yaml'), 'utf8')) as { rules: Array<{ id: string }> };
    const known = new Set([...boilerplate.rules.map((rule) => rule.id), ...ids.filter((id) => RULES[id].severity === 'removal')]);
    const golden = join(root, 'test/golden');
    const rules = readdirSync(golden)
      .filter((name) => name.endsWith('.mdx'))
      .flatMap((name) => {
        const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(golden, name), 'utf8'))?.[1] ?? '';
        return (parse(frontmatter) as { provenance: { removed: Array<{ rule: string }> } }).provenance.removed.map((line) => line.rule);
      });
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((rule) => !known.has(rule))).toEqual([]);
  });

  it('no rule of content/boilerplate.yaml takes a registered id', () => {
    const boilerplate = parse(readFileSync(join(root, 'content/boilerplate.yaml'), 'utf8')) as { rules: Array<{ id: string }> };
    expect(boilerplate.rules.map((rule) => rule.id).filter(isRuleId)).toEqual([]);
  });
});
