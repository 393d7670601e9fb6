/**
 * `npm run eval`: precision and recall per field of ingest on the realistic-page corpus
 * (test/corpus/pages for tuning, test/corpus/held-back reported only). `-- --verbose` lists every
 * page that is not right in some field.
 */
import { evaluate, loadConfig, type Summary } from './corpus-evaluate';

const verbose = process.argv.includes('--verbose');
const config = loadConfig();
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function table(rows: Array<[string, Summary]>): string {
  const lines = ['| field | ' + rows.map(([name, s]) => `${name} (${s.pages} pages)`).join(' | ') + ' |', '|---|' + rows.map(() => '---|').join('')];
  const row = (label: string, f: (s: Summary) => string): void => {
    lines.push(`| ${label} | ${rows.map(([, s]) => f(s)).join(' | ')} |`);
  };
  row('headline P / R', (s) => `${pct(s.headline.precision)} / ${pct(s.headline.recall)}`);
  row('headline right or honestly derived', (s) => `${pct(s.headline.rightOrDerived)} (${s.headline.wrong} wrong)`);
  row('date P / R', (s) => `${pct(s.date.precision)} / ${pct(s.date.recall)}`);
  row('date wrong · honest nulls', (s) => `${s.date.wrong} wrong · ${s.date.nullsRight}/${s.date.nullsGold} nulls`);
  row('agency P / R', (s) => `${pct(s.agency.precision)} / ${pct(s.agency.recall)}`);
  row('agency credited or flagged', (s) => `${pct(s.agency.creditedOrFlagged)} (${s.agency.wrong} wrong)`);
  row('furniture-out P / R', (s) => `${pct(s.furniture.precision)} / ${pct(s.furniture.recall)} (${s.furniture.out}/${s.furniture.total})`);
  row('sentences kept', (s) => `${pct(s.sentences.kept / Math.max(1, s.sentences.total))} (${s.sentences.removed} removed)`);
  row('entities P / R', (s) => `${pct(s.entities.precision)} / ${pct(s.entities.recall)} (${s.entities.forbidden} from link lists)`);
  return lines.join('\n');
}

const results = (['pages', 'held-back'] as const).map((set) => [set, evaluate(set, config)] as const);
process.stdout.write(`${table(results.map(([set, r]) => [set === 'pages' ? 'tuning' : 'held-back', r.summary]))}\n`);
if (verbose) {
  for (const [set, r] of results) {
    for (const s of r.scores) {
      const problems: string[] = [];
      if (s.headline !== 'right') problems.push(`headline ${s.headline}: ${JSON.stringify(s.headlineChosen)}`);
      if (s.date !== 'right') problems.push(`date ${s.date}: ${s.datePredicted}`);
      if (s.agency !== 'right' && s.agency !== 'none') problems.push(`agency ${s.agency}: ${s.agencyPredicted}`);
      for (const line of s.furnitureLeft) problems.push(`furniture left: ${line}`);
      for (const line of s.sentencesRemoved) problems.push(`SENTENCE REMOVED: ${line.slice(0, 80)}`);
      for (const id of s.forbiddenEntities) problems.push(`entity from a link list: ${id}`);
      if (problems.length > 0) process.stdout.write(`\n${set}/${s.name}\n  ${problems.join('\n  ')}\n  warnings: ${s.warnings.map((w) => w.slice(0, 140)).join('\n            ')}\n`);
    }
  }
}
