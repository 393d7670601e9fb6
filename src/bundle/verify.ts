/**
 * Check a BagIt bag (RFC 8493) held in memory as path → bytes (paths inside the bag, "/"-separated):
 * the declaration, every checksum of every manifest and tag manifest, the Payload-Oxum, and that no
 * payload file is missing from or extra to any manifest. Returns what is wrong; empty means valid.
 */
import { ALGORITHMS, type Algorithm, decodeManifestPath, digest, payloadOxum } from './bagit';

/** The files of an unpacked bag, by their path inside it. */
export type BagContents = ReadonlyMap<string, Uint8Array>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read a tag file as UTF-8, or say why not. */
function text(bag: BagContents, path: string, problems: string[]): string | null {
  const bytes = bag.get(path);
  if (!bytes) return null;
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.push(`${path}: not valid UTF-8, as bagit.txt declares tag files to be.`);
    return null;
  }
}

/** `Label: value` elements of a tag file, folded lines joined (RFC 8493 §2.2.2). */
export function parseTagFile(content: string): Array<[string, string]> {
  const elements: Array<[string, string]> = [];
  for (const line of content.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const last = elements[elements.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      elements.push(['', line]);
      continue;
    }
    elements.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return elements;
}

/** Lines of a manifest as [checksum, path]; a malformed line is reported. */
function parseManifest(name: string, content: string, problems: string[]): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  content.split(/\r\n|\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!match) {
      problems.push(`${name}:${index + 1}: not a "<checksum> <path>" line.`);
      return;
    }
    entries.push([match[1]!.toLowerCase(), decodeManifestPath(match[2]!.replace(/^\*/, ''))]);
  });
  return entries;
}

/** Check one manifest: every line's file exists with that checksum; returns the paths it lists. */
function checkManifest(bag: BagContents, name: string, algorithm: Algorithm, problems: string[]): Set<string> {
  const listed = new Set<string>();
  const content = text(bag, name, problems);
  if (content === null) return listed;
  for (const [checksum, path] of parseManifest(name, content, problems)) {
    if (path.startsWith('/') || path.split('/').includes('..')) {
      problems.push(`${name}: ${path} points outside the bag.`);
      continue;
    }
    listed.add(path);
    const bytes = bag.get(path);
    if (!bytes) problems.push(`${path}: listed in ${name} but missing from the bag.`);
    else if (digest(algorithm, bytes) !== checksum) problems.push(`${path}: ${algorithm} checksum differs from ${name} (the file was changed).`);
  }
  return listed;
}

/** Every problem of the bag, in a stable order; an empty list means the bag is complete and unaltered. */
export function verifyBag(bag: BagContents): string[] {
  const problems: string[] = [];
  const declaration = text(bag, 'bagit.txt', problems);
  if (declaration === null) {
    if (!bag.has('bagit.txt')) problems.push('bagit.txt: missing, so this is not a BagIt bag.');
  } else {
    const labels = new Map(parseTagFile(declaration));
    if (!/^\d+\.\d+$/.test(labels.get('BagIt-Version') ?? '')) problems.push('bagit.txt: no BagIt-Version line.');
    if ((labels.get('Tag-File-Character-Encoding') ?? '').toUpperCase() !== 'UTF-8') problems.push('bagit.txt: Tag-File-Character-Encoding is not UTF-8.');
  }

  const paths = [...bag.keys()].sort();
  const payload = paths.filter((path) => path.startsWith('data/'));
  const manifests = ALGORITHMS.filter((algorithm) => bag.has(`manifest-${algorithm}.txt`));
  if (manifests.length === 0) problems.push('manifest-sha256.txt / manifest-sha512.txt: no payload manifest in the bag.');
  for (const algorithm of manifests) {
    const name = `manifest-${algorithm}.txt`;
    const listed = checkManifest(bag, name, algorithm, problems);
    for (const path of listed) if (!path.startsWith('data/')) problems.push(`${name}: ${path} is not under data/.`);
    for (const path of payload) if (!listed.has(path)) problems.push(`${path}: in the payload but not listed in ${name} (an extra file).`);
  }
  for (const other of paths.filter((path) => /^(tag)?manifest-[^/]+\.txt$/.test(path))) {
    const algorithm = /manifest-(.+)\.txt$/.exec(other)![1]!;
    if (!(ALGORITHMS as readonly string[]).includes(algorithm)) problems.push(`${other}: checksum algorithm "${algorithm}" is not one this verifier knows (sha256, sha512).`);
  }

  const info = text(bag, 'bag-info.txt', problems);
  if (info === null) problems.push('bag-info.txt: missing, so the Payload-Oxum cannot be checked.');
  else {
    const oxum = parseTagFile(info).find(([label]) => label === 'Payload-Oxum')?.[1];
    const actual = payloadOxum(payload.map((path) => ({ path, bytes: bag.get(path)! })));
    if (!oxum) problems.push('bag-info.txt: no Payload-Oxum.');
    else if (oxum !== actual) problems.push(`bag-info.txt: Payload-Oxum says ${oxum} (octets.files) but the payload holds ${actual}.`);
  }

  const tagFiles = paths.filter((path) => !path.startsWith('data/') && !/^tagmanifest-[^/]+\.txt$/.test(path));
  for (const algorithm of ALGORITHMS.filter((a) => bag.has(`tagmanifest-${a}.txt`))) {
    const name = `tagmanifest-${algorithm}.txt`;
    const listed = checkManifest(bag, name, algorithm, problems);
    for (const path of tagFiles) if (!listed.has(path)) problems.push(`${path}: a tag file not listed in ${name} (an extra file).`);
  }
  return problems;
}
