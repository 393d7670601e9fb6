/**
 * The ingest command end to end, in temporary folders: conversion, --check, determinism and every
 * class of bad input. The real seeds/ folder is only read, and checked to be unchanged.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, root, tempDir } from './run-ingest';
import { foundingSeedsDir } from '../setup/founding-archive';

/** name → sha256 of every file in a folder, to prove what changed and what did not. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
}

// The founding seeds: a test of the CLI must not change with the articles a contributor adds.
const seedsDir = foundingSeedsDir();
const seedNames = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort();

describe('npm run ingest', () => {
  it('converts a seeds folder into one MDX per seed, prints a line each and a summary, and a second run changes nothing', () => {
    const seedsBefore = snapshot(seedsDir);
    const out = tempDir();
    const first = ingest(['--seeds', seedsDir, '--out', out]);
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(seedNames.map((n) => n.replace(/_/g, '-').replace(/\.txt$/, '.mdx')));
    expect(first.stdout).toContain('001-6dfbaefa9a0405cb  2025-01-29  TASS  people ');
    expect(first.stdout).toMatch(/^000-8441eef74626a7fb {2}no date {2}no source {2}people \d+, places \d+, orgs \d+ {2}1 warning {2}written$/mu);
    expect(first.stdout).toContain('5 seeds: 5 written, 0 unchanged, 0 not converted');
    expect(first.stderr).toMatch(/000_8441eef74626a7fb\.txt\n\s*3:46\s+warning\s.*missing-date/u);

    const written = snapshot(out);
    const second = ingest(['--seeds', seedsDir, '--out', out]);
    expect(second.stdout).toContain('5 seeds: 0 written, 5 unchanged');
    expect(snapshot(out)).toEqual(written);
    expect(snapshot(seedsDir)).toEqual(seedsBefore);
  });

  it('keeps content/articles in step with seeds/ (what CI checks)', () => {
    const result = ingest(['--check']);
    expect(result.stdout).not.toContain('out of date');
    expect(result.status).toBe(0);
  });

  it('--check changes nothing and lists missing, stale and orphaned files with exit 1', () => {
    const out = tempDir();
    ingest(['--seeds', seedsDir, '--out', out]);
    writeFileSync(join(out, '001-6dfbaefa9a0405cb.mdx'), 'edited by hand\n');
    rmSync(join(out, '002-216685895bd1f649.mdx'));
    writeFileSync(join(out, 'gone.mdx'), 'seed deleted\n');
    const before = snapshot(out);
    const result = ingest(['--check', '--seeds', seedsDir, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`stale: ${join(out, '001-6dfbaefa9a0405cb.mdx')}`);
    expect(result.stdout).toContain(`missing: ${join(out, '002-216685895bd1f649.mdx')}`);
    expect(result.stdout).toContain(`orphaned: ${join(out, 'gone.mdx')}`);
    expect(snapshot(out)).toEqual(before);
  });

  it('removes orphaned MDX when converting', () => {
    const out = tempDir();
    ingest(['--seeds', seedsDir, '--out', out]);
    writeFileSync(join(out, 'gone.mdx'), 'seed deleted\n');
    writeFileSync(join(out, 'notes.txt'), 'not ours\n');
    const result = ingest(['--seeds', seedsDir, '--out', out]);
    expect(result.stdout).toContain('gone  removed (its seed is gone)');
    expect(readdirSync(out)).not.toContain('gone.mdx');
    expect(readdirSync(out)).toContain('notes.txt');
  });

  it('writes byte-identical output whatever the time zone, locale and file creation order', () => {
    const reversed = tempDir();
    for (const name of readdirSync(seedsDir).sort().reverse()) copyFileSync(join(seedsDir, name), join(reversed, name));
    const a = tempDir();
    const b = tempDir();
    ingest(['--seeds', seedsDir, '--out', a], { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    ingest(['--seeds', reversed, '--out', b], { TZ: 'Pacific/Kiritimati', LANG: 'ar_SA.UTF-8', LC_ALL: 'ar_SA.UTF-8' });
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('--frail fails on warnings, and --candidates-json writes the unknown-name report', () => {
    const out = tempDir();
    const json = join(tempDir(), 'candidates.json');
    const result = ingest(['--seeds', seedsDir, '--out', out, '--frail', '--candidates-json', json]);
    expect(result.status).toBe(1);
    const candidates = JSON.parse(readFileSync(json, 'utf8')) as Array<{ seed: string; line: number; name: string }>;
    expect(Array.isArray(candidates)).toBe(true);
    for (const c of candidates) expect(seedNames).toContain(c.seed);
  });
});

describe('npm run ingest on bad input', () => {
  const seeds = tempDir();
  const out = tempDir();
  const good = 'قال المتحدث اليوم الأربعاء 29 يناير/كانون الثاني 2025 إن الاجتماع انتهى بنجاح.\n';
  const files: Record<string, Uint8Array | string> = {
    'good.txt': good,
    'good2.txt': good,
    'empty.txt': '',
    'whitespace-only.txt': ' \n\t\n',
    'invalid-utf8.txt': Buffer.concat([Buffer.from('سطر سليم.\nسطر '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' تالف.\n')]),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('نص بترميز UTF-16 فيه خبر.\n', 'utf16le')]),
    'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('نص فيه علامة ترتيب البايت.\n')]),
    'crlf.txt': 'السطر الأول.\r\nالسطر الثاني.\r\n',
    'lone-cr.txt': 'السطر الأول.\rالسطر الثاني.\r',
    'nul.txt': 'نص\u0000 فيه بايت فارغ.\n',
    'bidi.txt': 'سطر أول.\nسطر فيه \u202Eعكس\u202C للاتجاه.\n',
    'presentation-nbsp.txt': '\uFEB3\uFEFC\uFEE1\u00A0عليكم.\n',
    'Slug_Clash.txt': 'خبر أول عن الاجتماع.\n',
    'slug-clash.txt': 'خبر ثان عن الاجتماع.\n',
    'with-sidecar.txt': 'قال المتحدث إن الاجتماع انتهى.\n',
    'with-sidecar.meta.yaml': 'reason: test\npublished: 10/01/2022\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(seeds, name), content);
  const seedsBefore = snapshot(seeds);
  const result = ingest(['--seeds', seeds, '--out', out]);
  const written = readdirSync(out).sort();
  const at = (name: string): string => join(seeds, name);

  it('exits non-zero but still converts every file that can be converted', () => {
    expect(result.status).toBe(1);
    expect(written).toEqual(['bidi.mdx', 'bom.mdx', 'crlf.mdx', 'good.mdx', 'lone-cr.mdx', 'nul.mdx', 'presentation-nbsp.mdx', 'utf16.mdx']);
    expect(result.stdout).toContain('15 seeds: 8 written, 0 unchanged, 7 not converted');
  });

  it('names the file, line and rule of each problem', () => {
    const expectations: Array<[string, RegExp]> = [
      ['empty.txt', /error\s+the seed file is empty.*empty-seed/u],
      ['whitespace-only.txt', /error\s+the seed file contains only whitespace.*empty-seed/u],
      ['invalid-utf8.txt', /2:5\s+error\s+the bytes are not valid UTF-8.*invalid-utf8/u],
      ['utf16.txt', /warning\s+the file is UTF-16LE.*utf-16/u],
      ['bom.txt', /warning\s+a UTF-8 byte order mark.*byte-order-mark/u],
      ['lone-cr.txt', /warning\s+lines end with a lone CR.*cr-line-endings/u],
      ['nul.txt', /1:3\s+warning\s+1 NUL byte removed.*nul-byte/u],
      ['bidi.txt', /2:9\s+warning\s+bidi control U\+202E removed.*bidi-control/u],
      ['presentation-nbsp.txt', /1:1\s+warning\s+1 Arabic presentation-form.*presentation-form/u],
      ['good2.txt', new RegExp(`error\\s+${at('good2.txt')} has exactly the same bytes as ${at('good.txt')}.*duplicate-content`, 'u')],
      ['Slug_Clash.txt', new RegExp(`error\\s+${at('Slug_Clash.txt')} and ${at('slug-clash.txt')} both become the page "slug-clash".*slug-collision`, 'u')],
      ['with-sidecar.meta.yaml', /2:1\s+error\s+published: expected a date written YYYY-MM-DD, received "10\/01\/2022".*invalid-sidecar/u],
    ];
    for (const [name, pattern] of expectations) {
      const section = result.stderr.split('\n\n').find((block) => block.startsWith(at(name)));
      expect(section, name).toBeDefined();
      expect(section, name).toMatch(pattern);
    }
  });

  it('records what reading changed in the article provenance', () => {
    expect(readFileSync(join(out, 'crlf.mdx'), 'utf8')).toContain('lineEndings: crlf');
    expect(readFileSync(join(out, 'utf16.mdx'), 'utf8')).toContain('encoding: utf-16le');
    expect(readFileSync(join(out, 'bidi.mdx'), 'utf8')).toMatch(/from: U\+202E\n\s+to: ""\n\s+rule: bidi-control/u);
    expect(readFileSync(join(out, 'good.mdx'), 'utf8')).toContain('published: "2025-01-29"');
  });

  it('leaves the seeds untouched and no temporary or half-written file behind', () => {
    expect(snapshot(seeds)).toEqual(seedsBefore);
    expect(readdirSync(out).filter((name) => !name.endsWith('.mdx'))).toEqual([]);
    for (const name of written) expect(readFileSync(join(out, name), 'utf8')).toMatch(/^---\n[\s\S]+\n---\n\n[\s\S]+\n$/u);
  });
});
