import MiniSearch, { type AsPlainObject } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../src/search/normalize';
import { buildOfflineIndex, combineTerms, documentContent, MINISEARCH_OPTIONS, offlineDocument, shardsFor, OFFLINE_GLOBAL, partitionTerms, shardFileName, shardOf, type OfflineDocument, type OfflineManifest } from '../../src/search/offline-index';
import { buildSearchRecord, type SearchableArticle, type SearchableEntity } from '../../src/search/record';

const rahmon: SearchableEntity = {
  id: 'emomali-rahmon',
  kind: 'person',
  name: 'إمام علي رحمون',
  nameEn: 'Emomali Rahmon',
  aliases: ['رحمون', 'رحمن'],
  aliasesEn: ['Rahmon'],
};
const base: SearchableArticle = { slug: 'a', title: '', published: '2025-01-29', publishedPrecision: 'day', source: null, people: [], places: [], organizations: [] };
const records = [
  buildSearchRecord({ ...base, slug: '000-a', title: 'الرئيس يستقبل الأمين العام', people: ['emomali-rahmon'] }, 'أكد الرئيس إمام علي رحمون دعم الأمن الجماعي', new Map([[rahmon.id, rahmon]]), () => ''),
  buildSearchRecord({ ...base, slug: '001-b', title: 'اجتماع وزراء الخارجية' }, 'بحث الوزراء تعزيز الحدود مع أفغانستان', new Map(), () => ''),
];

/** Run the index scripts as the browser would, collecting what they register. */
function load(files: ReturnType<typeof buildOfflineIndex>): { manifest: OfflineManifest; shards: Map<string, MiniSearch>; docs: Map<number, OfflineDocument> } {
  let manifest: OfflineManifest | null = null;
  const shards = new Map<string, MiniSearch>();
  const docs = new Map<number, OfflineDocument>();
  const registry = {
    manifest: (value: OfflineManifest) => (manifest = value),
    shard: (key: string, value: AsPlainObject) => shards.set(key, MiniSearch.loadJS(value, MINISEARCH_OPTIONS)),
    doc: (id: number, value: OfflineDocument) => docs.set(id, value),
  };
  for (const file of files) new Function(OFFLINE_GLOBAL, file.text)(registry);
  return { manifest: manifest!, shards, docs };
}

/** Articles matching every term of a typed query, through the shards that hold the terms. */
function search(query: string, index: ReturnType<typeof load>): number[] {
  const keys = new Set(index.manifest.keys);
  const sets = normalizeQuery(query).terms.map((term) => new Set(index.shards.get(shardOf(term, keys)!)!.search(term, { prefix: true }).map((r) => Number(r.id))));
  return [...(sets[0] ?? [])].filter((id) => sets.every((set) => set.has(id)));
}

describe('the offline search index', () => {
  const files = buildOfflineIndex(records);
  const index = load(files);

  it('writes classic scripts that register a manifest, shards and one document per article', () => {
    expect(files.every((file) => file.text.startsWith(`${OFFLINE_GLOBAL}.`))).toBe(true);
    expect(index.manifest.articles).toBe(2);
    expect([...index.docs.keys()]).toEqual([0, 1]);
    expect(index.docs.get(1)!.path).toBe('articles/001-b/');
  });

  it('finds an article by a spelling variant, folded with the same searchForm as the index', () => {
    expect(search('الامن الجماعى', index)).toEqual([0]);
    expect(search('افغانستان', index)).toEqual([1]);
  });

  it('finds an article by an entity alias it was annotated with (English or Arabic)', () => {
    expect(search('Rahmon', index)).toEqual([0]);
    expect(search('رحمن', index)).toEqual([0]);
  });

  it('stores each article once: its indexed words are rebuilt in the browser exactly as indexed', () => {
    for (const [id, document] of index.docs) {
      expect(document.content).toBeUndefined();
      expect(documentContent(document)).toBe(records[id]!.content);
    }
    expect(index.docs.get(0)!.appendix).toContain('rahmon');
  });

  it('stores the indexed words when they cannot be rebuilt from the title and text', () => {
    const odd = { ...records[0]!, content: `${records[0]!.content} extra` };
    odd.meta = { ...odd.meta, offset: 'not a number' };
    expect(offlineDocument(odd).content).toBe(odd.content);
  });

  it('is the same text when built twice', () => {
    expect(buildOfflineIndex(records)).toEqual(files);
  });
});

describe('shards by prefix', () => {
  const postings = new Map([
    ['الامن', 5],
    ['الامين', 4],
    ['الحدود', 3],
    ['ال', 1],
    ['رحمون', 2],
  ]);

  it('splits a prefix whose postings exceed the limit on its next letter, keeping short words in their own shard', () => {
    const shards = partitionTerms(postings, 6);
    expect([...shards.keys()].sort()).toEqual(['ال', 'الامن', 'الامي', 'الح', 'ر']);
    expect(shards.get('ال')).toEqual(['ال']);
  });

  it('keeps everything in one shard when it is small', () => {
    expect([...partitionTerms(postings, 1000).keys()]).toEqual(['']);
  });

  it('finds the shard of a word as its longest key prefix', () => {
    const keys = new Set(partitionTerms(postings, 6).keys());
    expect(shardOf('الامنية', keys)).toBe('الامن');
    expect(shardOf('الحدود', keys)).toBe('الح');
    expect(shardOf('ب', keys)).toBeNull();
  });

  it('names shard files with ASCII only', () => {
    expect(shardFileName('الح')).toBe('627-644-62d.js');
    expect(shardFileName('')).toBe('_.js');
  });
});

describe('answering a query from shards', () => {
  it('needs the shard holding the word and those of its longer forms, unless a short word would need too many', () => {
    const keys = ['ا', 'الا', 'الامن', 'الامي', 'ب'];
    expect(shardsFor('الامن', keys, new Set(keys))).toEqual(['الامن']);
    expect(shardsFor('الام', keys, new Set(keys))).toEqual(['الا', 'الامن', 'الامي']);
    const many = ['ا', ...Array.from({ length: 20 }, (_, i) => `ا${String.fromCharCode(0x628 + i)}`)];
    expect(shardsFor('ا', many, new Set(many))).toEqual(['ا']);
  });

  it('keeps the articles that match every term, best summed score first, ties in document order', () => {
    const hit = (score: number, word: string) => ({ score, words: new Set([word]) });
    const ranked = combineTerms([
      new Map([[0, hit(1, 'a')], [1, hit(2, 'a')], [2, hit(3, 'a')], [3, hit(1, 'a')]]),
      new Map([[0, hit(2, 'b')], [1, hit(1, 'b')], [3, hit(2, 'bb')]]),
    ]);
    expect(ranked.map((r) => r.id)).toEqual([0, 1, 3]);
    expect([...ranked[2]!.words]).toEqual(['a', 'bb']);
    expect(combineTerms([])).toEqual([]);
  });
});
