import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractPublicationDate, findDateMentions, type DateMention } from '../../../src/pipeline/page/dates';
import { formatHijriDate } from '../../../src/arabic/dates-format';
import { GREGORIAN_MONTHS, LEVANTINE_MONTHS } from '../../../src/arabic/months';

const seedsDir = fileURLToPath(new URL('../../../seeds/', import.meta.url));

function seedLines(id: string): string[] {
  const file = readdirSync(seedsDir).find((name) => name.startsWith(`${id}_`) && name.endsWith('.txt'));
  if (file === undefined) throw new Error(`seed ${id} not found`);
  return readFileSync(`${seedsDir}${file}`, 'utf8').split(/\r\n|\r|\n/);
}

/** The single mention found in one line of text. */
function only(text: string): DateMention {
  const mentions = findDateMentions([text]);
  expect(mentions).toHaveLength(1);
  return mentions[0]!;
}

function publication(lines: string[]) {
  return extractPublicationDate(lines, { seedId: 'x' });
}

describe('findDateMentions: Gregorian dates with month names', () => {
  it('reads the combined naming with a slash', () => {
    expect(only('وذلك يوم 29 يناير/كانون الثاني 2025 في دوشنبه')).toMatchObject({
      iso: '2025-01-29',
      precision: 'day',
      evidence: '29 يناير/كانون الثاني 2025',
      calendar: 'gregorian',
      weekday: null,
      anchored: false,
    });
  });

  it('reads the combined naming with spaces around the slash', () => {
    expect(only('عقد في 29 يناير / كانون الثاني 2025.').evidence).toBe('29 يناير / كانون الثاني 2025');
  });

  it('reads the combined naming with the slash missing, as seed 003 writes it', () => {
    expect(only('ستعقد في 5 مارسآذار 2024').iso).toBe('2024-03-05');
  });

  it('reads the Levantine order and parentheses', () => {
    expect(only('في 3 أيلول (سبتمبر) 2020').iso).toBe('2020-09-03');
    expect(only('في 3 كانون الأول/ديسمبر 2020').iso).toBe('2020-12-03');
  });

  it('reads each Egyptian and each Levantine month name alone', () => {
    GREGORIAN_MONTHS.forEach((name, index) => {
      expect(only(`في 7 ${name} 2019`).iso).toBe(`2019-${String(index + 1).padStart(2, '0')}-07`);
    });
    LEVANTINE_MONTHS.forEach((name, index) => {
      expect(only(`في 7 ${name} 2019`).iso).toBe(`2019-${String(index + 1).padStart(2, '0')}-07`);
    });
  });

  it('accepts spelling variants of month names', () => {
    const cases: Array<[string, string]> = [
      ['ابريل', '04'], ['إبريل', '04'], ['أبريل', '04'], ['أيار', '05'], ['مايو', '05'],
      ['يونيه', '06'], ['يوليه', '07'], ['آب', '08'], ['اغسطس', '08'], ['اكتوبر', '10'],
      ['تشرين أول', '10'], ['كانون ثاني', '01'], ['جانفي', '01'], ['جويلية', '07'],
    ];
    for (const [name, month] of cases) expect(only(`في 2 ${name} 2018`).iso).toBe(`2018-${month}-02`);
  });

  it('reads Arabic-Indic digits and keeps the original digits as evidence', () => {
    expect(only('الاجتماع ٢٩ يناير ٢٠٢٥')).toMatchObject({ iso: '2025-01-29', evidence: '٢٩ يناير ٢٠٢٥' });
  });

  it('records a weekday written before the date', () => {
    expect(only('الأربعاء 29 يناير 2025')).toMatchObject({ weekday: 3, evidence: 'الأربعاء 29 يناير 2025' });
    expect(only('يوم الخميس، 16 نوفمبر 2023').weekday).toBe(4);
    expect(publication(['قال اليوم (الخميس) 16 نوفمبر 2023 إن']).date).toMatchObject({ published: '2023-11-16', evidence: 'اليوم (الخميس) 16 نوفمبر 2023' });
  });

  it('reads a month and year as month precision', () => {
    expect(only('في نوفمبر/تشرين الثاني 2024 في أستانا')).toMatchObject({ iso: '2024-11-01', precision: 'month' });
    expect(only('في يناير 2022 قائلاً').evidence).toBe('يناير 2022');
  });

  it('reads "عام" or "من العام" between month and year', () => {
    expect(only('في يناير عام 2022 قال')).toMatchObject({ iso: '2022-01-01', precision: 'month', evidence: 'يناير عام 2022' });
    expect(only('في 29 يناير من العام 2025 قال')).toMatchObject({ iso: '2025-01-29', precision: 'day' });
  });

  it('reads the Gregorian era letter after the year', () => {
    expect(only('في 29 يناير 2025م.').evidence).toBe('29 يناير 2025م');
  });

  it('keeps the column and line of the evidence in the original text', () => {
    const lines = ['', 'قال إنه في 29 يناير 2025 وصل'];
    const [mention] = findDateMentions(lines);
    expect(mention?.line).toBe(2);
    expect(lines[1]!.slice(mention!.column - 1, mention!.column - 1 + mention!.evidence.length)).toBe(mention!.evidence);
  });

  it('keeps evidence exact when the text carries harakat and tatweel', () => {
    const line = 'في 3 سـبتمبرَ 2020 جرى';
    const mention = only(line);
    expect(mention.iso).toBe('2020-09-03');
    expect(line.slice(mention.column - 1).startsWith(mention.evidence)).toBe(true);
  });

  it('rejects a day that the month does not have', () => {
    expect(findDateMentions(['في 31 فبراير 2025'])).toEqual([]);
    expect(findDateMentions(['في 29 فبراير 2023'])).toEqual([]);
    expect(only('في 29 فبراير 2024').iso).toBe('2024-02-29');
  });

  it('does not read a month name alone as a date', () => {
    expect(findDateMentions(['مارس الرياضة منذ صغره'])).toEqual([]);
  });

  it('does not pair two different month names into one date', () => {
    expect(findDateMentions(['بين 3 يناير/شباط 2020'])).toEqual([]);
  });
});

