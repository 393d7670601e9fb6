/**
 * The ingest cache and the conversion threads, end to end: an unchanged seed is not converted
 * again (even when its file was touched), any input that shapes an article — a content file, a
 * sidecar, the article on disk — makes it converted again, a broken cache is only a slower run,
 * and converting on several threads writes and prints exactly what one thread does.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, root, tempDir } from './run-ingest';
import { foundingSeedsDir } from '../setup/founding-archive';

const SKIPPED = /\((\d+) unchanged since the last run, not converted again\)/u;

/** How many articles the run took from the cache (0 when the summary does not say). */
function skipped(stdout: string): number {
  return Number(SKIPPED.exec(stdout)?.[1] ?? 0);
}

/** A private copy of the seeds and the content files, and a private cache folder. */
function workspace(): { seeds: string; out: string; content: string; args: string[] } {
  const dir = tempDir();
  const seeds = join(dir, 'seeds');
  const content = join(dir, 'content');
  cpSync(foundingSeedsDir(), seeds, { recursive: true });
  for (const file of ['boilerplate.yaml', 'sources.yaml', 'gazetteer']) cpSync(join(root, 'content', file), join(content, file), { recursive: true });
  const out = join(dir, 'articles');
  const args = ['--seeds', seeds, '--out', out, '--cache', join(dir, 'cache'), '--rules', join(content, 'boilerplate.yaml'), '--sources', join(content, 'sources.yaml'), '--gazetteer', join(content, 'gazetteer')];
  return { seeds, out, content, args };
}

function folder(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const SIDECAR = '004_7e73e5d89ee22f4a.meta.yaml';
const ARTICLE_004 = '004-7e73e5d89ee22f4a.mdx';

describe('ingest cache', () => {
  it('converts nothing again when nothing changed, even a seed whose file was rewritten with the same bytes', () => {
    const w = workspace();
    const first = ingest(w.args);
    expect(first.status).toBe(0);
    expect(skipped(first.stdout)).toBe(0);
    const written = folder(w.out);

    const name = '001_6dfbaefa9a0405cb.txt';
    writeFileSync(join(w.seeds, name), readFileSync(join(w.seeds, name)));
    utimesSync(join(w.seeds, name), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const second = ingest(w.args);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('5 seeds: 0 written, 5 unchanged');
    expect(skipped(second.stdout)).toBe(5);
    // The replayed report is the one the conversion printed: same lines, same warnings.
    expect(second.stdout.replace(/ \(\d+ unchanged since the last run, not converted again\)/u, '')).toBe(first.stdout.replace(/ {2}written$/gmu, '  unchanged').replace('5 written, 0 unchanged', '0 written, 5 unchanged'));
    expect(second.stderr).toBe(first.stderr);
    expect(folder(w.out)).toEqual(written);
  });

  it.each([
    ['the gazetteer', (content: string) => join(content, 'gazetteer', 'people.yaml')],
    ['the boilerplate rules', (content: string) => join(content, 'boilerplate.yaml')],
    ['the sources', (content: string) => join(content, 'sources.yaml')],
  ])('converts every seed again when %s changed', (_, file) => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    // Even a comment: the cache cannot know which edits matter, so any edit counts.
    writeFileSync(file(w.content), `${readFileSync(file(w.content), 'utf8')}\n# edited\n`);
    const after = ingest(w.args);
    expect(after.status).toBe(0);
    expect(skipped(after.stdout)).toBe(0);
  });

  it('converts the seeds again when a gazetteer file is added, and the new name is linked', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const article = join(w.out, '000-8441eef74626a7fb.mdx');
    expect(readFileSync(article, 'utf8')).not.toContain('test-correspondent');
    // Seed 000 names a correspondent the gazetteer does not know (a candidate name in the report).
    writeFileSync(join(w.content, 'gazetteer', 'extra.yaml'), '- id: test-correspondent\n  kind: person\n  name: واط\n  nameEn: Wat\n  description: A correspondent, for a test.\n');
    const after = ingest(w.args);
    expect(after.status, after.stderr).toBe(0);
    expect(skipped(after.stdout)).toBe(0);
    expect(after.stdout).toMatch(/^000-8441eef74626a7fb .* updated$/mu);
    expect(readFileSync(article, 'utf8')).toContain('test-correspondent');
    const uncached = workspace();
    cpSync(join(w.content, 'gazetteer', 'extra.yaml'), join(uncached.content, 'gazetteer', 'extra.yaml'));
    expect(ingest([...uncached.args, '--no-cache']).status).toBe(0);
    expect(folder(w.out)).toEqual(folder(uncached.out));
  });

  it('converts a seed again when its sidecar changed, and only that seed', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const sidecar = join(w.seeds, SIDECAR);
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('publishedEvidence: اليوم الاثنين', 'publishedEvidence: null\ncategory: تقارير'));
    const after = ingest(w.args);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/^004-7e73e5d89ee22f4a .* updated$/mu);
    expect(skipped(after.stdout)).toBe(4);
    expect(readFileSync(join(w.out, ARTICLE_004), 'utf8')).toContain('category: تقارير');
  });

  it('never vouches for an article edited by hand: --check (which never reads the cache) reports it stale, ingest restores it', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const article = join(w.out, ARTICLE_004);
    const original = readFileSync(article, 'utf8');
    const edited = original.replace(/\n$/u, '\nسطر أضيف باليد\n');
    writeFileSync(article, edited);
    // Even a cache that vouches for the edited file (tampered with, or wrong) cannot make --check pass.
    const cacheDir = w.args[w.args.indexOf('--cache') + 1]!;
    const cacheFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.json'))!);
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { articles: Record<string, { mdxSha256: string }> };
    cache.articles['004_7e73e5d89ee22f4a.txt']!.mdxSha256 = createHash('sha256').update(edited).digest('hex');
    writeFileSync(cacheFile, JSON.stringify(cache));
    const check = ingest([...w.args, '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`stale: ${article}`);
    expect(skipped(check.stdout)).toBe(0);
    expect(check.stdout).toContain('5 seeds: 4 up to date');
    // A plain run trusts the local cache it wrote; --no-cache restores the article.
    const again = ingest([...w.args, '--no-cache']);
    expect(again.stdout).toMatch(/^004-7e73e5d89ee22f4a .* updated$/mu);
    expect(readFileSync(article, 'utf8')).toBe(original);
    expect(ingest([...w.args, '--check']).status).toBe(0);
  });

  it('converts an article edited by hand again and writes it back', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const article = join(w.out, ARTICLE_004);
    const original = readFileSync(article, 'utf8');
    writeFileSync(article, original.replace('titleSource: headline', 'titleSource: editor'));
    const again = ingest(w.args);
    expect(again.stdout).toMatch(/^004-7e73e5d89ee22f4a .* updated$/mu);
    expect(skipped(again.stdout)).toBe(4);
    expect(readFileSync(article, 'utf8')).toBe(original);
  });

  it('writes an emptied or deleted article again', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const written = folder(w.out);
    writeFileSync(join(w.out, ARTICLE_004), '');
    expect(ingest([...w.args, '--check']).status).toBe(1);
    rmSync(join(w.out, ARTICLE_004));
    expect(ingest([...w.args, '--check']).status).toBe(1);
    expect(ingest(w.args).status).toBe(0);
    expect(folder(w.out)).toEqual(written);
  });

  it('treats an unreadable or foreign cache file as empty, and --no-cache ignores the cache', () => {
    const w = workspace();
    expect(ingest(w.args).status).toBe(0);
    const cacheDir = w.args[w.args.indexOf('--cache') + 1]!;
    const [cacheFile] = readdirSync(cacheDir).filter((name) => name.endsWith('.json'));
    expect(cacheFile).toBeDefined();
    expect(skipped(ingest([...w.args, '--no-cache']).stdout)).toBe(0);
    for (const garbage of ['{"format": 1, "code": "x"', 'null', '[]', '{"format":1,"code":"","articles":{"a":1},"shortLines":[]}', '\u0000\u0001']) {
      writeFileSync(join(cacheDir, cacheFile!), garbage);
      const run = ingest(w.args);
      expect(run.status).toBe(0);
      expect(skipped(run.stdout)).toBe(0);
    }
  });
});

