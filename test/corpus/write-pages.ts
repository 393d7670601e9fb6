/**
 * Writes the realistic-page corpus from its annotated source (`pages.src.txt`, `held-back.src.txt`):
 * every page as the raw `.txt` a contributor would paste and a `.gold.yaml` saying what a careful
 * editor reads in it. Run `npx tsx test/corpus/write-pages.ts` after editing a source file.
 *
 * Source format: `=== <nn>-<site-kind>` starts a page; `key: value` header lines (published,
 * evidence, agency, agencyText, notEntities, note) until `---`; then one page line per source line:
 *   `H text`  the headline (a second identical `H` line is the headline printed twice: furniture)
 *   `S text`  a line of the article that must stay in the body
 *   `F text`  furniture that must leave the body (site name, menu, banner, widget, credit line …)
 *   `.`       a blank line
 * In S lines `@001:3` stands for the third non-blank line of seeds/001_*.txt and `@001:3/120` for
 * its first 120 characters (a page cut off mid-sentence).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const here = new URL('.', import.meta.url).pathname;
const seedsDir = join(here, '../../seeds');
const seedLines = new Map<string, string[]>();
for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
  seedLines.set(name.slice(0, 3), readFileSync(join(seedsDir, name), 'utf8').split(/\r?\n/u).filter((l) => l.trim() !== '').map((l) => l.trim()));
}

function expand(text: string): string {
  return text.replace(/@(\d{3}):(\d+)(?:\/(\d+))?/gu, (_, seed: string, n: string, cut?: string) => {
    const line = seedLines.get(seed)?.[Number(n) - 1];
    if (line === undefined) throw new Error(`no line ${n} in seed ${seed}`);
    return cut === undefined ? line : line.slice(0, Number(cut)).trimEnd();
  });
}

for (const [source, dir] of [['pages.src.txt', 'pages'], ['held-back.src.txt', 'held-back']] as const) {
  const out = join(here, dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const blocks = readFileSync(join(here, source), 'utf8').split(/^=== /mu).slice(1);
  for (const block of blocks) {
    const [nameLine = '', ...rest] = block.split('\n');
    const name = nameLine.trim();
    const sep = rest.indexOf('---');
    if (sep < 0) throw new Error(`${name}: no --- line`);
    const header: Record<string, string> = {};
    for (const line of rest.slice(0, sep)) {
      const m = /^(\w+):\s*(.*)$/u.exec(line.trim());
      if (m) header[m[1]!] = m[2]!;
    }
    const page: string[] = [];
    const furniture: string[] = [];
    const sentences: string[] = [];
    let headline: string | null = null;
    for (const raw of rest.slice(sep + 1)) {
      if (raw.trim() === '') continue;
      if (raw.trim() === '.') {
        page.push('');
        continue;
      }
      const kind = raw[0];
      const text = expand(raw.slice(2));
      page.push(text);
      if (kind === 'H' && headline === null) headline = text.trim();
      else if (kind === 'H' || kind === 'F') furniture.push(text.trim());
      else if (kind === 'S') sentences.push(text.trim());
      else throw new Error(`${name}: bad line ${raw}`);
    }
    const gold = {
      headline,
      published: header['published'] === 'null' || header['published'] === undefined ? null : header['published'],
      evidence: header['evidence'] ?? null,
      agency: header['agency'] === 'null' || header['agency'] === undefined ? null : header['agency'],
      agencyText: header['agencyText'] ?? null,
      furniture,
      sentences,
      notEntities: header['notEntities'] ? header['notEntities'].split(/,\s*/u) : [],
      ...(header['note'] ? { note: header['note'] } : {}),
    };
    writeFileSync(join(out, `${name}.txt`), `${page.join('\n')}\n`);
    writeFileSync(join(out, `${name}.gold.yaml`), stringify(gold, { lineWidth: 0 }));
  }
}
