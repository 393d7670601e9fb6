/**
 * Scores ingest against the realistic-page corpus: for every page, what the pipeline made of the
 * headline, the date, the agency, each furniture line and each article sentence, compared with the
 * page's gold file. Used by `npm run eval` (tables) and by corpus.test.ts (targets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CONTENT_PATHS, formatReports, loadIngestConfig } from '../src/loaders/content';
import { ingestSeed, type IngestConfig } from '../src/pipeline/index';

const root = new URL('../', import.meta.url).pathname;

/** What a careful editor reads in one page. */
export interface Gold {
  headline: string | null;
  published: string | null;
  evidence: string | null;
  agency: string | null;
  agencyText: string | null;
  furniture: string[];
  sentences: string[];
  notEntities: string[];
}

/** The outcome of one page. */
export interface PageScore {
  name: string;
  headline: 'right' | 'honest' | 'wrong' | 'missed';
  headlineChosen: string | null;
  date: 'right' | 'wrong' | 'missed';
  datePredicted: string | null;
  agency: 'right' | 'honest' | 'wrong' | 'missed' | 'none';
  agencyPredicted: string | null;
  furnitureTotal: number;
  furnitureOut: string[];
  furnitureLeft: string[];
  sentencesRemoved: string[];
  sentenceTotal: number;
  entitiesPredicted: string[];
  entitiesReference: string[];
  forbiddenEntities: string[];
  warnings: string[];
}

/** The rules, sources and gazetteer the CLI would load. */
export function loadConfig(): IngestConfig {
  // The same loaders as `npm run ingest`, on the repository's own content files.
  const { config, reports } = loadIngestConfig({
    rules: join(root, DEFAULT_CONTENT_PATHS.rules),
    sources: join(root, DEFAULT_CONTENT_PATHS.sources),
    gazetteer: join(root, DEFAULT_CONTENT_PATHS.gazetteer),
  });
  if (!config) throw new Error(`the content files have errors:\n${formatReports(reports)}`);
  return config;
}

/** The pages of one corpus folder (`pages` or `held-back`), sorted by name. */
export function readCorpus(set: 'pages' | 'held-back'): Array<{ name: string; text: string; gold: Gold }> {
  const dir = join(root, 'test/corpus', set);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ name: n.slice(0, -4), text: readFileSync(join(dir, n), 'utf8'), gold: parse(readFileSync(join(dir, `${n.slice(0, -4)}.gold.yaml`), 'utf8')) as Gold }));
}

function entitiesOf(article: { people: string[]; places: string[]; organizations: string[] } | null): string[] {
  return article ? [...article.people, ...article.places, ...article.organizations].sort() : [];
}

/** Ingest one page and compare with its gold. */
export function scorePage(name: string, text: string, gold: Gold, config: IngestConfig): PageScore {
  const fileName = `${name.replace(/-/u, '_')}.txt`;
  const result = ingestSeed({ fileName, bytes: new TextEncoder().encode(text) }, config);
  const article = result.article;
  const warnings = result.messages.map((m) => `${m.ruleId}${m.line ? `:${m.line}` : ''} ${m.reason}`);
  const has = (rule: string): boolean => result.messages.some((m) => m.ruleId === rule);

  const chosen = article && article.titleSource === 'headline' ? article.title : null;
  const headline: PageScore['headline'] =
    gold.headline === null ? (article && chosen === null ? 'right' : 'wrong')
    : chosen === gold.headline ? 'right'
    : chosen !== null ? 'wrong'
    : has('headline-uncertain') ? 'honest' : 'missed';

  const published = article?.published ?? null;
  const date: PageScore['date'] = published === gold.published && article ? 'right' : published !== null ? 'wrong' : 'missed';

  const agencyPredicted = article?.source?.id ?? null;
  const agency: PageScore['agency'] =
    agencyPredicted === gold.agency ? (gold.agency === null ? 'none' : 'right')
    : agencyPredicted !== null ? 'wrong'
    : gold.agencyText !== null && result.messages.some((m) => m.ruleId === 'unknown-source' && m.reason.includes(gold.agencyText ?? '')) ? 'honest'
    : 'missed';

  // Each page line is judged by its gold class; the first line equal to the headline is the headline.
  const removedLines = new Set((article?.provenance.removed ?? []).map((r) => r.line));
  const furniture = [...gold.furniture];
  const sentences = [...gold.sentences];
  const furnitureOut: string[] = [];
  const furnitureLeft: string[] = [];
  const sentencesRemoved: string[] = [];
  let headlineSeen = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const removed = removedLines.has(index + 1);
    if (!headlineSeen && line === gold.headline) {
      headlineSeen = true;
      return;
    }
    const f = furniture.indexOf(line);
    if (f >= 0) {
      furniture.splice(f, 1);
      (removed ? furnitureOut : furnitureLeft).push(line);
      return;
    }
    const s = sentences.indexOf(line);
    if (s >= 0) {
      sentences.splice(s, 1);
      if (removed) sentencesRemoved.push(line);
    }
  });

  const clean = [...(gold.headline ? [gold.headline] : []), ...gold.sentences].join('\n');
  const reference = ingestSeed({ fileName, bytes: new TextEncoder().encode(`${clean}\n`) }, config).article;
  const entitiesPredicted = entitiesOf(article);
  return {
    name,
    headline,
    headlineChosen: chosen,
    date,
    datePredicted: published,
    agency,
    agencyPredicted,
    furnitureTotal: gold.furniture.length,
    furnitureOut,
    furnitureLeft,
    sentencesRemoved,
    sentenceTotal: gold.sentences.length,
    entitiesPredicted,
    entitiesReference: entitiesOf(reference),
    forbiddenEntities: gold.notEntities.filter((id) => entitiesPredicted.includes(id)),
    warnings,
  };
}

