/**
 * Benchmark of the entity matcher on a large synthetic gazetteer (not a test: it prints numbers).
 *
 *   npx tsx scripts/bench-entities.ts [entities=10000] [articles=2000]
 *
 * Builds a gazetteer of synthetic people, places and organizations (each with several aliases),
 * plus the real one, then matches a corpus made of the five seeds and synthetic articles that
 * mention synthetic entities with clitics. Prints build time, throughput and memory, and the build
 * time at a quarter and a half of the size so linear growth can be read off.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEntityMatcher } from '../src/pipeline/entities/entities';
import { parseGazetteer } from '../src/pipeline/entities/gazetteer';
import type { Entity, EntityKind } from '../src/schema';

const root = join(import.meta.dirname, '..');
const entityCount = Number(process.argv[2] ?? 10_000);
const articleCount = Number(process.argv[3] ?? 2_000);

// A deterministic generator, so every run measures the same work.
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const KINDS: EntityKind[] = ['person', 'place', 'organization'];
function word(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pick([...LETTERS]);
  return out;
}

function syntheticGazetteer(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % 3]!;
    const name = kind === 'organization' ? `منظمة ${word(5)} ${word(6)}` : `${word(5)} ${word(7)}`;
    const surname = name.split(' ').at(-1)!;
    return {
      id: `synthetic-${i}`,
      kind,
      name,
      nameEn: `Synthetic ${i}`,
      aliases: kind === 'place' ? [`${surname}ي`, `${surname}ية`, `جمهورية ${surname}`] : [`${word(4)} ${surname}`, `${surname}ف`],
      aliasesEn: [`SYN${i}`],
      description: 'كيان اصطناعي للقياس.',
    };
  });
}

function realGazetteer(): Entity[] {
  const files = ['people', 'places', 'organizations'].map((kind) => ({
    path: `content/gazetteer/${kind}.yaml`,
    text: readFileSync(join(root, `content/gazetteer/${kind}.yaml`), 'utf8'),
  }));
  return parseGazetteer(files).entities;
}

const FILLER = 'قال المسؤولون إن الاجتماع بحث الوضع الأمني في المنطقة والتعاون بين الدول الأعضاء في مجالات عدة'.split(' ');
function syntheticArticle(entities: readonly Entity[]): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 8; p++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) {
      if (random() < 0.05) words.push(pick(['', 'و', 'ب', 'لل', 'وال']) + pick(entities).name);
      else words.push(pick(FILLER));
    }
    paragraphs.push(words.join(' '));
  }
  return paragraphs.join('\n\n');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function build(entities: readonly Entity[]): { ms: number; matcher: ReturnType<typeof createEntityMatcher> } {
  const start = performance.now();
  const matcher = createEntityMatcher(entities);
  return { ms: performance.now() - start, matcher };
}

const real = realGazetteer();
const synthetic = syntheticGazetteer(entityCount);
const gazetteer = [...real, ...synthetic];
const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
const corpus = [...seeds, ...Array.from({ length: articleCount }, () => syntheticArticle(synthetic))];
const corpusChars = corpus.reduce((sum, text) => sum + text.length, 0);

for (const fraction of [0.25, 0.5]) {
  const part = gazetteer.slice(0, Math.round(gazetteer.length * fraction));
  console.log(`build, ${part.length} entities: ${build(part).ms.toFixed(0)} ms`);
}
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const { ms: buildMs, matcher } = build(gazetteer);
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(`build, ${gazetteer.length} entities (${real.length} real): ${buildMs.toFixed(0)} ms`);
console.log(`matcher heap: ~${megabytes(heapAfter - heapBefore)}${globalThis.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);

function matchAll(label: string, m: ReturnType<typeof createEntityMatcher>): void {
  m.find(corpus[0]!); // warm up
  const start = performance.now();
  let mentions = 0;
  for (const text of corpus) mentions += m.find(text).length;
  const ms = performance.now() - start;
  console.log(
    `match with ${label}: ${corpus.length} articles, ${(corpusChars / 1e6).toFixed(2)} M chars, ${mentions} mentions in ${ms.toFixed(0)} ms` +
      ` → ${(corpusChars / 1e6 / (ms / 1000)).toFixed(2)} M chars/s, ${((ms / corpus.length) * 1000).toFixed(0)} µs/article`,
  );
}
// One pass per text: the time should barely change with the size of the gazetteer.
matchAll(`${real.length} real entities`, createEntityMatcher(real));
matchAll(`${gazetteer.length} entities`, matcher);
console.log(`rss: ${megabytes(process.memoryUsage().rss)}`);