describe('ingest on several threads', () => {
  it('writes and prints exactly what one thread does', () => {
    const w = workspace();
    // The realistic pages of the corpus (many shapes, warnings and removals), each several times
    // with a closing line of its own so no two seeds share a text: enough work that the worker
    // threads have started long before the main thread could finish alone.
    for (const dir of ['pages', 'held-back']) {
      for (const name of readdirSync(join(root, 'test/corpus', dir)).filter((n) => n.endsWith('.txt'))) {
        const text = readFileSync(join(root, 'test/corpus', dir, name), 'utf8');
        for (let copy = 0; copy < 6; copy++) writeFileSync(join(w.seeds, `${copy}${dir[0]}${name}`), `${text}\nنسخة رقم ${copy} من الصفحة.\n`);
      }
    }
    const one = ingest([...w.args, '--no-cache', '--jobs', '1', '--removed']);
    const threaded = workspace();
    cpSync(w.seeds, threaded.seeds, { recursive: true });
    const three = ingest([...threaded.args, '--no-cache', '--jobs', '3', '--removed']);
    expect(three.status).toBe(one.status);
    expect(readdirSync(w.out).length).toBeGreaterThan(300);
    expect(three.stderr).toMatch(/^ingest: \d+ seeds converted on [23] threads$/mu);
    expect(one.stderr).not.toMatch(/converted on/u);
    expect(folder(threaded.out)).toEqual(folder(w.out));
    const same = (text: string, base: string) => text.split(base).join('<dir>').replace(/^ingest: .*\n/gmu, '');
    expect(same(three.stdout, join(threaded.seeds, '..'))).toBe(same(one.stdout, join(w.seeds, '..')));
    expect(same(three.stderr, join(threaded.seeds, '..'))).toBe(same(one.stderr, join(w.seeds, '..')));
  });
});