/** Precision and recall per field over a set of scored pages. */
export interface Summary {
  pages: number;
  headline: { precision: number; recall: number; rightOrDerived: number; wrong: number };
  date: { precision: number; recall: number; wrong: number; nullsRight: number; nullsGold: number };
  agency: { precision: number; recall: number; creditedOrFlagged: number; wrong: number };
  furniture: { precision: number; recall: number; out: number; total: number };
  sentences: { kept: number; total: number; removed: number };
  entities: { precision: number; recall: number; forbidden: number };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Sum page scores into per-field precision and recall. */
export function summarize(scores: readonly PageScore[], golds: readonly Gold[]): Summary {
  const n = scores.length;
  const count = (f: (s: PageScore, g: Gold) => boolean): number => scores.filter((s, i) => f(s, golds[i]!)).length;
  const headlinesChosen = count((s) => s.headlineChosen !== null);
  const headlinesRight = count((s, g) => g.headline !== null && s.headline === 'right');
  const datesPredicted = count((s) => s.datePredicted !== null);
  const datesRight = count((s, g) => g.published !== null && s.date === 'right');
  const agenciesPredicted = count((s) => s.agencyPredicted !== null);
  const agenciesRight = count((s) => s.agency === 'right');
  const agenciesGold = count((_, g) => g.agency !== null);
  const furnitureOut = scores.reduce((a, s) => a + s.furnitureOut.length, 0);
  const furnitureTotal = scores.reduce((a, s) => a + s.furnitureTotal, 0);
  const sentencesRemoved = scores.reduce((a, s) => a + s.sentencesRemoved.length, 0);
  const sentenceTotal = scores.reduce((a, s) => a + s.sentenceTotal, 0);
  let predicted = 0;
  let reference = 0;
  let both = 0;
  for (const s of scores) {
    predicted += s.entitiesPredicted.length;
    reference += s.entitiesReference.length;
    both += s.entitiesPredicted.filter((id) => s.entitiesReference.includes(id)).length;
  }
  return {
    pages: n,
    headline: { precision: ratio(headlinesRight, headlinesChosen), recall: ratio(headlinesRight, count((_, g) => g.headline !== null)), rightOrDerived: ratio(count((s) => s.headline === 'right' || s.headline === 'honest'), n), wrong: count((s) => s.headline === 'wrong') },
    date: { precision: ratio(datesRight, datesPredicted), recall: ratio(datesRight, count((_, g) => g.published !== null)), wrong: count((s) => s.date === 'wrong'), nullsRight: count((s, g) => g.published === null && s.date === 'right'), nullsGold: count((_, g) => g.published === null) },
    agency: { precision: ratio(agenciesRight, agenciesPredicted), recall: ratio(agenciesRight, agenciesGold), creditedOrFlagged: ratio(count((s) => s.agency === 'right' || s.agency === 'honest'), agenciesGold), wrong: count((s) => s.agency === 'wrong') },
    furniture: { precision: ratio(furnitureOut, furnitureOut + sentencesRemoved), recall: ratio(furnitureOut, furnitureTotal), out: furnitureOut, total: furnitureTotal },
    sentences: { kept: sentenceTotal - sentencesRemoved, total: sentenceTotal, removed: sentencesRemoved },
    entities: { precision: ratio(both, predicted), recall: ratio(both, reference), forbidden: scores.reduce((a, s) => a + s.forbiddenEntities.length, 0) },
  };
}

/** Score a whole corpus folder. */
export function evaluate(set: 'pages' | 'held-back', config: IngestConfig = loadConfig()): { scores: PageScore[]; summary: Summary } {
  const pages = readCorpus(set);
  const scores = pages.map((p) => scorePage(p.name, p.text, p.gold, config));
  return { scores, summary: summarize(scores, pages.map((p) => p.gold)) };
}
