/**
 * A hostile pull request, file by file: what it can put in seeds/ and content/ (links, folders,
 * odd names, huge or malformed files, alias bombs, backtracking rules) against the real ingest
 * command. Every case must end in a message naming the file — never a leak, a crash or a deletion.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, root, tempDir } from '../cli/run-ingest';
import { foundingSeedsDir } from '../setup/founding-archive';

const seedsDir = foundingSeedsDir();
const ARTICLE = readFileSync(join(seedsDir, '001_6dfbaefa9a0405cb.txt'));
/** A stack trace line, which a message must never contain. */
const STACK = /\n\s+at .+[(:]\d+/;

/** A seeds folder with one real article, plus whatever the test adds. */
function seedsWithOneArticle(): string {
  const dir = tempDir();
  writeFileSync(join(dir, '001_a.txt'), ARTICLE);
  return dir;
}

/** A file outside the seeds folder that must never be published. */
function secretFile(): string {
  const file = join(tempDir(), 'secret.txt');
  writeFileSync(file, 'SECRET-TOKEN-4711 root:x:0:0:root:/root:/bin/bash\n');
  return file;
}

function outputText(out: string): string {
  return readdirSync(out)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => readFileSync(join(out, name), 'utf8'))
    .join('\n');
}

describe('seeds are read only as regular files inside the seeds folder', () => {
  it('refuses a seed that is a symbolic link, names it, and never reads what it points at', () => {
    const seeds = seedsWithOneArticle();
    symlinkSync(secretFile(), join(seeds, '405_x.txt'));
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/405_x\.txt\n.*405_x\.txt is a symbolic link; .*never through links.*not-a-regular-file/u);
    expect(readdirSync(out)).toEqual(['001-a.mdx']);
    expect(outputText(out)).not.toContain('SECRET-TOKEN');
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('refuses a symbolic link to a seed inside the folder as well (links are never followed)', () => {
    const seeds = seedsWithOneArticle();
    symlinkSync(join(seeds, '001_a.txt'), join(seeds, '002_b.txt'));
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.stderr).toMatch(/002_b\.txt\n.*not-a-regular-file/u);
  });

  it('reports a dangling link, a folder named like a seed and a folder named like a sidecar, each by name, without a stack trace', () => {
    const seeds = seedsWithOneArticle();
    symlinkSync(join(seeds, 'nowhere.txt'), join(seeds, '403_dangling.txt'));
    mkdirSync(join(seeds, '406_x.txt'));
    mkdirSync(join(seeds, '001_a.meta.yaml'));
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/403_dangling\.txt\n.*symbolic link/u);
    expect(result.stderr).toMatch(/406_x\.txt\n.*406_x\.txt is a folder/u);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n.*is a folder/u);
    expect(result.stdout).toContain('001-a  2025-01-29');
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('refuses a symbolic link as a sidecar', () => {
    const seeds = seedsWithOneArticle();
    const sidecar = join(tempDir(), 'evil.meta.yaml');
    writeFileSync(sidecar, 'title: from outside\nreason: x\n');
    symlinkSync(sidecar, join(seeds, '001_a.meta.yaml'));
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n.*symbolic link/u);
    expect(outputText(out)).not.toContain('from outside');
  });

  it('refuses a seeds folder that is itself a symbolic link', () => {
    const real = seedsWithOneArticle();
    const link = join(tempDir(), 'seeds');
    symlinkSync(real, link);
    const result = ingest(['--seeds', link, '--out', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the folder is a symbolic link');
  });
});

describe('file names are limited to a safe set', () => {
  it.each([
    ['414_a#b?.txt', 'URL characters'],
    [`${'4'.repeat(3)}_${'x'.repeat(240)}.txt`, 'a 245-byte name'],
    ['407_خبر.txt', 'non-ASCII letters'],
    ['408 x.txt', 'a space'],
  ])('refuses the seed name %s (%s) with a rename hint and converts the rest', (name) => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, name), ARTICLE.toString('utf8').replace('رحمون', 'رحمون.'));
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('invalid-file-name');
    expect(result.stderr).toContain('rename the file');
    expect(readdirSync(out)).toEqual(['001-a.mdx']);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('refuses a seed ending in .TXT instead of skipping it silently', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '409_x.TXT'), 'نص');
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/409_x\.TXT\n.*rename it to 409_x\.txt.*invalid-file-name/u);
  });

  it('warns about a file that is neither a seed nor a sidecar, and ignores hidden files', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, 'notes.docx'), 'x');
    writeFileSync(join(seeds, '.gitkeep'), '');
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/notes\.docx\n.*unexpected-file/u);
    expect(result.stderr).not.toContain('.gitkeep');
  });
});

