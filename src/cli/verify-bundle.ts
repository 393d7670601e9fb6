/**
 * `npm run verify-bundle -- FILE`: check a bag made by `npm run bundle` (the .zip, or a folder it was
 * unpacked into): every checksum, the Payload-Oxum, no missing or extra file. Exit 0 when it is
 * complete and unaltered, 1 with a list of what is wrong, 2 when it cannot be read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipBag } from '../bundle/archive';
import { verifyBag, type BagContents } from '../bundle/verify';

const target = process.argv.slice(2).find((arg) => arg !== '--');
if (!target) {
  console.error('npm run verify-bundle -- FILE   (FILE: the bundle .zip, or the folder it was unpacked into)');
  process.exit(2);
}

/** The files of an unpacked bag folder by their path inside it. */
async function readFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), new Uint8Array(await readFile(full)));
  }
  return files;
}

let contents: BagContents;
const problems: string[] = [];
try {
  if ((await stat(target)).isDirectory()) contents = await readFolder(target);
  else {
    const unzipped = unzipBag(new Uint8Array(await readFile(target)));
    contents = unzipped.files;
    for (const stray of unzipped.strays) problems.push(`${stray}: outside the bag's one top-level folder.`);
  }
} catch (error) {
  console.error(`${target}: cannot be read as a bag folder or zip (${(error as Error).message}). Pass the .zip written by npm run bundle, or the folder it was unpacked into.`);
  process.exit(2);
}
problems.push(...verifyBag(contents));
if (problems.length > 0) {
  console.error(`${target}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
const payload = [...contents.keys()].filter((file) => file.startsWith('data/')).length;
console.log(`${target}: valid BagIt bag; ${contents.size} files (${payload} in data/), every checksum and the Payload-Oxum match.`);
