import { describe, expect, it } from 'vitest';
import { findHeadline, findQuotes, isHeadingLike, segmentBlocks } from '../../../src/pipeline/page/structure';

const quoted = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findHeadline', () => {
  it('takes an unpunctuated first line followed by text as the headline', () => {
    expect(findHeadline(['دول المنظمة تدعو إلى تعزيز العمل', '', 'أكد الرئيس أن الوضع مستقر.'])).toEqual({ text: 'دول المنظمة تدعو إلى تعزيز العمل', line: 1 });
  });

  it('counts a headline ending in a closing quote (seed 000)', () => {
    expect(findHeadline(['سؤال مراسل واط “خاور”', 'نص.'])?.line).toBe(1);
  });

  it('finds none when the article opens with its lead paragraph', () => {
    expect(findHeadline(['أكد الرئيس أن الوضع مستقر، وذلك اليوم.', 'وأضاف أن.'])).toBeNull();
  });
});

describe('segmentBlocks', () => {
  it('turns short unpunctuated lines between paragraphs into headings', () => {
    const blocks = segmentBlocks(['أكد الرئيس.', '', 'أرمينيا ', '', 'بدوره لفت رئيس الوزراء.', 'خاتمة بلا نقطة']);
    expect(blocks.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.kind))).toEqual(['paragraph', '## أرمينيا', 'paragraph', 'paragraph']);
  });

  it('never makes the first or last line a heading, nor a long line', () => {
    expect(isHeadingLike('كلمة '.repeat(12))).toBe(false);
    expect(segmentBlocks(['عنوان قصير', 'نص.']).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps a dash-led exchange as question and answer, the answer continuing until the narrator resumes', () => {
    const blocks = segmentBlocks(['قال:', '– ما الذي يتم فعله؟', '– نحن ننفذ خطة.', 'ونعتزم المتابعة.', 'يجدر الذكر أن الحدث عقد عبر الإنترنت.']);
    expect(blocks).toEqual([
      { kind: 'paragraph', paragraph: { text: 'قال:', line: 1 } },
      { kind: 'question', paragraphs: [{ text: '– ما الذي يتم فعله؟', line: 2 }] },
      { kind: 'answer', paragraphs: [{ text: '– نحن ننفذ خطة.', line: 3 }, { text: 'ونعتزم المتابعة.', line: 4 }] },
      { kind: 'paragraph', paragraph: { text: 'يجدر الذكر أن الحدث عقد عبر الإنترنت.', line: 5 } },
    ]);
  });
});

describe('findQuotes', () => {
  it('finds curly, angle and straight quotations, marks included', () => {
    expect(quoted('قال: "نعم" و«لا» و“ربما”.')).toEqual(['"نعم"', '«لا»', '“ربما”']);
  });

  it('opens a straight quote glued to a preceding letter (إن"…")', () => {
    expect(quoted('وقال إن"الحل ممكن".')).toEqual(['"الحل ممكن"']);
  });

  it('leaves stray quote marks as plain text (seed 003)', () => {
    expect(quoted('سيتم تزويد طاجيكستان بالمساعدات اللازمة".')).toEqual([]);
    expect(quoted('قال "نص بلا نهاية')).toEqual([]);
  });

  it('restarts at a new opener when an earlier one never closed (seed 002)', () => {
    expect(quoted('"يتطلب استجابة. منوّهاً بكيفية "ذهاب المجموعة." وأضاف: "بعد ذلك".')).toEqual(['"ذهاب المجموعة."', '"بعد ذلك"']);
  });

  it('pairs a closing curly quote used as both marks (seed 000)', () => {
    expect(quoted('مراسل واط ” خاور”خوشنود')).toEqual(['” خاور”']);
  });

  it('keeps quotes of another kind nested inside a quotation', () => {
    expect(quoted('«قال "نعم" ثم مضى»')).toEqual(['«قال "نعم" ثم مضى»']);
  });
});
