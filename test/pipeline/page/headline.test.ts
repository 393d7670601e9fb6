import { describe, expect, it } from 'vitest';
import { chooseHeadline } from '../../../src/pipeline/page/headline';

const LEAD = 'أكد رئيس بيلاروس، ألكسندر لوكاشينكو، على ضرورة تعزيز وبناء إمكانيات قوات حفظ السلام لمنظمة معاهدة الأمن الجماعي، من أجل مواجهة التحديات في المستقبل.';
const HEADLINE = 'لوكاشينكو يدعو إلى تعزيز قوات حفظ السلام لمنظمة معاهدة الأمن الجماعي';

describe('chooseHeadline', () => {
  it('chooses the line the lead echoes, not the first line', () => {
    const choice = chooseHeadline(['وكالة الأنباء الروسية', 'أخبار العالم', HEADLINE, LEAD]);
    expect(choice.headline).toEqual({ text: HEADLINE, line: 3 });
    expect(choice.messages).toEqual([]);
  });

  it('prefers the headline to a photo caption that names the same man', () => {
    const caption = 'الرئيس البيلاروسي ألكسندر لوكاشينكو في مينسك';
    expect(chooseHeadline([caption, HEADLINE, LEAD]).headline?.line).toBe(2);
  });

  it('reports the headline printed a second time', () => {
    expect(chooseHeadline([HEADLINE, HEADLINE, LEAD]).repeats).toEqual([2]);
  });

  it('derives the title and says what it considered when no line is echoed', () => {
    const choice = chooseHeadline(['اليوم السابع', 'الأكثر مشاهدة اليوم في مصر', LEAD]);
    expect(choice.headline).toBeNull();
    expect(choice.messages).toEqual([expect.objectContaining({ ruleId: 'headline-uncertain', line: 2, fatal: false })]);
    expect(choice.messages[0]!.reason).toContain('“الأكثر مشاهدة اليوم في مصر” (0 % echoed)');
  });

  it('does not accept a line that shares a single word with the lead', () => {
    expect(chooseHeadline(['15 يناير 2022 المستقبل', LEAD]).headline).toBeNull();
  });

  it('gives no headline and no warning to a text that opens with its lead', () => {
    const choice = chooseHeadline([LEAD, LEAD]);
    expect(choice.headline).toBeNull();
    expect(choice.messages).toEqual([]);
  });

  it('keeps the first-line rule for a text without any sentence', () => {
    expect(chooseHeadline(['عنوان قصير', 'سطر آخر']).headline).toEqual({ text: 'عنوان قصير', line: 1 });
  });
});

describe('chooseHeadline when the lead repeats the site name', () => {
  it('does not take the site name that opens the lead as its dateline for the headline', () => {
    const lead = 'وكالة مهر للأنباء - ناقش المشاركون في اجتماع منظمة معاهدة الأمن الجماعي الوضع على الحدود الطاجيكية الأفغانية، مع الأخذ في الاعتبار أن طالبان تسيطر الآن على كافة حدود البلاد.';
    const headline = 'منظمة معاهدة الأمن الجماعي تبحث الوضع على الحدود الطاجيكية الأفغانية';
    expect(chooseHeadline(['وكالة مهر للأنباء', headline, lead]).headline?.text).toBe(headline);
  });
});
