/**
 * Clean: take website furniture (cookie banners, share buttons, credits …) out of the article body.
 * Every removed line is kept verbatim with its line number; credits become frontmatter fields.
 * The rules are data (`content/boilerplate.yaml`), parsed and validated here.
 */
import { z } from 'zod';
import type { Provenance } from '../../schema';
import { fatal, warning, type PipelineMessage } from '../messages';
import { compileLinePattern, linePatternProblem, type LinePattern } from '../text/line-pattern';
import { parseLocatedYaml, parseWithFriendlyErrors } from '../validate';

const boilerplateFields = ['source', 'photoCredit', 'shortLink', 'category'] as const;
type BoilerplateField = (typeof boilerplateFields)[number];
export type RemovedLine = Provenance['removed'][number];

/** How many non-blank lines count as the "head" of an article for `position: head` rules. */
const HEAD_LINES = 6;

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id such as "cookie-banner"'),
    description: z.string().min(1),
    pattern: z
      .string()
      .min(1)
      .superRefine((source, ctx) => {
        const problem = linePatternProblem(source);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: `expected ${problem}` });
      }),
    field: z.enum(boilerplateFields).optional(),
    position: z.enum(['anywhere', 'head']).default('anywhere'),
    list: z.boolean().default(false),
  })
  .strict();

const rulesFileSchema = z.object({ rules: z.array(ruleSchema).min(1) }).strict();

/** One compiled boilerplate rule. */
export interface BoilerplateRule {
  id: string;
  description: string;
  /** Anchored to the whole (trimmed) line; linear-time, see line-pattern.ts. */
  pattern: LinePattern;
  field?: BoilerplateField;
  position: 'anywhere' | 'head';
  /** The line heads a list of links ("read also"): the short lines after it go too (furniture.ts). */
  list?: boolean;
}

/** Parse and validate `content/boilerplate.yaml`; messages carry YAML line numbers. */
export function parseBoilerplateRules(yamlText: string): { rules: BoilerplateRule[]; messages: PipelineMessage[] } {
  const parsed = parseLocatedYaml(yamlText);
  if (parsed.errors.length > 0) {
    return { rules: [], messages: parsed.errors.map((e) => fatal('invalid-rules', `YAML syntax: ${e.text}`, lineOf(e.line))) };
  }
  const result = parseWithFriendlyErrors(rulesFileSchema, parsed.data, parsed.locate);
  if (!result.success) {
    return { rules: [], messages: result.issues.map((issue) => fatal('invalid-rules', issue.text, lineOf(issue.line))) };
  }
  const messages: PipelineMessage[] = [];
  const seen = new Set<string>();
  const rules: BoilerplateRule[] = [];
  result.data.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      messages.push(fatal('invalid-rules', `rules.${index}.id: "${rule.id}" is used twice; rule ids must be unique`, lineOf(parsed.locate(['rules', index, 'id']))));
    }
    seen.add(rule.id);
    rules.push({
      id: rule.id,
      description: rule.description,
      pattern: compileLinePattern(rule.pattern),
      position: rule.position,
      ...(rule.list ? { list: true } : {}),
      ...(rule.field ? { field: rule.field } : {}),
    });
  });
  return { rules, messages };
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** What cleaning produced. `lines` keeps numbering: a removed line becomes ''. */
export interface CleanResult {
  lines: string[];
  removed: RemovedLine[];
  /** Raw field values as written in the seed (the source is normalized later). */
  fields: Partial<Record<BoilerplateField, string>>;
  messages: PipelineMessage[];
  /** 1-based lines removed by a `list: true` rule: a list of links follows each. */
  listStarts: Set<number>;
}

/** Remove boilerplate lines according to `rules`; the first rule that matches a line wins. */
export function removeBoilerplate(lines: readonly string[], rules: readonly BoilerplateRule[]): CleanResult {
  const out: string[] = [];
  const removed: RemovedLine[] = [];
  const fields: Partial<Record<BoilerplateField, string>> = {};
  const messages: PipelineMessage[] = [];
  const listStarts = new Set<number>();
  let nonBlank = 0;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      out.push(line);
      return;
    }
    nonBlank++;
    const inHead = nonBlank <= HEAD_LINES;
    const rule = rules.find((candidate) => (candidate.position === 'anywhere' || inHead) && candidate.pattern.test(trimmed));
    if (!rule) {
      out.push(line);
      return;
    }
    out.push('');
    if (rule.list) listStarts.add(index + 1);
    const record: RemovedLine = { line: index + 1, text: line, rule: rule.id };
    const value = rule.field ? rule.pattern.value(trimmed)?.trim() : undefined;
    if (rule.field && value) {
      if (fields[rule.field] === undefined) {
        fields[rule.field] = value;
        record.field = rule.field;
      } else {
        messages.push(
          warning('repeated-field', `a second ${rule.field} line was found; the first one (${JSON.stringify(fields[rule.field])}) is kept and this one is only recorded in provenance`, {
            line: index + 1,
          }),
        );
      }
    }
    removed.push(record);
  });
  return { lines: out, removed, fields, messages, listStarts };
}