describe('sizes are limited', () => {
  it('refuses a seed over 2 MiB, naming it', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '410_big.txt'), Buffer.alloc(2 * 1024 * 1024 + 1, 'ب'));
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/410_big\.txt\n.*more than the limit of 2,097,152.*file-too-large/u);
  });

  it('refuses a sidecar over 64 KiB and does not write its article', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '001_a.meta.yaml'), `reason: ${'x'.repeat(70_000)}\n`);
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n.*more than the limit/u);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a sidecar that is not UTF-8 instead of reading replacement characters', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '001_a.meta.yaml'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe1, 0xe4, 0x0a]));
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n.*not valid UTF-8/u);
  });
});

describe('writes and deletions stay inside the real output folder', () => {
  it('refuses an output folder that is a symbolic link and leaves the target folder untouched', () => {
    const target = tempDir();
    writeFileSync(join(target, 'precious.mdx'), 'keep me\n');
    const link = join(tempDir(), 'articles');
    symlinkSync(target, link);
    const result = ingest(['--seeds', seedsDir, '--out', link]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the folder is a symbolic link');
    expect(readdirSync(target)).toEqual(['precious.mdx']);
  });

  it('refuses an output folder reached through a linked parent (content/ -> elsewhere)', () => {
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'articles'));
    writeFileSync(join(elsewhere, 'articles', 'precious.mdx'), 'keep me\n');
    const content = join(tempDir(), 'content');
    symlinkSync(elsewhere, content);
    const result = ingest(['--seeds', seedsDir, '--out', join(content, 'articles')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('through a symbolic link');
    expect(readdirSync(join(elsewhere, 'articles'))).toEqual(['precious.mdx']);
  });

  it('replaces an article file that is a symbolic link by the article itself, never writing through the link', () => {
    const out = tempDir();
    const victim = secretFile();
    const before = readFileSync(victim, 'utf8');
    symlinkSync(victim, join(out, '001-6dfbaefa9a0405cb.mdx'));
    const result = ingest(['--seeds', seedsDir, '--out', out]);
    expect(result.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe(before);
    expect(readFileSync(join(out, '001-6dfbaefa9a0405cb.mdx'), 'utf8')).toContain('id: 001_6dfbaefa9a0405cb');
  });

  it('refuses to remove every article when --seeds points at an empty folder, and removes them with --prune', () => {
    const out = tempDir();
    ingest(['--seeds', seedsDir, '--out', out]);
    const written = readdirSync(out).sort();
    expect(written).toHaveLength(5);
    const refused = ingest(['--seeds', tempDir(), '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Refusing to remove 5 articles of 5');
    expect(refused.stderr).toContain('--prune');
    expect(readdirSync(out).sort()).toEqual(written);
    const pruned = ingest(['--seeds', tempDir(), '--out', out, '--prune']);
    expect(pruned.status).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps the article of a seed that fails to convert (a bad edit never deletes what was published)', () => {
    const seeds = tempDir();
    cpSync(seedsDir, seeds, { recursive: true });
    const out = tempDir();
    ingest(['--seeds', seeds, '--out', out]);
    writeFileSync(join(seeds, '001_6dfbaefa9a0405cb.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(1);
    expect(readdirSync(out)).toContain('001-6dfbaefa9a0405cb.mdx');
  });

  it('removes and reports temporary files an interrupted run left behind; --check only reports them', () => {
    const out = tempDir();
    ingest(['--seeds', seedsDir, '--out', out]);
    writeFileSync(join(out, '.001-6dfbaefa9a0405cb.mdx.4242.tmp'), 'half a file');
    const checked = ingest(['--seeds', seedsDir, '--out', out, '--check']);
    expect(checked.stderr).toMatch(/\.001-6dfbaefa9a0405cb\.mdx\.4242\.tmp\n.*stale-temp-file/u);
    expect(existsSync(join(out, '.001-6dfbaefa9a0405cb.mdx.4242.tmp'))).toBe(true);
    const cleaned = ingest(['--seeds', seedsDir, '--out', out]);
    expect(cleaned.stderr).toMatch(/it was removed.*stale-temp-file/u);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

/** A copy of content/ to tamper with: rules, sources and gazetteer. */
function contentCopy(): { rules: string; sources: string; gazetteer: string; args: string[] } {
  const dir = tempDir();
  cpSync(join(root, 'content'), dir, { recursive: true, filter: (src) => !src.includes('/articles') });
  const paths = { rules: join(dir, 'boilerplate.yaml'), sources: join(dir, 'sources.yaml'), gazetteer: join(dir, 'gazetteer') };
  return { ...paths, args: ['--rules', paths.rules, '--sources', paths.sources, '--gazetteer', paths.gazetteer] };
}

const aliasBomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');

describe('contributor-edited content files', () => {
  it('runs a boilerplate rule with catastrophic backtracking in linear time instead of hanging', () => {
    const content = contentCopy();
    const rules = readFileSync(content.rules, 'utf8').replace('rules:\n', `rules:\n  - id: evil\n    description: backtracks\n    pattern: '(?:ا+)+ب'\n\n`);
    writeFileSync(content.rules, rules);
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '002_b.txt'), `${ARTICLE.toString('utf8')}\n${'ا'.repeat(1900)}ج\n`);
    const result = ingest(['--seeds', seeds, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 seeds: 2 written');
  });

  it('refuses a rule RE2 cannot run in linear time (a back-reference), naming its line', () => {
    const content = contentCopy();
    writeFileSync(content.rules, readFileSync(content.rules, 'utf8').replace('rules:\n', `rules:\n  - id: backref\n    description: x\n    pattern: '(ا)\\1'\n`));
    const result = ingest(['--seeds', seedsDir, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/boilerplate\.yaml\n\s*\d+:\d+\s+error\s+rules\.0\.pattern: expected a regular expression in RE2 syntax/u);
  });

  it('reports a YAML alias bomb in a gazetteer file with its path, without a stack trace', () => {
    const content = contentCopy();
    writeFileSync(join(content.gazetteer, 'people.yaml'), `${aliasBomb}\n`);
    const result = ingest(['--seeds', seedsDir, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/gazetteer\/people\.yaml\n.*(YAML|list)/u);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('reports a YAML alias bomb in a sidecar with its path', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '001_a.meta.yaml'), `${aliasBomb}\nreason: x\n`);
    const result = ingest(['--seeds', seeds, '--out', tempDir()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n.*aliases/u);
    expect(result.stderr + result.stdout).not.toMatch(STACK);
  });

  it('refuses a gazetteer .yml file instead of letting the site load what ingest never checked', () => {
    const content = contentCopy();
    writeFileSync(join(content.gazetteer, 'extra.yml'), '- {id: emomali-rahmon, kind: person, name: مزور, nameEn: Fake, description: x}\n');
    const result = ingest(['--seeds', seedsDir, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/extra\.yml\n.*only \.yaml files.*unexpected-file/u);
  });

  it('stops on a duplicate entity id in the gazetteer, naming both places', () => {
    const content = contentCopy();
    writeFileSync(join(content.gazetteer, 'zz-extra.yaml'), '- {id: emomali-rahmon, kind: person, name: مزور, nameEn: Fake, description: وصف}\n');
    const result = ingest(['--seeds', seedsDir, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('zz-extra.yaml');
    expect(result.stderr).toContain('gazetteer-duplicate-id');
  });

  it('refuses a gazetteer file that is a symbolic link', () => {
    const content = contentCopy();
    symlinkSync(secretFile(), join(content.gazetteer, 'secret.yaml'));
    const result = ingest(['--seeds', seedsDir, '--out', tempDir(), ...content.args]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/secret\.yaml\n.*symbolic link/u);
  });
});

describe('sidecars through the command', () => {
  it('refuses a javascript: link in a sidecar with the sidecar path and line, and writes no article', () => {
    const seeds = seedsWithOneArticle();
    writeFileSync(join(seeds, '001_a.meta.yaml'), 'reason: x\nshortLink: "javascript:alert(document.domain)"\n');
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/001_a\.meta\.yaml\n\s*2:1\s+error\s+shortLink: expected an absolute http:\/\/ or https:\/\/ URL/u);
    expect(readdirSync(out)).toEqual([]);
  });

  it('keeps a seed whose text holds U+FFFF and controls, removing and recording them', () => {
    const seeds = tempDir();
    copyFileSync(join(seedsDir, '002_216685895bd1f649.txt'), join(seeds, '002_a.txt'));
    const text = readFileSync(join(seeds, '002_a.txt'), 'utf8');
    writeFileSync(join(seeds, '002_a.txt'), `\uFFFF${text.replace('\n', '\u0001\u0085\uFDD0\n')}`);
    const out = tempDir();
    const result = ingest(['--seeds', seeds, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('noncharacter');
    const mdx = readFileSync(join(out, '002-a.mdx'), 'utf8');
    expect(mdx).not.toMatch(/[\uFFFF\uFDD0\u0001\u0085]/u);
    expect(mdx).toContain('from: U+FFFF');
  });
});
