/**
 * A synthetic archive for benchmarks: N articles built from the seeds' own sentences, with a
 * long-tailed vocabulary of invented words (a real archive keeps meeting new names and words, and
 * the index size depends on it), real gazetteer entities, sources and dates. Deterministic: the
 * same N gives byte-identical files.
 *
 *   npx tsx scripts/generate-archive.ts 10000 /tmp/arshif-10k
 *
 * writes /tmp/arshif-10k/articles/*.mdx and a copy of content/gazetteer; build it with
 * `ARSHIF_CONTENT_DIR=/tmp/arshif-10k npx astro build`.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { ArticleFrontmatter, Entity, Source } from '../src/schema';
import { random } from './random';

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** Invented word number `rank`: same rank, same word. */
function inventedWord(rank: number): string {
  const next = random(rank * 7919 + 17);
  const length = 4 + Math.floor(next() * 5);
  let word = '';
  for (let i = 0; i < length; i++) word += LETTERS[Math.floor(next() * LETTERS.length)];
  return word;
}

/** Inputs the generator draws from. */
export interface Corpus {
  sentences: string[];
  entities: Entity[];
  sources: Source[];
}

/** MDX treats these as syntax; escape them so bodies stay plain text. */
function escapeMdx(text: string): string {
  return text.replace(/[{}<>\\]/g, (char) => `\\${char}`);
}

/** Article number `index` of a synthetic archive of `count` articles, as an `.mdx` file text. */
export function syntheticArticle(index: number, corpus: Corpus, vocabulary = 60_000): { slug: string; text: string } {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Zipf-like ranks: a few invented words recur everywhere, most are rare.
  const rareWord = (): string => inventedWord(Math.floor(Math.pow(vocabulary, next())));
  const paragraphs: string[] = [];
  const paragraphCount = 4 + Math.floor(next() * 6);
  for (let p = 0; p < paragraphCount; p++) {
    const sentences: string[] = [];
    const sentenceCount = 1 + Math.floor(next() * 3);
    for (let s = 0; s < sentenceCount; s++) {
      const words = pick(corpus.sentences).split(' ');
      for (let k = 0; k < 2; k++) words.splice(Math.floor(next() * (words.length + 1)), 0, rareWord());
      sentences.push(words.join(' '));
    }
    paragraphs.push(escapeMdx(sentences.join(' ')));
  }
  const id = `syn_${String(index).padStart(6, '0')}`;
  const slug = id.replace(/[^a-z0-9]+/g, '-');
  const chosen = (kind: Entity['kind']): string[] => {
    const pool = corpus.entities.filter((entity) => entity.kind === kind);
    const ids = new Set<string>();
    const wanted = Math.floor(next() * 4);
    for (let i = 0; i < wanted && pool.length > 0; i++) ids.add(pick(pool).id);
    return [...ids].sort();
  };
  const year = 2010 + Math.floor(next() * 16);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const dated = next() > 0.05;
  const published = dated ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  const wordCount = paragraphs.join(' ').split(' ').length;
  const frontmatter: ArticleFrontmatter = {
    id,
    slug,
    title: `${pick(corpus.sentences).split(' ').slice(0, 8).join(' ')} ${rareWord()}`,
    titleSource: 'headline',
    summary: paragraphs[0]!.slice(0, 200),
    published,
    publishedPrecision: dated ? 'day' : 'unknown',
    publishedEvidence: null,
    source: next() > 0.1 ? pick(corpus.sources) : null,
    shortLink: null,
    photoCredit: null,
    category: null,
    headings: [],
    people: chosen('person'),
    places: chosen('place'),
    organizations: chosen('organization'),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 200)),
    language: 'ar',
    provenance: { seed: `${id}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8', lineEndings: 'lf', removed: [], normalized: [], overrides: [] },
  };
  // Quote every string scalar: a bare 2021-05-04 would be read back as a Date by Astro's YAML.
  const yaml = stringify(frontmatter, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return { slug, text: `---\n${yaml}---\n\n${paragraphs.join('\n\n')}\n` };
}

/** Read the seeds, gazetteer and sources that the synthetic articles are made of. */
export function readCorpus(root: string): Corpus {
  const seedsDir = path.join(root, 'seeds');
  const sentences = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(path.join(seedsDir, name), 'utf8').split(/[.\n؟!]+/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.split(' ').length >= 6 && !/https?:/.test(sentence));
  const gazetteerDir = path.join(root, 'content/gazetteer');
  const entities = readdirSync(gazetteerDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => (parse(readFileSync(path.join(gazetteerDir, name), 'utf8')) as Entity[] | null) ?? []);
  const sourcesFile = parse(readFileSync(path.join(root, 'content/sources.yaml'), 'utf8')) as { sources: Array<Source & { names?: string[] }> };
  const sources = sourcesFile.sources.map(({ id, ar, en }) => ({ id, ar, en }));
  return { sentences, entities, sources };
}

/** Write a synthetic archive of `count` articles into `outDir` (replacing what was there). */
export function writeSyntheticArchive(root: string, count: number, outDir: string): void {
  const corpus = readCorpus(root);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'articles'), { recursive: true });
  cpSync(path.join(root, 'content/gazetteer'), path.join(outDir, 'gazetteer'), { recursive: true });
  cpSync(path.join(root, 'content/sources.yaml'), path.join(outDir, 'sources.yaml'));
  for (let i = 0; i < count; i++) {
    const { slug, text } = syntheticArticle(i, corpus);
    writeFileSync(path.join(outDir, 'articles', `${slug}.mdx`), text);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const outDir = process.argv[3];
  if (!Number.isInteger(count) || count < 1 || !outDir) {
    console.error('usage: npx tsx scripts/generate-archive.ts COUNT OUT_DIR');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  writeSyntheticArchive(root, count, path.resolve(outDir));
  console.log(`wrote ${count} synthetic articles to ${outDir}`);
}
