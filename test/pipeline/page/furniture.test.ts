import { describe, expect, it } from 'vitest';
import { lineFurnitureRule, proseBounds, removeLineFurniture, removePageChrome, RepeatedLineCounter } from '../../../src/pipeline/page/furniture';
import { isProse, isTextLike, sameWord, stopWordRatio } from '../../../src/pipeline/text/text-features';

const LEAD = 'أكد رئيس طاجيكستان إمام علي رحمون أن الأحداث في كازاخستان تؤكد الحاجة إلى تعزيز الحرب المشتركة ضد الإرهاب.';
const SECOND = 'وأشار إلى أنه نبه مرارا وحذر من وجود خلايا نائمة في بلدان المنظمة، داعيا إلى وضع قائمة واحدة.';

describe('text features', () => {
  it('tells article prose from a headline of the same length', () => {
    expect(isProse(LEAD)).toBe(true);
    expect(isProse('رحمون يدعو إلى حزام أمني حول أفغانستان ويحذر من الخلايا النائمة')).toBe(false);
  });

  it('counts a sentence closed by a bracketed credit as prose', () => {
    expect(isProse('وأوضح رئيس طاجيكستان أن هناك أكثر من 40 معسكر تدريب قرب الحدود. (رويترز)')).toBe(true);
  });

  it('finds Arabic function words dense in prose and absent from a menu', () => {
    expect(stopWordRatio(SECOND)).toBeGreaterThan(0.15);
    expect(stopWordRatio('الرئيسية سياسة اقتصاد رياضة')).toBe(0);
  });

  it('does not take a byline full of numbers for text', () => {
    expect(isTextLike('كتب أحمد جمال - الأربعاء، 29 يناير 2025 04:30 م')).toBe(false);
    expect(isTextLike('وتابع قائلا إن الجولة المقبلة من المحادثات ستعقد في موسكو، كما اتفق الطرفان')).toBe(true);
  });

  it('matches a word with its clitic or verb prefix, not a different word', () => {
    expect(sameWord('يبحث', 'بحث')).toBe(true);
    expect(sameWord('طاجيك', 'طاجيكستان')).toBe(true);
    expect(sameWord('حزام', 'حوار')).toBe(false);
  });
});

describe('lineFurnitureRule', () => {
  it('names a language switcher even when it holds «العربية»', () => {
    expect(lineFurnitureRule('Тоҷикӣ | Русский | English | العربية')).toBe('language-switcher');
  });

  it('names a row of share and follow buttons', () => {
    expect(lineFurnitureRule('شارك المقال')).toBe('ui-widget');
    expect(lineFurnitureRule('تابعونا على فيسبوك | تويتر')).toBe('ui-widget');
    expect(lineFurnitureRule('أضف تعليقاً')).toBe('ui-widget');
  });

  it('names a ticker of headlines held apart by runs of spaces, however long', () => {
    expect(lineFurnitureRule('توقيع اتفاقية لتطوير وحدات سكنية    إنشاء مجلس الشراكة    هيئة التراث تسجل 5 مواقع    الدولار يحافظ على استقراره')).toBe('news-ticker');
    expect(lineFurnitureRule(`${LEAD}    ${SECOND}`)).toBeNull();
  });

  it('leaves a sentence with widget words in it alone', () => {
    expect(lineFurnitureRule('وقال إن على الجميع المشاركة في الحوار الوطني من أجل مستقبل البلاد.')).toBeNull();
  });

  it('leaves an interview turn alone', () => {
    expect(lineFurnitureRule('– شارك')).toBeNull();
  });
});

describe('removeLineFurniture', () => {
  it('takes the link titles under a list heading and stops at the next sentence', () => {
    const lines = ['اقرأ أيضا', 'باشينيان يلتقي بوتين في موسكو', '- ليبيا: تأجيل الانتخابات', LEAD];
    const { lines: out, removed } = removeLineFurniture(['', ...lines.slice(1)], lines, new Set([1]));
    expect(removed.map((r) => [r.line, r.rule])).toEqual([
      [2, 'link-list'],
      [3, 'link-list'],
    ]);
    expect(out[3]).toBe(LEAD);
  });

  it('keeps a subheading that follows a list heading and precedes a sentence', () => {
    const lines = ['مواضيع ذات صلة', 'أرمينيا', LEAD];
    const { removed } = removeLineFurniture(['', 'أرمينيا', LEAD], lines, new Set([1]));
    expect(removed).toEqual([]);
  });

  it('removes a line repeated across seeds only outside the article', () => {
    const lines = ['البوابة نيوز', LEAD, 'طاجيكستان', SECOND, 'البوابة نيوز'];
    const { removed } = removeLineFurniture(lines, lines, new Set(), new Set(['البوابة نيوز', 'طاجيكستان']));
    expect(removed.map((r) => [r.line, r.rule])).toEqual([
      [1, 'repeated-across-seeds'],
      [5, 'repeated-across-seeds'],
    ]);
  });

  it('records every removed line verbatim', () => {
    const original = ['  شارك المقال  ', LEAD];
    const { removed } = removeLineFurniture(original, original, new Set());
    expect(removed).toEqual([{ line: 1, text: '  شارك المقال  ', rule: 'ui-widget' }]);
  });
});

describe('removePageChrome', () => {
  it('takes everything above a chosen headline and the byline under it, not the lead', () => {
    const lines = ['النهار', 'لبنان | العالم العربي | دوليات', 'عنوان الخبر هنا', 'كتب أحمد جمال - 16/11/2023', LEAD, SECOND];
    const { removed, lines: out } = removePageChrome(lines, lines, 3);
    expect(removed.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(out[4]).toBe(LEAD);
  });

  it('keeps a short closing line when nothing else in the tail is furniture', () => {
    const lines = [LEAD, SECOND, 'خاتمة بلا نقطة'];
    expect(removePageChrome(lines, lines, null).removed).toEqual([]);
  });

  it('takes the short lines of a tail that already holds furniture', () => {
    const original = [LEAD, SECOND, 'الاسم', 'البريد الإلكتروني'];
    const lines = [LEAD, SECOND, '', 'البريد الإلكتروني'];
    expect(removePageChrome(lines, original, null, new Set([3])).removed.map((r) => [r.line, r.rule])).toEqual([[4, 'page-tail']]);
  });

  it('keeps head lines that end like a sentence when no headline was chosen', () => {
    const lines = ['سلام عليكم.', LEAD];
    expect(removePageChrome(lines, lines, null).removed).toEqual([]);
  });

  it('does nothing to a text without a sentence', () => {
    expect(proseBounds(['عنوان', 'سطر'])).toBeNull();
    expect(removePageChrome(['عنوان', 'سطر'], ['عنوان', 'سطر'], 1).removed).toEqual([]);
  });
});

describe('RepeatedLineCounter', () => {
  it('reports short lines found in three seeds, counting each seed once', () => {
    const counter = new RepeatedLineCounter();
    counter.add(['البوابة نيوز', 'البوابة نيوز', LEAD]);
    counter.add(['البوابة نيوز', LEAD]);
    expect(counter.repeated()).toEqual(new Set());
    counter.add(['البوابة نيوز', LEAD]);
    // The lead itself is prose: never counted, however often it recurs.
    expect(counter.repeated()).toEqual(new Set(['البوابة نيوز']));
  });
});