describe('findDateMentions: every written form of random dates', () => {
  const toIndic = (text: string): string => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  const weekdays = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

  it('reads back each naming, separator, digit system and weekday (1900–2100)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 }),
        fc.constantFrom('egyptian', 'levantine', 'combined', 'dmy', 'ymd'),
        fc.constantFrom('/', ' / ', '', ' (', '-'),
        fc.boolean(),
        fc.boolean(),
        (dayNumber, form, separator, indic, withWeekday) => {
          const date = new Date(dayNumber * 864e5);
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = date.toISOString().slice(0, 10);
          const egyptian = GREGORIAN_MONTHS[m - 1]!;
          const levantine = LEVANTINE_MONTHS[m - 1]!;
          const pad = (n: number): string => String(n).padStart(2, '0');
          let written =
            form === 'egyptian' ? `${d} ${egyptian} ${y}`
            : form === 'levantine' ? `${d} ${levantine} ${y}`
            : form === 'combined' ? `${d} ${egyptian}${separator}${levantine}${separator === ' (' ? ')' : ''} ${y}`
            : form === 'dmy' ? `${pad(d)}/${pad(m)}/${y}`
            : `${y}-${pad(m)}-${pad(d)}`;
          if (indic) written = toIndic(written);
          if (withWeekday) written = `${weekdays[date.getUTCDay()]} ${written}`;
          const { date: published, messages } = extractPublicationDate([`وذلك اليوم ${written}.`]);
          expect(published).toMatchObject({ published: iso, precision: 'day' });
          expect(published.evidence).toBe(`اليوم ${written}`);
          expect(messages).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('findDateMentions: numeric dates', () => {
  it('reads day-first forms with slash, dash and dot', () => {
    expect(only('بتاريخ 29/01/2025').iso).toBe('2025-01-29');
    expect(only('بتاريخ 29-01-2025').iso).toBe('2025-01-29');
    expect(only('بتاريخ 3.2.2025').iso).toBe('2025-02-03');
  });

  it('reads year-first forms', () => {
    expect(only('2025-01-29').iso).toBe('2025-01-29');
    expect(only('2025/01/29').iso).toBe('2025-01-29');
  });

  it('reads Arabic-Indic numeric dates', () => {
    expect(only('دوشنبه، ٢٩/٠١/٢٠٢٥')).toMatchObject({ iso: '2025-01-29', evidence: '٢٩/٠١/٢٠٢٥' });
  });

  it('rejects impossible numeric dates', () => {
    expect(findDateMentions(['31/02/2025'])).toEqual([]);
    expect(findDateMentions(['12/13/2025'])).toEqual([]);
    expect(findDateMentions(['2025-02-30'])).toEqual([]);
  });

  it('does not read two-digit years, which could belong to any century', () => {
    expect(findDateMentions(['29/01/25'])).toEqual([]);
  });

  it('does not read part of a longer number chain as a date', () => {
    expect(findDateMentions(['الإصدار 1.29.01.2025'])).toEqual([]);
    expect(findDateMentions(['29/01/20251'])).toEqual([]);
  });
});

describe('findDateMentions: years', () => {
  it('reads a year introduced by عام or العام', () => {
    expect(only('في عام 2021، بعد القرار')).toMatchObject({ iso: '2021-01-01', precision: 'year', evidence: 'عام 2021' });
    expect(only('خلال رئاسة المنظمة في العام 2022.').evidence).toBe('العام 2022');
  });

  it('reads a year after في only where the sentence allows it', () => {
    expect(only('ومهامها فى 2021.')).toMatchObject({ iso: '2021-01-01', evidence: '2021' });
    expect(findDateMentions(['سجلت في 2000 حالة'])).toEqual([]);
  });

  it('does not treat plain numbers as years', () => {
    expect(findDateMentions(['تمتد على مسافة 1344 كيلومتراً'])).toEqual([]);
    expect(findDateMentions(['"وفق قرار مجلس الأمن 2254".'])).toEqual([]);
    expect(findDateMentions(['منذ 30 عاماً، تضم حالياً 6 دول'])).toEqual([]);
  });

  it('does not read a span of years as a date', () => {
    expect(findDateMentions(['تترأس المنظمة في 2020-2021.'])).toEqual([]);
    expect(findDateMentions(['خلال عام 2020/2021'])).toEqual([]);
  });
});

describe('findDateMentions: Hijri dates', () => {
  it('converts a Hijri day with the era mark attached or spaced', () => {
    expect(only('في 15 رجب 1446هـ')).toMatchObject({ iso: '2025-01-15', precision: 'day', calendar: 'hijri' });
    expect(only('في 15 رجب 1446 هـ').iso).toBe('2025-01-15');
    expect(only('في ١٥ رجب ١٤٤٦ هجرية').iso).toBe('2025-01-15');
  });

  it('reads both spellings of ذو الحجة', () => {
    expect(only('10 ذو الحجة 1445 هـ').iso).toBe(only('10 ذي الحجة 1445 هـ').iso);
  });

  it('coarsens a Hijri month or year to the Gregorian period containing all of it', () => {
    // Rajab 1446 runs 2025-01-01 … 2025-01-30, inside January 2025.
    expect(only('في رجب 1446هـ')).toMatchObject({ iso: '2025-01-01', precision: 'month', calendar: 'hijri' });
    // Sha'ban 1446 spans January and February 2025: only the year is certain.
    expect(only('في شعبان 1446هـ')).toMatchObject({ iso: '2025-01-01', precision: 'year' });
    // 1446 AH spans 2024 and 2025: no Gregorian date can say it.
    expect(findDateMentions(['عام 1446 هـ'])).toEqual([]);
  });

  it('rejects day 30 of a 29-day Hijri month', () => {
    expect(findDateMentions(['30 شعبان 1446 هـ'])).toEqual([]);
    expect(only('30 رجب 1446 هـ').iso).toBe('2025-01-30');
  });

  it('does not read صفر or رمضان without a Hijri era mark', () => {
    expect(findDateMentions(['سجل 3 صفر 2020 نقطة', 'التقى رمضان 2021 مرة'])).toEqual([]);
  });

  it('reads back every Gregorian day formatted as Hijri (1900–2100)', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (dayNumber) => {
        const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        const mentions = findDateMentions([`صدر في ${formatHijriDate(iso)}.`]);
        expect(mentions.map((m) => [m.iso, m.precision, m.calendar])).toEqual([[iso, 'day', 'hijri']]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractPublicationDate on the seeds', () => {
  const expected: Record<string, { published: string | null; evidence: string | null; line: number | null }> = {
    '000': { published: null, evidence: null, line: null },
    '001': { published: '2025-01-29', evidence: 'اليوم الأربعاء 29 يناير/كانون الثاني 2025', line: 1 },
    '002': { published: '2023-11-16', evidence: 'اليوم الخميس 16 نوفمبر/تشرين الثاني 2023', line: 1 },
    '003': { published: '2021-09-15', evidence: 'اليوم الأربعاء 15 سبتمبر/أيلول 2021', line: 1 },
    '004': { published: null, evidence: null, line: null },
  };
  for (const [id, want] of Object.entries(expected)) {
    it(`finds the publication date of seed ${id}`, () => {
      const { date } = extractPublicationDate(seedLines(id));
      expect(date).toEqual({ ...want, precision: want.published === null ? 'unknown' : 'day' });
    });
  }

  it('warns only about the missing date in seeds 000 and 004', () => {
    for (const id of ['000', '004']) {
      const { messages } = extractPublicationDate(seedLines(id), { seedId: `${id}_seed` });
      expect(messages.map((m) => m.ruleId)).toEqual(['missing-date']);
      expect(messages[0]!.fatal).toBe(false);
      expect(messages[0]!.reason).toContain(`seeds/${id}_seed.meta.yaml`);
      expect(messages[0]!.reason).toContain('published:');
      expect(messages[0]!.reason).toContain('reason:');
      expect(messages[0]!.reason).not.toMatch(/^Error/);
    }
  });

  it('says seed 000 mentions "today" without a date, on line 3', () => {
    const [message] = extractPublicationDate(seedLines('000')).messages;
    expect(message).toMatchObject({ line: 3 });
    expect(message!.reason).toContain('“اليوم”');
    expect(message!.reason).toContain('“عام 2020”');
  });

  it('says seed 004 names Monday as today but gives no date', () => {
    const [message] = extractPublicationDate(seedLines('004')).messages;
    expect(message).toMatchObject({ line: 9 });
    expect(message!.reason).toContain('“اليوم الاثنين”');
  });

  it('gives seeds 001–003 no warnings', () => {
    for (const id of ['001', '002', '003']) expect(extractPublicationDate(seedLines(id)).messages).toEqual([]);
  });

  it('does not take the first date of seed 001 or 003 when it is not the anchored one', () => {
    const mentions001 = findDateMentions(seedLines('001'));
    expect(mentions001.filter((m) => !m.anchored).map((m) => m.evidence)).toEqual([
      'نوفمبر/تشرين الثاني 2024',
      'عام 2025',
      'عام 2021',
    ]);
    const mentions003 = findDateMentions(seedLines('003'));
    expect(mentions003.filter((m) => m.anchored).map((m) => m.iso)).toEqual(['2021-09-15']);
  });

  it('infers the year of "16 سبتمبرأيلول" in seed 003 from its publication date', () => {
    const inferred = findDateMentions(seedLines('003')).filter((m) => m.yearInferred);
    expect(inferred).toEqual([
      expect.objectContaining({ iso: '2021-09-16', evidence: '16 سبتمبرأيلول', line: 27, anchored: false }),
    ]);
  });

  it('skips the year span "2020-2021" and the resolution number 2254 of seed 003', () => {
    const mentions = findDateMentions(seedLines('003'));
    expect(mentions.some((m) => m.line === 30 || m.line === 19)).toBe(false);
  });
});

describe('extractPublicationDate: anchors', () => {
  it('prefers the date anchored to today over an earlier one', () => {
    const { date } = publication(['في 3 مارس 2020 بدأ البرنامج.', 'وقال اليوم، 5 أبريل 2021، إنه مستمر.']);
    expect(date).toEqual({ published: '2021-04-05', precision: 'day', evidence: 'اليوم، 5 أبريل 2021', line: 2 });
  });

  it('takes a dateline at the start of the text', () => {
    expect(publication(['موسكو - 29 يناير 2025 - أعلن الكرملين']).date).toMatchObject({
      published: '2025-01-29',
      evidence: 'موسكو - 29 يناير 2025',
    });
    expect(publication(['دوشنبه، ٢٩/٠١/٢٠٢٥ (خاور) - التقى']).date.published).toBe('2025-01-29');
    expect(publication(['عنوان الخبر', 'موسكو (تاس) - 3 فبراير 2024 - قال']).date.published).toBe('2024-02-03');
    expect(publication(['الأربعاء 29 يناير 2025', 'نص الخبر']).date.published).toBe('2025-01-29');
  });

  it('does not take a date deep in the text as a dateline', () => {
    const lines = ['سطر', 'سطر', 'سطر', 'موسكو - 29 يناير 2025 - أعلن'];
    expect(publication(lines).date.published).toBeNull();
  });

  it('does not take a sentence that starts with a preposition as a dateline', () => {
    expect(publication(['في 29 يناير 2025 أعلن الكرملين']).date.published).toBeNull();
  });

  it('does not take a year mention at the start of a line as a dateline', () => {
    expect(publication(['عام 2021 شهد تحولات']).date.published).toBeNull();
  });

  it('reads "اليوم الأربعاء الموافق 29 …"', () => {
    expect(publication(['وذلك اليوم الأربعاء الموافق 29/01/2025.']).date).toMatchObject({ published: '2025-01-29' });
    expect(publication(['وذلك اليوم الأربعاء الموافق 29/01/2025.']).messages).toEqual([]);
  });

  it('prefers the Gregorian date restated after a Hijri one with الموافق', () => {
    const { date, messages } = publication(['صدر اليوم الأربعاء 29 رجب 1446 هـ الموافق 29 يناير 2025 م بيان']);
    // 29 Rajab 1446 is 2025-01-29 by Umm al-Qura: no conflict.
    expect(date).toMatchObject({ published: '2025-01-29', evidence: 'اليوم الأربعاء 29 رجب 1446 هـ الموافق 29 يناير 2025 م' });
    expect(messages).toEqual([]);
  });

  it('warns and keeps the Gregorian date when the restated Hijri date converts to the day before', () => {
    const { date, messages } = publication(['صدر اليوم 28 رجب 1446 هـ الموافق 29 يناير 2025 بيان']);
    expect(date.published).toBe('2025-01-29');
    expect(messages.map((m) => m.ruleId)).toEqual(['hijri-day-differs']);
    expect(messages[0]!.reason).toContain('2025-01-29 is kept');
  });

  it('gives no date when a restated Hijri date is days away from the Gregorian one', () => {
    const { date, messages } = publication(['صدر اليوم 20 رجب 1446 هـ الموافق 29 يناير 2025 بيان']);
    expect(date.published).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['conflicting-dates']);
  });

  it('does not let a later date borrow the anchor without الموافق', () => {
    const mentions = findDateMentions(['اليوم 29 يناير 2025 وفي 3 فبراير 2025']);
    expect(mentions.map((m) => m.anchored)).toEqual([true, false]);
  });

  it('does not anchor a year mention to today', () => {
    expect(findDateMentions(['اليوم، عام 2021 انتهى'])[0]?.anchored).toBe(false);
  });

  it('takes a publication label', () => {
    expect(publication(['نص', 'تاريخ النشر: 2025/01/29']).date).toMatchObject({ published: '2025-01-29', evidence: 'تاريخ النشر: 2025/01/29' });
  });

  it('keeps month precision for a month-only anchored date', () => {
    expect(publication(['موسكو - يناير 2025 - تقرير']).date).toMatchObject({ published: '2025-01-01', precision: 'month' });
  });

  it('reports a date anchored to today that has no year instead of guessing one', () => {
    const { date, messages } = publication(['قال اليوم الخميس 16 سبتمبر إن']);
    expect(date.published).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['missing-date']);
    expect(messages[0]!.reason).toContain('gives no year');
  });

  it('reports a text with no date at all', () => {
    const { date, messages } = publication(['نص بلا تاريخ']);
    expect(date).toEqual({ published: null, precision: 'unknown', evidence: null, line: null });
    expect(messages[0]!.reason).toContain('no date at all');
  });

  it('gives no date when two anchored dates disagree, and quotes both', () => {
    const { date, messages } = publication(['موسكو - 28 يناير 2025 - قال', 'وذلك اليوم 29 يناير 2025.']);
    expect(date.published).toBeNull();
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'conflicting-dates', line: 2, fatal: false })]);
    expect(messages[0]!.reason).toContain("“28 يناير 2025” (line 1, 2025-01-28)");
    expect(messages[0]!.reason).toContain('(line 2, 2025-01-29)');
  });

  it('does not warn when the same date is anchored twice', () => {
    expect(publication(['موسكو - 29 يناير 2025 - قال', 'وذلك اليوم 29 يناير 2025.']).messages).toEqual([]);
  });
});

describe('extractPublicationDate: warnings', () => {
  it('warns when the weekday disagrees with the date, naming the real weekday and the line', () => {
    const { date, messages } = publication(['', 'وذلك اليوم الخميس 29 يناير 2025.']);
    expect(date.published).toBe('2025-01-29');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'weekday-mismatch', line: 2, column: 12, fatal: false })]);
    expect(messages[0]!.reason).toContain('الأربعاء');
    expect(messages[0]!.reason).toContain('line 2');
  });

  it('warns about an impossible date written in full', () => {
    const { messages } = publication(['وذلك اليوم 31 فبراير 2025.']);
    expect(messages.map((m) => m.ruleId)).toEqual(['impossible-date', 'missing-date']);
    expect(messages[0]).toMatchObject({ line: 1, column: 12 });
  });

  it('does not infer a year far from the publication date', () => {
    const mentions = findDateMentions(['اليوم 20 ديسمبر 2021', 'ستعقد في 5 يناير']);
    expect(mentions.map((m) => m.iso)).toEqual(['2021-12-20']);
  });

  it('does not infer a year that contradicts a named weekday', () => {
    const mentions = findDateMentions(['اليوم 15 سبتمبر 2021', 'ستعقد الجمعة 16 سبتمبر']);
    expect(mentions.map((m) => m.iso)).toEqual(['2021-09-15']);
  });
});

