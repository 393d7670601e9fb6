import { describe, expect, it } from 'vitest';
import { countWords, deriveTitle, readingMinutes, summarize, truncateAtWord } from '../../../src/pipeline/page/metadata';

describe('metadata', () => {
  it('keeps a short lead whole as the summary', () => {
    expect(summarize('نص قصير.')).toBe('نص قصير.');
  });

  it('cuts a long lead at a word boundary within 300 characters, with an ellipsis', () => {
    const lead = 'كلمة '.repeat(100).trim();
    const summary = summarize(lead);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('كلمة…')).toBe(true);
  });

  it('derives a title from the lead’s first clause (seed 003)', () => {
    expect(deriveTitle('بحث الاجتماع المشترك لوزراء الخارجية، اليوم الأربعاء 15 سبتمبر/أيلول 2021، في دوشنبه.')).toBe('بحث الاجتماع المشترك لوزراء الخارجية');
  });

  it('shortens a long first clause and drops a dangling dash', () => {
    const title = deriveTitle(`${'كلمة '.repeat(15)}- ${'أخرى '.repeat(20)}`);
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title).toMatch(/…$/u);
  });

  it('cuts a single unbroken word hard when it must', () => {
    expect(truncateAtWord('ا'.repeat(50), 10)).toBe(`${'ا'.repeat(9)}…`);
  });

  it('counts words that contain letters or digits, not stray punctuation', () => {
    expect(countWords(['قال ، إن 2021 – الوضع'])).toBe(4);
  });

  it('rounds reading time to whole minutes, at least one', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(900)).toBe(5);
  });
});
