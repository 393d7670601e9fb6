import { describe, expect, it } from 'vitest';
import { unzipBag, zipBag, zipTimestamp } from '../../src/bundle/archive';
import { bagInfo, bagSize, decodeManifestPath, encodeManifestPath, makeBag, manifest, payloadOxum, tagLine, type BagFile } from '../../src/bundle/bagit';
import { packSite } from '../../src/bundle/pack';
import { parseTagFile, verifyBag } from '../../src/bundle/verify';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const payload: BagFile[] = [
  { path: 'data/index.html', bytes: utf8('<h1>أرشيف</h1>') },
  { path: 'data/articles/a/index.html', bytes: utf8('مقال') },
];
const info = {
  sourceOrganization: 'arshif',
  externalDescription: 'A test archive whose description is long enough to be folded onto a second line of the tag file.',
  commit: '0123456789abcdef0123456789abcdef01234567',
  commitDate: '2026-03-04T23:30:00-05:00',
};

/** A bag as the verifier reads it. */
function contents(files: readonly BagFile[]): Map<string, Uint8Array> {
  return new Map(files.map((file) => [file.path, file.bytes]));
}

describe('BagIt tag files', () => {
  it('lists every payload file once, sorted, as "<checksum>  <path>"', () => {
    const text = manifest('sha256', payload);
    expect(text.split('\n').filter(Boolean).map((line) => line.split('  ')[1])).toEqual(['data/articles/a/index.html', 'data/index.html']);
    expect(text).toMatch(/^[0-9a-f]{64} {2}data\/articles\/a\/index\.html\n/);
  });

  it('counts octets and files in the Payload-Oxum', () => {
    const octets = utf8('<h1>أرشيف</h1>').length + utf8('مقال').length;
    expect(payloadOxum(payload)).toBe(`${octets}.2`);
  });

  it('percent-encodes CR, LF and % in manifest paths and decodes them back', () => {
    const odd = 'data/a%b\nc\rd.txt';
    expect(encodeManifestPath(odd)).toBe('data/a%25b%0Ac%0Dd.txt');
    expect(decodeManifestPath(encodeManifestPath(odd))).toBe(odd);
  });

  it('takes the Bagging-Date from the commit date as written, not from the clock or UTC', () => {
    expect(bagInfo(info, payload)).toContain('Bagging-Date: 2026-03-04\n');
    expect(bagInfo(info, payload)).toContain(`Git-Commit: ${info.commit}\n`);
  });

  it('folds long values onto indented lines that read back as one value', () => {
    const line = tagLine('External-Description', info.externalDescription);
    expect(line.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(line.split('\n').every((part) => part.length <= 79)).toBe(true);
    expect(parseTagFile(line)).toEqual([['External-Description', info.externalDescription]]);
  });

  it('states the size for a reader', () => {
    expect(bagSize(999)).toBe('999 bytes');
    expect(bagSize(3_245_459)).toBe('3.2 MB');
  });
});

describe('verifying a bag', () => {
  const bag = makeBag(payload, info, [{ path: 'README.txt', bytes: utf8('read me') }]);

  it('finds nothing wrong with a bag as made', () => {
    expect(bag.map((file) => file.path)).toContain('tagmanifest-sha256.txt');
    expect(verifyBag(contents(bag))).toEqual([]);
  });

  it('catches one changed byte in a payload file', () => {
    const tampered = contents(bag);
    const bytes = new Uint8Array(tampered.get('data/index.html')!);
    bytes[0] = bytes[0]! ^ 1;
    tampered.set('data/index.html', bytes);
    const problems = verifyBag(tampered);
    expect(problems.some((p) => p.startsWith('data/index.html: sha256 checksum differs'))).toBe(true);
    expect(problems.some((p) => p.startsWith('data/index.html: sha512 checksum differs'))).toBe(true);
  });

  it('catches an added file and a removed file, and the Payload-Oxum that no longer holds', () => {
    const changed = contents(bag);
    changed.set('data/extra.html', utf8('x'));
    changed.delete('data/articles/a/index.html');
    const problems = verifyBag(changed);
    expect(problems).toContain('data/extra.html: in the payload but not listed in manifest-sha256.txt (an extra file).');
    expect(problems).toContain('data/articles/a/index.html: listed in manifest-sha256.txt but missing from the bag.');
    expect(problems.some((p) => p.startsWith('bag-info.txt: Payload-Oxum says'))).toBe(true);
  });

  it('catches a changed tag file through the tag manifest', () => {
    const changed = contents(bag);
    changed.set('README.txt', utf8('read me!'));
    expect(verifyBag(changed)).toContain('README.txt: sha256 checksum differs from tagmanifest-sha256.txt (the file was changed).');
  });

  it('says when the declaration is missing', () => {
    const changed = contents(bag);
    changed.delete('bagit.txt');
    expect(verifyBag(changed)).toContain('bagit.txt: missing, so this is not a BagIt bag.');
  });
});

describe('the zip of a bag', () => {
  const bag = makeBag(payload, info);

  it('is byte-identical when made twice, whatever the order the files come in', () => {
    const first = zipBag('arshif-x', bag, '2026-03-04');
    const second = zipBag('arshif-x', [...bag].reverse(), '2026-03-04');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('unpacks to the same files under one top-level folder', () => {
    const { root, files, strays } = unzipBag(zipBag('arshif-x', bag, '2026-03-04'));
    expect(root).toBe('arshif-x');
    expect(strays).toEqual([]);
    expect([...files.keys()].sort()).toEqual(bag.map((file) => file.path).sort());
    expect(verifyBag(files)).toEqual([]);
  });

  it('stamps every entry at noon of the bag date', () => {
    const stamp = zipTimestamp('2026-03-04');
    expect([stamp.getFullYear(), stamp.getMonth(), stamp.getDate(), stamp.getHours()]).toEqual([2026, 2, 4, 12]);
  });
});

describe('packing a built site', () => {
  const site = [
    { path: 'index.html', bytes: utf8('<h1>أرشيف</h1>') },
    { path: 'articles/a/index.html', bytes: utf8('مقال') },
  ];
  const facts = { commit: info.commit, commitDate: info.commitDate };

  it('names the bag by the commit date and the payload, and packs a bag that verifies', () => {
    const packed = packSite(site, facts);
    expect(packed.name).toMatch(/^arshif-2026-03-04-[0-9a-f]{16}$/);
    expect(packed.articles).toBe(1);
    const { root, files } = unzipBag(packed.zip);
    expect(root).toBe(packed.name);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.txt', 'verify.html', 'data/index.html', 'data/articles/a/index.html']));
    expect(verifyBag(files)).toEqual([]);
  });

  it('gives another name when one payload byte changes, and the same bytes for the same input', () => {
    const changed = [{ ...site[0]!, bytes: utf8('<h1>أرشيف!</h1>') }, site[1]!];
    expect(packSite(changed, facts).name).not.toBe(packSite(site, facts).name);
    expect(Buffer.from(packSite([...site].reverse(), facts).zip).equals(Buffer.from(packSite(site, facts).zip))).toBe(true);
  });
});
