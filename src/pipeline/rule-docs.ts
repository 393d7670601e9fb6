/**
 * The rule table of CONTRIBUTING.md, in English and in Arabic, made from the registry (rules.ts).
 * `npm run docs` writes it between the markers; test/pipeline/rules.test.ts fails when the file
 * and the registry disagree.
 */
import { RULES, type RuleId, type Severity } from './rules';

type Language = 'en' | 'ar';

const HEADER: Readonly<Record<Language, string>> = {
  en: '| id | kind | what it means | what to do |',
  ar: '| المعرّف | النوع | المعنى | ما العمل |',
};

const SEVERITY: Readonly<Record<Language, Readonly<Record<Severity, string>>>> = {
  en: { error: 'error', warning: 'warning', 'error-or-warning': 'error or warning', removal: 'line removed' },
  ar: { error: 'خطأ', warning: 'تنبيه', 'error-or-warning': 'خطأ أو تنبيه', removal: 'سطر محذوف' },
};

/** A table cell: a pipe would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** The table of every registered rule, in registry order. */
function ruleTable(language: Language): string {
  const rows = (Object.keys(RULES) as RuleId[]).map((id) => {
    const rule = RULES[id];
    const text = rule[language];
    return `| \`${id}\` | ${SEVERITY[language][rule.severity]} | ${cell(text.means)} | ${cell(text.todo)} |`;
  });
  return [HEADER[language], '| --- | --- | --- | --- |', ...rows].join('\n');
}

function markers(language: Language): { start: string; end: string } {
  return { start: `<!-- rules:${language}:start (npm run docs writes this table from src/pipeline/rules.ts) -->`, end: `<!-- rules:${language}:end -->` };
}

/** `markdown` with each language's table replaced by the generated one; throws when a marker is missing. */
export function withRuleTables(markdown: string): string {
  let out = markdown;
  for (const language of ['en', 'ar'] as const) {
    const { start, end } = markers(language);
    const from = out.indexOf(start);
    const to = out.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`the markers ${start} … ${end} are missing`);
    out = `${out.slice(0, from + start.length)}\n\n${ruleTable(language)}\n\n${out.slice(to)}`;
  }
  return out;
}
