import { describe, expect, it } from 'vitest';
import { evaluate, loadConfig, readCorpus } from '../../scripts/corpus-evaluate';

// The targets of the realistic-page corpus (test/corpus/pages: tuning set; held-back: reported,
// and held to the safety targets too). `npm run eval -- --verbose` shows every miss.
const config = loadConfig();

describe.each(['pages', 'held-back'] as const)('the %s corpus', (set) => {
  const { scores, summary } = evaluate(set, config);

  it('never files an article under a wrong date', () => {
    expect(scores.filter((s) => s.date === 'wrong').map((s) => `${s.name}: ${s.datePredicted}`)).toEqual([]);
  });

  it('never removes a sentence of the article', () => {
    expect(scores.flatMap((s) => s.sentencesRemoved.map((line) => `${s.name}: ${line}`))).toEqual([]);
  });

  it('never takes a wrong line for the headline, and gets at least 95 % right or honestly derived', () => {
    expect(scores.filter((s) => s.headline === 'wrong').map((s) => `${s.name}: ${s.headlineChosen}`)).toEqual([]);
    expect(summary.headline.rightOrDerived).toBeGreaterThanOrEqual(0.95);
  });

  it('takes at least 95 % of the furniture lines out of the body', () => {
    expect(summary.furniture.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('credits at least 90 % of the agencies and never a wrong one', () => {
    expect(scores.filter((s) => s.agency === 'wrong').map((s) => `${s.name}: ${s.agencyPredicted}`)).toEqual([]);
    expect(summary.agency.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('counts no entity that only a related-links list names', () => {
    expect(scores.flatMap((s) => s.forbiddenEntities.map((id) => `${s.name}: ${id}`))).toEqual([]);
  });

  it('finds every publication date the gold gives and leaves every other one empty', () => {
    expect(summary.date.recall).toBe(1);
    expect(summary.date.nullsRight).toBe(summary.date.nullsGold);
  });
});

describe('the corpus itself', () => {
  it('has at least 40 pages, ten of them held back', () => {
    expect(readCorpus('pages').length + readCorpus('held-back').length).toBeGreaterThanOrEqual(40);
    expect(readCorpus('held-back').length).toBeGreaterThanOrEqual(10);
  });
});
