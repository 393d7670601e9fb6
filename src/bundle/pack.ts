/**
 * The archive's bag from a built site: the site's files as the payload under `data/`, the README and
 * verify.html as tag files, `bag-info.txt` from the commit, all in one zip named
 * `arshif-<commit date>-<content hash>`. Pure: the caller reads the files and the commit.
 */
import { zipBag } from './archive';
import { calendarDate, digest, makeBag, manifest, type BagFile } from './bagit';
import { bagReadme } from './readme';
import { verifyPage } from './verify-page';
import { DEFAULT_ORGANIZATION } from '../settings';

/** The commit the site was built from. */
export interface CommitFacts {
  commit: string;
  /** ISO 8601 with offset (`git log -1 --format=%cI`). */
  commitDate: string;
}

/** A packed bag: its name (the zip's and its top folder's), the zip, and what it holds. */
export interface PackedBag {
  name: string;
  zip: Uint8Array;
  articles: number;
  payloadFiles: number;
  payloadBytes: number;
}

/** Pack the site's files (paths below the site root, "/"-separated) as the archive's bag. */
export function packSite(site: ReadonlyArray<{ path: string; bytes: Uint8Array }>, facts: CommitFacts, organization = DEFAULT_ORGANIZATION): PackedBag {
  const payload: BagFile[] = site.map((file) => ({ path: `data/${file.path}`, bytes: file.bytes }));
  const day = calendarDate(facts.commitDate);
  const articles = site.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file.path)).length;
  // The name carries the content: the hash of the payload manifest, which covers every byte of data/.
  const hash = digest('sha256', new TextEncoder().encode(manifest('sha256', payload))).slice(0, 16);
  const name = `arshif-${day}-${hash}`;
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const bag = makeBag(
    payload,
    {
      sourceOrganization: organization,
      externalDescription: `The arshif archive of Arabic news articles (${articles} articles) as a static website that opens from disk, with its raw seed texts, MDX sources and data exports.`,
      commit: facts.commit,
      commitDate: facts.commitDate,
    },
    [
      { path: 'README.txt', bytes: encode(bagReadme({ commit: facts.commit, day, articles })) },
      { path: 'verify.html', bytes: encode(verifyPage()) },
    ],
  );
  return { name, zip: zipBag(name, bag, day), articles, payloadFiles: payload.length, payloadBytes: payload.reduce((sum, file) => sum + file.bytes.length, 0) };
}
