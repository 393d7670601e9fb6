import { describe, expect, it } from 'vitest';
import { parseSidecar, type SidecarContext } from '../../../src/pipeline/page/sidecar';
import { baseConfig } from '../config';

const context: SidecarContext = {
  sources: baseConfig().sources,
  entities: new Map([
    ['emomali-rahmon', 'person'],
    ['tajikistan', 'place'],
    ['csto', 'organization'],
  ]),
};
const parse = (text: string) => parseSidecar(text, context);

describe('parseSidecar', () => {
  it('accepts frontmatter fields with a reason', () => {
    expect(parse('published: 2022-01-10\nreason: press release\n')).toEqual({
      sidecar: { fields: { published: '2022-01-10' }, reason: 'press release' },
      messages: [],
    });
  });

  it('requires a reason', () => {
    expect(parse('published: 2022-01-10\n').messages[0]?.reason).toMatch(/^reason: expected string/);
  });

  it('names field, expectation, received value and line of a wrong value', () => {
    const { messages } = parse('reason: x\n\npublished: 10/01/2022\n');
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 3 }]);
    expect(messages[0]?.reason).toContain('published: expected a date written YYYY-MM-DD, received "10/01/2022"');
  });

  it('names the line of an unknown field', () => {
    expect(parse('reason: x\ntitel: y\n').messages).toMatchObject([{ line: 2 }]);
  });

  it('does not let a sidecar change the id, slug or provenance', () => {
    expect(parse('reason: x\nslug: other\n').messages[0]?.reason).toContain('unknown field slug');
  });

  it('does not let a sidecar set what ingest computes from the text (headings, counts, title source, language)', () => {
    for (const field of ['headings: []', 'wordCount: 1', 'readingMinutes: 0', 'titleSource: headline', 'language: ar']) {
      expect(parse(`reason: x\n${field}\n`).messages[0]?.reason, field).toContain('unknown field');
    }
  });

  it('reports YAML syntax errors with their line', () => {
    expect(parse('reason: x\npublished: [2022\n').messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true }]);
    expect(parse('- a\n- b\n').messages[0]?.reason).toContain('YAML mapping');
  });
});

describe('parseSidecar refuses what a hostile pull request could put in a sidecar', () => {
  it.each([
    ['javascript:alert(document.domain)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['//evil.example/x'],
    ['ftp://example.org/x'],
  ])('refuses the link %s (only http: and https: links reach a page)', (url) => {
    const { sidecar, messages } = parse(`reason: x\nshortLink: ${JSON.stringify(url)}\n`);
    expect(sidecar).toBeNull();
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 2 }]);
    expect(messages[0]?.reason).toContain('http');
  });

  it('accepts an https link', () => {
    expect(parse('reason: x\nshortLink: "https://tass.ru/x"\n').sidecar?.fields.shortLink).toBe('https://tass.ru/x');
  });

  it.each([
    ['2099-13-45', 'month 13'],
    ['2099-02-30', '30 February'],
    ['2023-02-29', '29 February of a common year'],
    ['0000-00-00', 'the year 0'],
    ['2022-04-31', '31 April'],
  ])('refuses the date %s (%s) with its line', (date) => {
    const { messages } = parse(`reason: x\npublished: "${date}"\n`);
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 2 }]);
    expect(messages[0]?.reason).toContain('exists in the calendar');
  });

  it('accepts 29 February of a leap year', () => {
    expect(parse('reason: x\npublished: "2024-02-29"\n').messages).toEqual([]);
  });

  it.each([
    ['U+FFFF', '"\\uFFFF عنوان"'],
    ['U+FFFE', '"عنوان \\uFFFE"'],
    ['a lone surrogate', '"عنوان \\uD800"'],
    ['a C0 control', '"عنوان\\u0001"'],
    ['a C1 control', '"عنوان\\u0085"'],
    ['a bidi override', '"عنوان \\u202E"'],
    ['a line break', '"عنوان\\nثان"'],
  ])('refuses a title holding %s, naming the line', (_what, title) => {
    const { sidecar, messages } = parse(`reason: x\ntitle: ${title}\n`);
    expect(sidecar).toBeNull();
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 2 }]);
  });

  it('refuses a blank title', () => {
    expect(parse('reason: x\ntitle: "   "\n').messages[0]?.reason).toContain('only spaces');
  });

  it('refuses a title longer than the limit', () => {
    expect(parse(`reason: x\ntitle: "${'ب'.repeat(2_000_000)}"\n`).messages[0]?.reason).toMatch(/title: .*300/);
  });

  it('names a source by its id in content/sources.yaml and cannot rename or invent one', () => {
    expect(parse('reason: x\nsource: tass\n').sidecar?.fields.source).toEqual({ id: 'tass', ar: 'تاس', en: 'TASS' });
    expect(parse('reason: x\nsource: {id: tass, ar: وكالة مزورة, en: Fake}\n').messages[0]?.reason).toContain('source: expected string');
    const invented = parse('reason: x\nsource: pravda-today\n').messages;
    expect(invented).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 2 }]);
    expect(invented[0]?.reason).toContain('not an id in content/sources.yaml');
    expect(parse('reason: x\nsource: null\n').sidecar?.fields.source).toBeNull();
  });

  it('accepts only gazetteer ids of the right kind for people, places and organizations', () => {
    expect(parse('reason: x\npeople: [emomali-rahmon]\nplaces: [tajikistan]\n').messages).toEqual([]);
    const unknown = parse('reason: x\npeople:\n  - emomali-rahmon\n  - not-in-gazetteer\n').messages;
    expect(unknown).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true, line: 4 }]);
    expect(unknown[0]?.reason).toContain('"not-in-gazetteer" is not in the gazetteer');
    expect(parse('reason: x\norganizations: [tajikistan]\n').messages[0]?.reason).toContain('is a place, not an organization');
  });

  it('reports a YAML alias bomb as a message instead of crashing', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'reason: x', ''].join('\n');
    const { sidecar, messages } = parse(bomb);
    expect(sidecar).toBeNull();
    expect(messages).toMatchObject([{ ruleId: 'invalid-sidecar', fatal: true }]);
    expect(messages[0]?.reason).toContain('aliases');
  });
});
