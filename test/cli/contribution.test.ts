/**
 * A contribution, simulated in a temporary clone of the repository: `npm run add` copies a raw
 * article under the next number, ingests it and prints the review sheet; the content then passes
 * `ingest --check`. A bad contribution (no date, unknown names, hostile text) prints the messages
 * CONTRIBUTING documents, and a duplicate is refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, tempDir } from './run-ingest';

let clone: string;

/** Run an npm script in the clone. */
function npm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', ...args], { cwd: clone, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  clone = join(tempDir(), 'arshif');
  execFileSync('git', ['clone', '--quiet', '--local', '--no-hardlinks', root, clone]);
  // The clone is of the last commit; bring in the working tree's sources so the test checks them.
  for (const path of ['src', 'content', 'seeds', 'package.json']) execFileSync('cp', ['-a', join(root, path), clone]);
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
});

describe('a contribution in a fresh clone', () => {
  it('adds a raw article with one command, writes its sidecar, ingests it, prints the review sheet, and passes --check', () => {
    const raw = join(tempDir(), 'article.txt');
    writeFileSync(raw, 'اجتماع لوزراء دفاع منظمة معاهدة الأمن الجماعي\n\nدوشنبه - عقد وزراء دفاع الدول الأعضاء في منظمة معاهدة الأمن الجماعي اجتماعا في دوشنبه لبحث الوضع على حدود طاجيكستان مع أفغانستان.\n\nالمصدر: تاس\n');
    const seedsBefore = readdirSync(join(clone, 'seeds')).filter((name) => name.endsWith('.txt')).length;
    const added = npm('add', '--', raw, '--date', '2024-06-04', '--reason', 'The meeting was held on 4 June 2024 (CSTO press release).');
    expect(added.status, added.stderr).toBe(0);
    const seed = readdirSync(join(clone, 'seeds')).filter((name) => name.endsWith('.txt')).sort().at(-1)!;
    expect(seed).toMatch(new RegExp(`^${String(seedsBefore).padStart(3, '0')}_[0-9a-f]{16}\\.txt$`));
    expect(readFileSync(join(clone, 'seeds', seed.replace('.txt', '.meta.yaml')), 'utf8')).toContain('published: 2024-06-04');
    expect(added.stdout).toContain('## Ingest review sheet');
    expect(added.stdout).toContain('- **Date:** 2024-06-04 (day), set in the sidecar: The meeting was held on 4 June 2024');
    expect(added.stdout).toContain('- **Source:** TASS (تاس)');
    expect(existsSync(join(clone, 'content/articles', `${seed.replace('_', '-').replace('.txt', '.mdx')}`))).toBe(true);
    expect(npm('ingest', '--', '--check').status).toBe(0);

    const again = npm('add', '--', raw);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is already in the archive');
  });

  it('shows a bad contribution the documented messages: no date, an unknown name, hostile text kept as text', () => {
    const raw = join(tempDir(), 'bad.txt');
    writeFileSync(raw, 'تصريح جديد\n\nوقال وزير الدفاع زوراب بيكوف إن <script>alert(1)</script> {process.exit()} الوضع مستقر.\n');
    const added = npm('add', '--', raw);
    expect(added.stderr).toContain('missing-date');
    expect(added.stdout).toContain('- **Date:** none — see the missing-date warning below');
    expect(added.stdout).toContain('**Names the gazetteer does not know:**');
    const article = readdirSync(join(clone, 'content/articles')).sort().at(-1)!;
    expect(readFileSync(join(clone, 'content/articles', article), 'utf8')).toContain('\\<script>alert(1)\\</script> \\{process.exit()}');
  });

  it('refuses a date without a reason, and an impossible date', () => {
    const raw = join(tempDir(), 'x.txt');
    writeFileSync(raw, 'نص\n');
    expect(npm('add', '--', raw, '--date', '2024-06-04').stderr).toContain('--date needs --reason');
    expect(npm('add', '--', raw, '--date', '2024-02-30', '--reason', 'x').stderr).toContain('is not a calendar date');
  });
});
