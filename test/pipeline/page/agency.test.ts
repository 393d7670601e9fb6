import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAgencyCredit, type AgencyInput } from '../../../src/pipeline/page/agency';
import { parseSources } from '../../../src/pipeline/page/sources';
import { root } from '../config';

const { table } = parseSources(readFileSync(join(root, 'content/sources.yaml'), 'utf8'));

/** A page of a headline (line 1) and the given lines, the lead first. */
function page(lines: string[], extra: Partial<AgencyInput> = {}): AgencyInput {
  const all = ['عنوان الخبر', ...lines];
  return { lines: all, removed: [], headlineLine: 1, leadLine: 2, lastLine: all.length, ...extra };
}

describe('findAgencyCredit', () => {
  it.each([
    ['دوشنبه، 29/01/2025 /خاور/ - بحث رئيس الجمهورية مع الأمين العام تعزيز الحدود.', 'khovar'],
    ['موسكو - (تاس) - أكد رئيس الأركان أن المقر عمل بنجاح.', 'tass'],
    ['موسكو - سبوتنيك. أوضح لوكاشينكو أن القوات دخلت بناء على طلب.', 'sputnik'],
    ['مينسك - أ ف ب: أكد رئيس بيلاروس ضرورة تعزيز القوات.', 'afp'],
    ['دوشنبه 10 يناير 2022 (شينخوا) أكد رئيس طاجيكستان الحاجة إلى تعزيز الحرب على الإرهاب.', 'xinhua'],
    ['بيشكيك، كابار - تابع لوكاشينكو قائلا إن جهودنا كان لها تأثير.', 'kabar'],
  ])('reads the dateline «%s»', (lead, id) => {
    expect(findAgencyCredit(page([lead]), table).source?.id).toBe(id);
  });

  it('reads an agency named after the date on a dateline line of its own', () => {
    const input = page(['دوشنبه 29 رجب 1446 هـ الموافق 29 يناير 2025 م واس', 'بحث رئيس جمهورية طاجيكستان تنفيذ البرنامج.'], { leadLine: 3 });
    expect(findAgencyCredit(input, table)).toMatchObject({ source: { id: 'spa' }, line: 2, form: 'dateline' });
  });

  it('reads a web edition\'s dateline of its own above the lead when there is no headline', () => {
    const lines = ['دوشنبه – سبأنت:', 'قال الأمين العام إن كازاخستان أرسلت مساعدات تقنية عسكرية لطاجيكستان.'];
    expect(findAgencyCredit({ lines, removed: [], headlineLine: null, leadLine: 2, lastLine: 2 }, table).source?.id).toBe('saba');
  });

  it('reads a bracketed credit after the last sentence', () => {
    const input = page(['أكد رئيس طاجيكستان الحاجة إلى تعزيز الحرب المشتركة.', 'وأوضح أن هناك أكثر من 40 معسكرا قرب الحدود. (رويترز)']);
    expect(findAgencyCredit(input, table)).toMatchObject({ source: { id: 'reuters' }, form: 'closing-credit' });
  });

  it('prefers an explicit source line to a site name in the page head', () => {
    const input = page(['أبوظبي - سكاي نيوز عربية', 'أوضح لوكاشينكو أن القوات دخلت بناء على طلب.'], { leadLine: 3, explicit: { raw: 'رويترز', line: 9 } });
    expect(findAgencyCredit(input, table).source?.id).toBe('reuters');
  });

  it('warns with the text when a dateline credits an agency it does not know', () => {
    const credit = findAgencyCredit(page(['دوشنبه /وكالة المريخ/ - أكد الرئيس ضرورة تعزيز الحدود.']), table);
    expect(credit.source).toBeNull();
    expect(credit.messages).toEqual([expect.objectContaining({ ruleId: 'unknown-source' })]);
    expect(credit.messages[0]!.reason).toContain('"وكالة المريخ"');
  });

  it('gives no source and a warning when a dateline names two agencies', () => {
    const credit = findAgencyCredit(page(['موسكو - تاس - رويترز: أكد الرئيس ضرورة تعزيز الحدود.']), table);
    expect(credit.source).toBeNull();
    expect(credit.messages.map((m) => m.ruleId)).toEqual(['conflicting-sources']);
  });

  it('does not read «اتصل بنا» in the footer as the Bahrain News Agency', () => {
    const lines = ['عنوان', 'أكد رئيس طاجيكستان الحاجة إلى تعزيز الحرب المشتركة ضد الإرهاب.', 'اتصل بنا'];
    const input: AgencyInput = { lines, removed: [{ line: 3, text: 'اتصل بنا', rule: 'page-tail' }], headlineLine: 1, leadLine: 2, lastLine: 2 };
    expect(findAgencyCredit(input, table).source).toBeNull();
  });

  it('credits an agency whose own site name heads the page when nothing else does', () => {
    const lines = ['كونا', 'عنوان', 'أكد الأمين العام أن دول المنظمة مستعدة لضمان أمن بلدانها.'];
    const input: AgencyInput = { lines, removed: [{ line: 1, text: 'كونا', rule: 'page-head' }], headlineLine: 2, leadLine: 3, lastLine: 3 };
    expect(findAgencyCredit(input, table)).toMatchObject({ source: { id: 'kuna' }, form: 'page-name' });
  });

  it('does not take «العربية» of a language switcher for Al Arabiya', () => {
    const lines = ['English | العربية', 'عنوان', 'أكد الأمين العام أن دول المنظمة مستعدة لضمان أمن بلدانها.'];
    const input: AgencyInput = { lines, removed: [{ line: 1, text: lines[0]!, rule: 'language-switcher' }], headlineLine: 2, leadLine: 3, lastLine: 3 };
    expect(findAgencyCredit(input, table).source).toBeNull();
  });
});

describe('findAgencyCredit with a generic credit', () => {
  it('credits no one for «العربية.نت - وكالات»: the copy comes from agencies it does not name', () => {
    const lines = ['عنوان الخبر', 'العربية.نت - وكالات', 'عارضت الدول الأعضاء في المنظمة نشر بنى تحتية عسكرية على أراضيها.'];
    expect(findAgencyCredit({ lines, removed: [], headlineLine: 1, leadLine: 3, lastLine: 3 }, table).source).toBeNull();
  });
});
