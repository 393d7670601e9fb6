import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/pagefind';
import { buildSearchRecord, rebuildContent, type SearchRecord } from '../../src/search/record';

const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-pagefind-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function records(): SearchRecord[] {
  return ['000', '001', '002'].map((n, i) =>
    buildSearchRecord(
      {
        slug: `${n}-x`,
        title: `عنوان ${n}`,
        published: i === 2 ? null : `202${i}-01-0${i + 1}`,
        publishedPrecision: i === 2 ? 'unknown' : 'day',
        source: null,
        people: [],
        places: [],
        organizations: [],
      },
      'أكد الرئيس والحدود الطاجيكية الأفغانية',
      new Map(),
      (iso) => iso,
    ),
  );
}

/** Every file of a directory tree with the SHA-256 of its bytes. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, tree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

describe('writeSearchIndex', () => {
  it('writes an Arabic Pagefind bundle, byte-identical for the same records', async () => {
    await writeSearchIndex(records(), path.join(work, 'a'));
    await writeSearchIndex(records(), path.join(work, 'b'));
    const a = tree(path.join(work, 'a'));
    expect(Object.keys(a)).toContain('pagefind.js');
    expect(Object.keys(a).some((file) => file.startsWith('wasm.ar'))).toBe(true);
    expect(Object.keys(a).some((file) => file.startsWith('fragment/ar_'))).toBe(true);
    expect(tree(path.join(work, 'b'))).toEqual(a);
  });

  it('stores each fragment\'s words once and its meta plain: content empty, the title and text rebuild it up to the appended names', async () => {
    const written = records();
    written[0] = { ...written[0]!, content: `${written[0]!.content} ؛ extra`, filters: { year: ['2020'] } };
    await writeSearchIndex(written, path.join(work, 'slim'));
    const folder = path.join(work, 'slim', 'fragment');
    const fragments = readdirSync(folder).map((name) => {
      const raw = gunzipSync(readFileSync(path.join(folder, name)));
      expect(raw.subarray(0, 12).toString()).toBe('pagefind_dcd');
      return JSON.parse(raw.subarray(12).toString()) as { url: string; content: string; meta: Record<string, string>; filters?: unknown };
    });
    expect(fragments).toHaveLength(written.length);
    for (const fragment of fragments) {
      const record = written.find((r) => r.url === fragment.url)!;
      expect(fragment.content).toBe('');
      expect(fragment.filters).toBeUndefined();
      expect(fragment.meta['appendix']).toBeUndefined();
      // Sealed for Pagefind, served plain: the fragment's meta is the record's.
      const meta = fragment.meta;
      expect(meta).toEqual(record.meta);
      const rebuilt = rebuildContent(meta['title']!, meta['text']!, '');
      expect(rebuilt.length).toBeGreaterThan(0);
      expect(record.content.startsWith(rebuilt)).toBe(true);
    }
  });

  it('indexes the content and the title, never the other meta fields', async () => {
    /** The word-index chunks of a bundle, by file name (each name is a hash of the chunk). */
    const indexChunks = (dir: string) => readdirSync(path.join(dir, 'index')).sort();
    const base = records();
    await writeSearchIndex(base, path.join(work, 'meta-base'));
    // Other text, dates, sources and positions in the meta: the index must not change.
    const otherMeta = base.map((record) => ({ ...record, meta: { ...record.meta, text: 'كلمة zzqx مختلفة 12345', date: 'سبتمبر 1999', source: 'وكالة أخرى', entities: '9-12:1,2' } }));
    await writeSearchIndex(otherMeta, path.join(work, 'meta-other'));
    expect(indexChunks(path.join(work, 'meta-other'))).toEqual(indexChunks(path.join(work, 'meta-base')));
    // Another title is searched, so the index changes: the comparison above can fail.
    const otherTitle = base.map((record) => ({ ...record, meta: { ...record.meta, title: 'عنوان zzqx' } }));
    await writeSearchIndex(otherTitle, path.join(work, 'meta-title'));
    expect(indexChunks(path.join(work, 'meta-title'))).not.toEqual(indexChunks(path.join(work, 'meta-base')));
  });

  it('writes the same bundle whether records arrive one at a time or in batches', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...records()[i % 3]!, url: `/articles/${String(i).padStart(3, '0')}-x/` }));
    async function* batches(size: number) {
      for (let i = 0; i < many.length; i += size) yield many.slice(i, i + size);
    }
    expect(await writeSearchIndex(batches(1), path.join(work, 'one'))).toBe(150);
    expect(await writeSearchIndex(batches(64), path.join(work, 'batched'))).toBe(150);
    expect(tree(path.join(work, 'batched'))).toEqual(tree(path.join(work, 'one')));
  });

  it('fails with an explanation and Pagefind\'s own message as the cause when the bundle cannot be written', async () => {
    const blocker = path.join(work, 'not-a-directory');
    writeFileSync(blocker, '');
    const failure = writeSearchIndex(records(), path.join(blocker, 'pagefind'));
    await expect(failure).rejects.toThrow(/search index/);
    await expect(failure).rejects.toHaveProperty('cause');
  });
});