describe('robustness', () => {
  const originalTz = process.env['TZ'];
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  it('gives the same results whatever the process time zone', () => {
    const ids = ['000', '001', '002', '003', '004'];
    const sample = ['اليوم 15 رجب 1446 هـ', '29/02/2024', 'في شعبان 1446هـ'];
    process.env['TZ'] = 'UTC';
    const utcOffset = new Date(2025, 0, 1).getTimezoneOffset();
    const inUtc = ids.map((id) => extractPublicationDate(seedLines(id))).concat([extractPublicationDate(sample)]);
    const mentionsUtc = findDateMentions(sample);
    for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Riyadh']) {
      process.env['TZ'] = zone;
      // Proves the zone switch took effect, so the comparison below could fail.
      expect(new Date(2025, 0, 1).getTimezoneOffset()).not.toBe(utcOffset);
      expect(ids.map((id) => extractPublicationDate(seedLines(id))).concat([extractPublicationDate(sample)])).toEqual(inUtc);
      expect(findDateMentions(sample)).toEqual(mentionsUtc);
    }
  });

  it('never throws on arbitrary text and returns evidence that is in the line', () => {
    const pieces = ['اليوم', ' ', '29', '/', '-', 'يناير', 'كانون الثاني', '2025', '١٤٤٦', 'هـ', 'رجب', 'عام', 'في', '،', '\u0640', '\u064E', 'الأربعاء', '31', '٢٩'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((p) => p.join('')), { maxLength: 4 }), (lines) => {
        const mentions = findDateMentions(lines);
        for (const m of mentions) {
          expect(lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.evidence.length)).toBe(m.evidence);
          expect(m.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        const { date } = extractPublicationDate(lines);
        if (date.evidence !== null) expect(lines[date.line! - 1]).toContain(date.evidence);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same results in a fresh process with another time zone and locale', () => {
    const script = fileURLToPath(new URL('../dates-dump.fixture.ts', import.meta.url));
    const run = (env: Record<string, string>): string => {
      const result = spawnSync('npx', ['tsx', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    const utc = run({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    expect(utc).toContain('2025-01-29');
    expect(run({ TZ: 'Pacific/Kiritimati', LANG: 'ar_SA.UTF-8', LC_ALL: 'ar_SA.UTF-8' })).toBe(utc);
  });

  it('is deterministic', () => {
    const lines = seedLines('003');
    expect(JSON.stringify(extractPublicationDate(lines))).toBe(JSON.stringify(extractPublicationDate([...lines])));
  });
});

describe('extractPublicationDate on pasted pages', () => {
  /** A page: lines, with the headline and the lead where the pipeline found them. */
  function onPage(lines: string[], headlineLine: number | null, leadLine: number) {
    return extractPublicationDate(lines, { seedId: 'x', layout: { headlineLine, leadLine } });
  }
  const LEAD = 'أكد الرئيس أهمية البرنامج.';

  it.each([
    ['أخبار محلية15-9-2021 | 10:45', '2021-09-15'],
    ['منذ10يناير2022', '2022-01-10'],
    ['الإثنين 10/يناير/2022 - 05:22 م', '2022-01-10'],
    ['10.01.2022 | 17:42 GMT', '2022-01-10'],
    ['٢٩/٠١/٢٠٢٥ - ١٠:٣٠ ص', '2025-01-29'],
    ['كتب أحمد جمال - الأربعاء، 29 يناير 2025 04:30 م', '2025-01-29'],
  ])('dates the page by the head line «%s»', (line, iso) => {
    expect(onPage([line, 'عنوان الخبر', LEAD], 2, 3).date.published).toBe(iso);
  });

  it('does not read a month name glued to a word as a date', () => {
    expect(findDateMentions(['صدر الكتاب2022 في طبعة جديدة'])).toEqual([]);
  });

  it('lets the dateline of the article beat a "today is" banner above the page', () => {
    const { date, messages } = onPage(['اليوم: الأحد 12 مايو 2024', 'القاهرة 31°', 'عنوان الخبر', 'دوشنبه - 29 يناير 2025 - أكد الرئيس أهمية البرنامج.'], 3, 4);
    expect(date).toMatchObject({ published: '2025-01-29', line: 4 });
    expect(messages).toEqual([]);
  });

  it('takes a weather or prayer-time banner for the visit date and says so when nothing else dates the page', () => {
    const { date, messages } = onPage(['أبوظبي 26° | الفجر 05:43 | الأحد 3 نوفمبر 2024', 'عنوان الخبر', LEAD], 2, 3);
    expect(date.published).toBeNull();
    expect(messages[0]!.ruleId).toBe('missing-date');
    expect(messages[0]!.reason).toContain('banner above the article');
  });

  it('takes a weekday, Gregorian and Hijri strip at the top of the page for the visit date', () => {
    expect(onPage(['الاثنين 4 نوفمبر 2024 - 2 جمادى الأولى 1446 هـ', 'البيان', 'عنوان الخبر', LEAD], 3, 4).date.published).toBeNull();
  });

  it('keeps a Hijri and Gregorian byline below the masthead', () => {
    expect(onPage(['صحيفة الرياض', 'الرياض - الرياض', 'الأربعاء 8 صفر 1443هـ - 15 سبتمبر 2021م', 'عنوان الخبر', LEAD], 4, 5).date.published).toBe('2021-09-15');
  });

  it('gives no date when a byline and a publication label disagree', () => {
    const { date, messages } = onPage(['نشر في: 14/01/2022', 'عنوان الخبر', 'تاريخ النشر: 10/01/2022', LEAD], 2, 4);
    expect(date.published).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['conflicting-dates']);
    expect(messages[0]!.reason).toContain('14/01/2022');
    expect(messages[0]!.reason).toContain('10/01/2022');
  });

  it('reads a dateline without a dash when the agency follows the date', () => {
    expect(onPage(['عنوان الخبر', 'دوشنبه 10 يناير 2022 (شينخوا) أكد رئيس طاجيكستان الحاجة إلى تعزيز الحرب.'], 1, 2).date.published).toBe('2022-01-10');
  });

  it('uses an update stamp only when nothing else dates the page', () => {
    expect(onPage(['آخر تحديث: 10 يناير 2022', 'عنوان الخبر', LEAD], 2, 3).date.published).toBe('2022-01-10');
    expect(onPage(['آخر تحديث: 11 يناير 2022', 'عنوان الخبر', 'تاريخ النشر: 10 يناير 2022', LEAD], 2, 4).date).toMatchObject({ published: '2022-01-10', line: 3 });
  });

  it('gives no date when a yearless dateline names another day than the page date', () => {
    const { date, messages } = onPage(['15/09/2021', 'عنوان الخبر', 'دوشنبه في 16 سبتمبر / وام / بحث الاجتماع الوضع في أفغانستان.'], 2, 3);
    expect(date.published).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['conflicting-dates']);
  });
});

describe('numeric Hijri dates', () => {
  it('reads a numeric date with هـ as Hijri, never as the Gregorian year 1429', () => {
    expect(only('7/3/1429 هـ')).toMatchObject({ calendar: 'hijri', iso: '2008-03-15' });
    expect(findDateMentions(['الخميس 7/3/1429 في الجريدة'])).toEqual([]);
  });

  it('keeps the restated Gregorian date when the Hijri weekday contradicts its conversion', () => {
    const lines = ['عنوان', 'الخميس 7/3/1429 هـ - الموافق 13/3/2008 م (آخر تحديث) الساعة 16:25 (مكة المكرمة)، 13:25 (غرينتش)', 'أكد الرئيس أهمية البرنامج.'];
    const { date, messages } = extractPublicationDate(lines, { layout: { headlineLine: 1, leadLine: 3 } });
    expect(date.published).toBe('2008-03-13');
    expect(messages.map((m) => m.ruleId)).toEqual(['weekday-mismatch']);
  });
});
