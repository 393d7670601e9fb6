/**
 * Synthetic raw seeds for the ingest benchmark: the real seeds' sentences (plus invented dates),
 * deterministic, so every run measures the same archive.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from './random';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const weekdays = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** The seeds' body sentences, the material synthetic articles are made of. */
export function seedSentences(seedsDir = path.join(root, 'seeds')): string[] {
  const sentences: string[] = [];
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(path.join(seedsDir, name), 'utf8').split('\n')) {
      if (line.length > 80) sentences.push(...line.split(/(?<=\.)\s+/).filter((s) => s.length > 40));
    }
  }
  return sentences;
}

/** Seed number `index` as file name and text: a dated lead, 6–14 paragraphs, a source line. */
export function syntheticSeed(index: number, sentences: readonly string[]): { fileName: string; text: string } {
  const next = random(index + 1);
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const year = 2000 + Math.floor(next() * 26);
  const month = Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const weekday = weekdays[new Date(Date.UTC(year, month, day)).getUTCDay()]!;
  const lines = [`${pick()} وذلك اليوم ${weekday} ${day} ${months[month]} ${year}.`];
  const paragraphs = 6 + Math.floor(next() * 9);
  for (let p = 0; p < paragraphs; p++) lines.push(`${pick()} ${pick()}`);
  lines.push('المصدر: تاس');
  return { fileName: `${String(index).padStart(6, '0')}_synthetic.txt`, text: `${lines.join('\n')}\n` };
}

/** Write `count` synthetic seed files into `dir`; every tenth has a sidecar, as a real archive would. */
export function writeSyntheticSeeds(dir: string, count: number): void {
  const sentences = seedSentences();
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { fileName, text } = syntheticSeed(i, sentences);
    writeFileSync(path.join(dir, fileName), text);
    if (i % 10 === 5) {
      writeFileSync(path.join(dir, fileName.replace(/\.txt$/, '.meta.yaml')), 'category: تقارير\nreason: The desk filed it under reports.\n');
    }
  }
}
