/**
 * Site benchmark: build a generated archive of N articles (scripts/generate-archive.ts) with the
 * real `astro build` (Pagefind included) and report build time and what lands in dist/: total
 * size, bytes per article page (median and max), the largest HTML page. Run at two sizes, it shows
 * whether the site grows linearly: an article page must weigh the same in a 1,000- and a
 * 10,000-article archive (no page may list every article).
 *
 *   npx tsx scripts/bench-site.ts              # 1,000 and 10,000 articles
 *   npx tsx scripts/bench-site.ts 200 2000     # other sizes
 *
 * It builds in a private copy of the working tree, so it never touches dist/ or test/.tmp/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesUnder, isolatedWorkspace, root } from './bench-kit';
import { writeSyntheticArchive } from './generate-archive';

interface SiteSize {
  articles: number;
  buildSeconds: number;
  distBytes: number;
  pagefindBytes: number;
  htmlPages: number;
  htmlBytes: number;
  articlePages: number;
  articleMedian: number;
  articleMax: number;
  largest: { file: string; bytes: number };
}

function measure(articles: number, buildSeconds: number, outDir: string): SiteSize {
  const files = filesUnder(outDir);
  const html = files.filter((f) => f.file.endsWith('.html'));
  const articlePages = html.filter((f) => f.file.startsWith(`articles${path.sep}`) && f.file.split(path.sep).length === 3).map((f) => f.bytes).sort((a, b) => a - b);
  const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    articles,
    buildSeconds,
    distBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    pagefindBytes: files.filter((f) => f.file.startsWith(`pagefind${path.sep}`)).reduce((sum, f) => sum + f.bytes, 0),
    htmlPages: html.length,
    htmlBytes: html.reduce((sum, f) => sum + f.bytes, 0),
    articlePages: articlePages.length,
    articleMedian: articlePages[Math.floor(articlePages.length / 2)] ?? 0,
    articleMax: articlePages[articlePages.length - 1] ?? 0,
    largest,
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const [small, large] = sizes.length >= 2 ? sizes : [1000, 10000];
const work = mkdtempSync(path.join(os.tmpdir(), 'arshif-bench-site-'));
try {
  const rows: SiteSize[] = [];
  for (const n of [small!, large!]) {
    const contentDir = path.join(work, `content-${n}`);
    const outDir = path.join(work, `dist-${n}`);
    writeSyntheticArchive(root, n, contentDir);
    // Each size is a cold build in its own copy: Astro's content caches must not carry over.
    const workspace = isolatedWorkspace(path.join(work, `repo-${n}`));
    console.log(`building ${n} articles…`);
    const started = performance.now();
    const result = spawnSync('npx', ['astro', 'build'], {
      cwd: workspace,
      env: { ...process.env, ARSHIF_CONTENT_DIR: contentDir, ARSHIF_OUT_DIR: outDir },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const buildSeconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`astro build of ${n} articles failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
    rows.push(measure(n, buildSeconds, outDir));
    // A 10,000-article site is large; keep only its numbers.
    rmSync(outDir, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }

  console.log(`\nsite benchmark (astro build + Pagefind, generated archives; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'})`);
  console.log('| Articles | Build | dist/ | of which Pagefind | HTML pages | HTML | Article page, median | Article page, max | Largest HTML page |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.articles.toLocaleString('en')} | ${r.buildSeconds.toFixed(0)} s | ${mb(r.distBytes)} | ${mb(r.pagefindBytes)} | ${r.htmlPages.toLocaleString('en')} | ${mb(r.htmlBytes)} | ` +
        `${kb(r.articleMedian)} | ${kb(r.articleMax)} | ${kb(r.largest.bytes)} (\`${r.largest.file.split(path.sep).join('/')}\`) |`,
    );
  }
  const [a, b] = rows as [SiteSize, SiteSize];
  const growth = (f: (r: SiteSize) => number): string => `×${(f(b) / f(a)).toFixed(2)}`;
  console.log(
    `\nfrom ${a.articles} to ${b.articles} articles (×${(b.articles / a.articles).toFixed(0)}): build ${growth((r) => r.buildSeconds)}, ` +
      `dist/ ${growth((r) => r.distBytes)}, build time per article ${growth((r) => r.buildSeconds / r.articles)}, dist/ bytes per article ${growth((r) => r.distBytes / r.articles)}, ` +
      `median article page ${growth((r) => r.articleMedian)}, largest HTML page ${growth((r) => r.largest.bytes)} (1.00 = flat)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
