import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { foldArabic } from '../../../src/arabic/normalize';
import { normalizeSource, parseSources } from '../../../src/pipeline/page/sources';
import { root } from '../config';

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

/** The entries as written, read straight from the YAML so each spelling can be checked on its own. */
const entries = (parseYaml(readFileSync(join(root, 'content/sources.yaml'), 'utf8')) as { sources: Array<{ id: string; ar: string; en: string; names: string[] }> }).sources;

describe('content/sources.yaml coverage', () => {
  it('resolves every spelling, and the Arabic and English names, to its own agency', () => {
    for (const entry of entries) {
      for (const name of [entry.ar, entry.en, ...entry.names]) {
        expect(normalizeSource(name, table).source?.id, `${name} should name ${entry.id}`).toBe(entry.id);
      }
    }
  });

  it('gives no folded spelling to two agencies', () => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const name of new Set([entry.ar, entry.en, ...entry.names])) {
        // The same folding the lookup uses: hamza forms, ta marbuta, case, dots and spaces.
        const key = foldArabic(name).replace(/[\s"'“”«».]+/g, ' ').trim();
        const previous = owner.get(key);
        expect(previous === undefined || previous === entry.id, `"${name}" names both ${previous} and ${entry.id}`).toBe(true);
        owner.set(key, entry.id);
      }
    }
  });

  it('knows the national agency of the Arab states and the main world and regional agencies', () => {
    const ids = new Set(entries.map((e) => e.id));
    const expected = ['spa', 'wam', 'qna', 'kuna', 'bna', 'ona', 'mena', 'sana', 'petra', 'nna', 'ina', 'wafa', 'map', 'aps', 'tap', 'lana', 'suna', 'saba', 'ami', 'sonna', 'adi',
      'afp', 'reuters', 'ap', 'anadolu', 'xinhua', 'irna', 'isna', 'fars', 'tasnim', 'mehr', 'tass', 'ria-novosti', 'sputnik', 'rt', 'interfax',
      'kazinform', 'kabar', 'akipress', 'uza', 'dunyo', 'khovar', 'asia-plus', 'tdh', 'belta', 'armenpress', 'azertag',
      'al-jazeera', 'al-arabiya', 'bbc-arabic', 'sky-news-arabia', 'france-24', 'dw', 'cgtn-arabic', 'al-mayadeen'];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reads the press abbreviations and spelling variants editors type', () => {
    const cases: Array<[string, string]> = [
      ['واس', 'spa'], ['وام', 'wam'], ['قنا', 'qna'], ['كونا', 'kuna'], ['بنا', 'bna'], ['سانا', 'sana'], ['بترا', 'petra'],
      ['واع', 'ina'], ['وفا', 'wafa'], ['واج', 'aps'], ['وات', 'tap'], ['سونا', 'suna'], ['سبا', 'saba'],
      ['أ.ش.أ', 'mena'], ['ا ش ا', 'mena'], ['أ.ف.ب', 'afp'], ['د.ب.أ', 'dpa'], ['و.م.ع', 'map'],
      ['وكالة الانباء السعودية', 'spa'], ['الاناضول', 'anadolu'], ['ارنا', 'irna'], ['«شينخوا»', 'xinhua'], ['reuters', 'reuters'],
    ];
    for (const [raw, id] of cases) expect(normalizeSource(raw, table).source?.id, raw).toBe(id);
  });

  it('reads a credit with its abbreviation in brackets, unless the two parts name different agencies', () => {
    expect(normalizeSource('وكالة الأنباء الكويتية (كونا)', table).source?.id).toBe('kuna');
    expect(normalizeSource('Reuters (رويترز)', table).source?.id).toBe('reuters');
    expect(normalizeSource('(وكالة مجهولة) قنا', table).source).toBeNull();
    const conflicting = normalizeSource('رويترز (أ ف ب)', table);
    expect(conflicting.source).toBeNull();
    expect(conflicting.messages[0]?.ruleId).toBe('unknown-source');
  });
});
