/**
 * `npm run bundle [-- --out DIR]`: build the site with relative links (it opens from disk) and pack
 * it as a BagIt bag in one zip, `arshif-<commit date>-<content hash>.zip`. Everything that varies
 * comes from git and the content, never the clock, so the same commit gives the same bytes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../settings';
import { packSite } from '../bundle/pack';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bundles' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('npm run bundle [-- --out DIR]   build the site with relative links and write DIR/arshif-<date>-<hash>.zip (a BagIt bag)');
  console.log('  ARSHIF_ORGANIZATION sets the bag\'s Source-Organization; ARSHIF_SITE the hosted address its pages cite.');
  process.exit(0);
}

const root = process.cwd();

/** The commit the archive is built from and its date, from git (never the clock). */
function gitCommit(): { commit: string; commitDate: string; clean: boolean } {
  try {
    const [commit, commitDate] = execFileSync('git', ['log', '-1', '--format=%H%n%cI'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    const status = execFileSync('git', ['status', '--porcelain', '--', 'content', 'seeds', 'src', 'public', 'astro.config.mjs'], { cwd: root, encoding: 'utf8' });
    return { commit: commit!, commitDate: commitDate!, clean: status.trim() === '' };
  } catch (error) {
    console.error(`${root}: cannot read the current commit with git (${(error as Error).message.split('\n')[0]}). Run npm run bundle inside the arshif git checkout.`);
    process.exit(1);
  }
}

/** The environment for the site build, minus what a test runner adds (Vite's BASE_URL, MODE … leak into Astro). */
function buildEnvironment(outDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_')) continue;
    env[key] = value;
  }
  return { ...env, ARSHIF_LINKS: 'relative', ARSHIF_OUT_DIR: outDir, ARSHIF_BASE: '/' };
}

/** Every file below `dir` with its path below it ("/"-separated). */
async function readSite(dir: string): Promise<Array<{ path: string; bytes: Uint8Array }>> {
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), bytes: new Uint8Array(await readFile(full)) });
  }
  return files;
}

const git = gitCommit();
if (!git.clean) console.warn('warning: content/, seeds/, src/ or the config differ from the commit; the bag is dated and named by the commit but holds the working tree.');
/** Write the packed bag of the site in `siteDir` to the output folder, atomically, and say what was written. */
async function writeBundle(siteDir: string): Promise<void> {
  const packed = packSite(await readSite(siteDir), git, readSettings().organization);
  const outDir = path.resolve(root, values.out);
  await mkdir(outDir, { recursive: true });
  const target = path.join(outDir, `${packed.name}.zip`);
  const partial = `${target}.partial`;
  await writeFile(partial, packed.zip);
  await rename(partial, target);
  console.log(`${path.relative(root, target) || target}`);
  console.log(
    `  ${packed.zip.length} bytes (${(packed.zip.length / 1e6).toFixed(2)} MB) zipped; payload ${packed.payloadFiles} files, ${packed.payloadBytes} bytes; ` +
      `${packed.articles} articles; commit ${git.commit.slice(0, 12)} of ${git.commitDate.slice(0, 10)}`,
  );
}

const work = await mkdtemp(path.join(os.tmpdir(), 'arshif-bundle-'));
try {
  const siteDir = path.join(work, 'site');
  const build = spawnSync('npx', ['astro', 'build'], { cwd: root, env: buildEnvironment(siteDir), encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (build.status === 0) await writeBundle(siteDir);
  else {
    console.error(`${build.stdout}\n${build.stderr}\nastro build failed (exit ${build.status}) while building the bundle's site; fix the build (npm run build) and run npm run bundle again.`);
    // Not process.exit: the temporary site folder is removed below first.
    process.exitCode = 1;
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
