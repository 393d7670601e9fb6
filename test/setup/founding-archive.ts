/**
 * The five seeds the archive was founded with. Tests that assert on real articles (which names are
 * linked, which articles a search finds, how many pages the site has) read these and only these, so
 * an article a contributor adds to seeds/ never changes what a test expects — the pull request that
 * adds it must pass the same tests as main. The content files (gazetteer, rules, sources) are the
 * live ones: a change to them is a change to what the tests check, reviewed with its diff.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The founding seeds' file names, in order. */
export const FOUNDING_SEEDS = [
  '000_8441eef74626a7fb.txt',
  '001_6dfbaefa9a0405cb.txt',
  '002_216685895bd1f649.txt',
  '003_4e564ebf53c50bd9.txt',
  '004_7e73e5d89ee22f4a.txt',
] as const;

/** The files of the founding seeds in seeds/: each text and, when it has one, its sidecar. */
function foundingSeedFiles(): string[] {
  return FOUNDING_SEEDS.flatMap((name) => [name, name.replace(/\.txt$/, '.meta.yaml')]).filter((name) => existsSync(path.join(root, 'seeds', name)));
}

/** Write the founding seeds (with their sidecars) into `dir`, emptied first; returns `dir`. */
export function writeFoundingSeeds(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of foundingSeedFiles()) copyFileSync(path.join(root, 'seeds', name), path.join(dir, name));
  return dir;
}

/** A folder of the founding seeds for this test process (made once). */
let seedsFolder: string | undefined;
export function foundingSeedsDir(): string {
  if (seedsFolder === undefined) {
    const folder = writeFoundingSeeds(path.join(root, 'test/.tmp', `founding-seeds-${process.pid}`));
    // One folder per test process (they run side by side), gone when the process ends.
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    seedsFolder = folder;
  }
  return seedsFolder;
}

/**
 * A content folder in `dir` for building the founding archive: the live gazetteer, rules and
 * sources, and the articles ingest wrote for the founding seeds. Returns the seeds and content paths.
 */
export function writeFoundingArchive(dir: string): { seedsDir: string; contentDir: string } {
  const seedsDir = writeFoundingSeeds(path.join(dir, 'seeds'));
  const contentDir = path.join(dir, 'content');
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  mkdirSync(path.join(contentDir, 'gazetteer'), { recursive: true });
  for (const file of ['boilerplate.yaml', 'sources.yaml']) copyFileSync(path.join(root, 'content', file), path.join(contentDir, file));
  for (const name of readdirSync(path.join(root, 'content/gazetteer')).filter((file) => file.endsWith('.yaml'))) {
    copyFileSync(path.join(root, 'content/gazetteer', name), path.join(contentDir, 'gazetteer', name));
  }
  for (const name of FOUNDING_SEEDS) {
    const article = `${name.replace('_', '-').replace(/\.txt$/, '')}.mdx`;
    copyFileSync(path.join(root, 'content/articles', article), path.join(contentDir, 'articles', article));
  }
  return { seedsDir, contentDir };
}
