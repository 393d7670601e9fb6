import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGazetteer, type GazetteerFile } from '../../../src/pipeline/entities/gazetteer';

const root = join(import.meta.dirname, '../../..');

const rahmon = `- id: emomali-rahmon
  kind: person
  name: إمام علي رحمون
  nameEn: Emomali Rahmon
  aliases:
    - رحمون
  description: رئيس طاجيكستان.
  role: رئيس طاجيكستان
`;
const tajikistan = `- id: tajikistan
  kind: place
  name: طاجيكستان
  nameEn: Tajikistan
  aliases: [الطاجيكية]
  description: دولة في آسيا الوسطى.
`;

function parse(...files: Array<[string, string]>) {
  return parseGazetteer(files.map(([path, text]): GazetteerFile => ({ path, text })));
}

describe('parseGazetteer', () => {
  it('reads valid entries and fills defaults', () => {
    const { entities, messages } = parse(['people.yaml', rahmon], ['places.yaml', tajikistan]);
    expect(messages).toEqual([]);
    expect(entities.map((e) => e.id)).toEqual(['emomali-rahmon', 'tajikistan']);
    expect(entities[1]?.aliasesEn).toEqual([]);
  });

  it('reads the real gazetteer without errors or warnings', () => {
    const files = ['people', 'places', 'organizations'].map((kind) => ({
      path: `content/gazetteer/${kind}.yaml`,
      text: readFileSync(join(root, `content/gazetteer/${kind}.yaml`), 'utf8'),
    }));
    const { entities, messages } = parseGazetteer(files);
    expect(messages).toEqual([]);
    expect(entities.length).toBeGreaterThan(40);
    for (const e of entities) if (e.kind === 'person') expect(e.role, e.id).toBeTruthy();
  });

  it('treats an empty file as an empty list', () => {
    expect(parse(['empty.yaml', ''])).toEqual({ entities: [], messages: [] });
  });

  it('reports a duplicate id naming both entities, both files and both lines', () => {
    const other = tajikistan.replace('id: tajikistan', 'id: emomali-rahmon').replace('[الطاجيكية]', '[]');
    const { entities, messages } = parse(['people.yaml', rahmon], ['places.yaml', `# comment\n${other}`]);
    expect(entities.map((e) => e.name)).toEqual(['إمام علي رحمون']);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({ ruleId: 'gazetteer-duplicate-id', fatal: true, path: 'places.yaml', line: 2 });
    expect(message?.reason).toContain('"إمام علي رحمون" (people.yaml:1)');
    expect(message?.reason).toContain('"طاجيكستان" (places.yaml:2)');
  });

  it('reports a spelling claimed by two entities, naming both, their files and lines', () => {
    const clash = tajikistan.replace('[الطاجيكية]', '[رحمون]');
    const { messages } = parse(['people.yaml', rahmon], ['places.yaml', clash]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'gazetteer-duplicate-alias', fatal: true, path: 'places.yaml', line: 5 });
    expect(messages[0]?.reason).toContain('"tajikistan" (places.yaml:5)');
    expect(messages[0]?.reason).toContain('"emomali-rahmon" (people.yaml:6)');
  });

  it('treats spellings that fold to the same key as the same spelling', () => {
    // ال is optional before a spelling stored without it, so "العراق" and "عراق" collide; so do hamza variants.
    const a = tajikistan.replace('[الطاجيكية]', '[العراق]');
    const b = rahmon.replace('- رحمون', '- عراق').replace('إمام علي رحمون', 'إمام علي رحمون');
    expect(parse(['a.yaml', a], ['b.yaml', b]).messages.map((m) => m.ruleId)).toEqual(['gazetteer-duplicate-alias']);
    const c = rahmon.replace('- رحمون', '- طاجيكسْتان');
    expect(parse(['a.yaml', tajikistan], ['c.yaml', c]).messages.map((m) => m.ruleId)).toEqual([
      'gazetteer-duplicate-alias',
    ]);
  });

  it('rejects a bad id with a message saying what is expected and what was received', () => {
    const { entities, messages } = parse(['people.yaml', rahmon.replace('emomali-rahmon', 'Emomali Rahmon')]);
    expect(entities).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'gazetteer-invalid-entity', fatal: true, path: 'people.yaml', line: 1 });
    expect(messages[0]?.reason).toBe(
      'entity "Emomali Rahmon": id: expected an ASCII slug such as "emomali-rahmon", received "Emomali Rahmon"',
    );
  });

  it('rejects a missing field, naming it', () => {
    const { messages } = parse(['people.yaml', rahmon.replace('  nameEn: Emomali Rahmon\n', '')]);
    expect(messages.map((m) => m.reason)).toEqual([
      'entity "emomali-rahmon": nameEn: expected string, received nothing (the field is missing)',
    ]);
  });

  it('rejects a wrong kind, an unknown field and a wrong type, each on its own line', () => {
    const bad = rahmon.replace('kind: person', 'kind: country').replace('role: رئيس طاجيكستان', 'roles: 3').replace('- رحمون', '- 7');
    const { messages } = parse(['people.yaml', bad]);
    expect(messages.map((m) => [m.line, m.reason])).toEqual(
      expect.arrayContaining([
        [2, 'entity "emomali-rahmon": kind: expected "person" | "place" | "organization", received "country"'],
        [6, 'entity "emomali-rahmon": aliases.0: expected string, received number 7'],
        [8, 'entity "emomali-rahmon": roles: unknown field; expected only id, kind, name, nameEn, aliases, aliasesEn, description, role, coordinates'],
      ]),
    );
  });

  it('keeps the valid entries of a file when one entry is invalid', () => {
    const { entities, messages } = parse(['places.yaml', `${tajikistan}- id: x\n  kind: place\n`]);
    expect(entities.map((e) => e.id)).toEqual(['tajikistan']);
    expect(messages.every((m) => m.line === 7 || m.line === 8)).toBe(true);
    expect(messages.length).toBeGreaterThan(0);
  });

  it('reports broken YAML with its line and still reads the other files', () => {
    const { entities, messages } = parse(['people.yaml', '- id: a\n  name: [unclosed\n'], ['places.yaml', tajikistan]);
    expect(entities.map((e) => e.id)).toEqual(['tajikistan']);
    expect(messages[0]).toMatchObject({ ruleId: 'gazetteer-yaml', fatal: true, path: 'people.yaml' });
    expect(messages[0]?.line).toBeGreaterThan(0);
  });

  it('reports a file that is not a list', () => {
    const { messages } = parse(['people.yaml', 'id: emomali-rahmon\n']);
    expect(messages.map((m) => m.ruleId)).toEqual(['gazetteer-not-a-list']);
  });

  it('warns about a one-word spelling equal to a common function word once folded (علي = على)', () => {
    const { entities, messages } = parse(['people.yaml', rahmon.replace('- رحمون', '- علي')]);
    expect(entities).toHaveLength(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'gazetteer-function-word-alias', fatal: false, line: 6 });
    expect(messages[0]?.reason).toContain('"على"');
  });

  it('warns about a very short Arabic spelling but not a short Latin abbreviation', () => {
    const short = tajikistan.replace('[الطاجيكية]', '[طج]').replace('nameEn: Tajikistan', 'nameEn: TJ');
    expect(parse(['places.yaml', short]).messages.map((m) => m.ruleId)).toEqual(['gazetteer-short-alias']);
  });
});
