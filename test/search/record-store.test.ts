import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchRecord, type SearchableArticle, type SearchRecord } from '../../src/search/record';
import { readRecords, recordFolder, RecordWriter } from '../../src/search/record-store';

const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-records-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function record(slug: string): SearchRecord {
  const article: SearchableArticle = { slug, title: slug, published: null, publishedPrecision: 'unknown', source: null, people: [], places: [], organizations: [] };
  return buildSearchRecord(article, 'نص', new Map(), (iso) => iso);
}

describe('search records kept by digest', () => {
  it('reads back in the order written, keeps unchanged records and deletes the ones no article has', async () => {
    const folder = recordFolder(work, '/site/dist');
    const first = new RecordWriter(folder);
    first.write('aa01', record('a'));
    first.write('bb02', record('b'));
    first.finish();
    expect((await readRecords(folder)).map((r) => r.url)).toEqual(['/articles/a/', '/articles/b/']);

    const second = new RecordWriter(folder);
    expect(second.has('aa01')).toBe(true);
    expect(second.has('bb02')).toBe(true);
    second.write('cc03', record('c'));
    second.keep('aa01');
    second.finish();
    expect((await readRecords(folder)).map((r) => r.url)).toEqual(['/articles/c/', '/articles/a/']);
    expect(readdirSync(folder).sort()).toEqual(['aa01.json', 'cc03.json', 'records.json']);
  });

  it('gives each output folder its own records, so builds into different folders do not collide', () => {
    expect(recordFolder(work, '/site/dist')).not.toBe(recordFolder(work, '/site/dist-relative'));
  });

  it('says the content layer did not run when there is no list', async () => {
    await expect(readRecords(path.join(work, 'nothing'))).rejects.toThrow(/content layer/);
  });
});
