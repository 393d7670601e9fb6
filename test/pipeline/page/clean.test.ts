import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoilerplateRules, removeBoilerplate } from '../../../src/pipeline/page/clean';
import { root } from '../config';

const { rules, messages } = parseBoilerplateRules(readFileSync(join(root, 'content/boilerplate.yaml'), 'utf8'));

describe('content/boilerplate.yaml', () => {
  it('is valid against the rules schema', () => {
    expect(messages).toEqual([]);
    expect(rules.length).toBeGreaterThan(5);
  });
});

describe('parseBoilerplateRules', () => {
  it('names the YAML line of an invalid rule', () => {
    const result = parseBoilerplateRules('rules:\n  - id: ok\n    description: x\n    pattern: "("\n');
    expect(result.messages).toMatchObject([{ ruleId: 'invalid-rules', fatal: true, line: 4 }]);
    expect(result.messages[0]?.reason).toContain('rules.0.pattern');
  });

  it('rejects duplicate rule ids', () => {
    const result = parseBoilerplateRules('rules:\n  - {id: a, description: x, pattern: x}\n  - {id: a, description: y, pattern: y}\n');
    expect(result.messages[0]?.reason).toContain('used twice');
  });
});

describe('removeBoilerplate', () => {
  it('moves every kind of furniture from the seeds out of the body, keeping line numbers', () => {
    const lines = [
      'عنوان',
      'أخبار العالم',
      'انسخ الرابطhttps://r.rtarabic.com/s4vq',
      'مواضيع ذات صلة',
      'نص الخبر.',
      'مجموعة الرؤية الإستراتيجية "روسيا - العالم الإسلامي"',
      'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"',
      'الصورة: الموقع الرسمي لرئيس روسيا',
      'المصدر: تاس',
      'موافق',
      'هذا الموقع يستخدم ملفات تعريف الارتباط .بامكانك قراءة شروط الاستخدام لتفعيل هذه الخاصية اضغط هنا',
    ];
    const result = removeBoilerplate(lines, rules);
    expect(result.lines.filter(Boolean)).toEqual(['عنوان', 'نص الخبر.']);
    expect(result.fields).toEqual({ category: 'أخبار العالم', shortLink: 'https://r.rtarabic.com/s4vq', photoCredit: 'الموقع الرسمي لرئيس روسيا', source: 'تاس' });
    expect(result.removed.map((r) => [r.line, r.rule])).toEqual([
      [2, 'category-line'],
      [3, 'short-link'],
      [4, 'related-topics'],
      [6, 'publisher-signature'],
      [7, 'publisher-signature'],
      [8, 'photo-credit'],
      [9, 'source-line'],
      [10, 'cookie-accept'],
      [11, 'cookie-banner'],
    ]);
    expect(result.removed[0]).toEqual({ line: 2, text: 'أخبار العالم', rule: 'category-line', field: 'category' });
  });

  it('reads an English photo credit', () => {
    expect(removeBoilerplate(['نص.', 'Photo: Public Domain/Collective Security Treaty Organization'], rules).fields).toEqual({
      photoCredit: 'Public Domain/Collective Security Treaty Organization',
    });
  });

  it('leaves a category name alone further down the article, where it is ordinary text', () => {
    const lines = ['أ.', 'ب.', 'ج.', 'د.', 'ه.', 'و.', 'أخبار العالم', 'ز.'];
    expect(removeBoilerplate(lines, rules).removed).toEqual([]);
  });

  it('keeps the first of two source lines and warns about the second', () => {
    const result = removeBoilerplate(['نص.', 'المصدر: تاس', 'المصدر: RT'], rules);
    expect(result.fields.source).toBe('تاس');
    expect(result.removed).toHaveLength(2);
    expect(result.messages).toMatchObject([{ ruleId: 'repeated-field', line: 3 }]);
  });
});
