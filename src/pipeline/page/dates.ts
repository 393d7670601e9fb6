/**
 * Dates in Arabic news text: every date the text mentions, and the one date that says when the
 * article was published. Never the first date that happens to appear, and never a guess.
 *
 * Rules (each has a test in test/pipeline/dates.test.ts):
 * - Forms: `[weekday] day month [year]` with the month in either naming, both namings joined by
 *   "/", " / ", "-", "(…)" or nothing ("سبتمبرأيلول"); `month year`; `29/01/2025`, `29-01-2025`,
 *   `29.01.2025` (always day first), `2025-01-29`, `2025/01/29`; Hijri `15 رجب 1446هـ` (the era
 *   mark is required: صفر and رمضان are ordinary words too); years only after عام/العام/سنة, or after
 *   في/خلال/منذ… when a clause boundary follows (`في 2000 حالة` is a count). Spans (`2020-2021`),
 *   impossible days (31/02) and two-digit years are not dates.
 * - A Hijri month or year is converted to the finest Gregorian period that holds all of it (a
 *   month, else a year, else nothing): `رجب 1446هـ` → January 2025, `1446 هـ` → no date.
 * - Anchors: "اليوم" right before the date (`وذلك اليوم الخميس 16 …`), a label (`تاريخ النشر:`),
 *   a dateline (the date opens one of the first three non-empty lines, alone or after a place of
 *   at most four words and a dash or comma: `موسكو - 29 يناير 2025`), or `… الموافق …` restating
 *   an anchored date. Year-only mentions are never anchored. The publication date is the first
 *   anchored date (the Gregorian one when a Hijri date is restated with الموافق); a second,
 *   different anchored date is reported as `conflicting-dates`.
 * - A day and month without a year take the year of the first anchored day only when that makes
 *   them fall within 60 days of it (then the same-year reading is by far the nearest) and agrees
 *   with any weekday named; otherwise they are dropped. An anchored date without a year is never
 *   completed: the article stays undated and the warning says so.
 *
 * Matching runs on folded text (`foldWithMap`: hamza/ya/ta-marbuta variants, Arabic-Indic digits,
 * tatweel and harakat folded) and maps every match back to the exact characters of the line.
 * Columns are 1-based UTF-16 positions in the line as given. Work is linear in the text length.
 */
import { foldWithMap } from '../../arabic/normalize';
import { GREGORIAN_LEXICON, HIJRI_LEXICON, monthNumber } from '../../arabic/months';
import { WEEKDAY_PATTERN, WEEKDAYS, weekdayNumber } from '../../arabic/weekdays';
import { dateOfDayNumber, dayNumberOf, toIso, weekdayOfDayNumber, type YearMonthDay } from '../../arabic/gregorian';
import { dayNumberOfHijri } from '../../arabic/hijri';
import { warning, type PipelineMessage } from '../messages';

type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  /** YYYY-MM-DD, or YYYY-MM-01 / YYYY-01-01 for month/year precision. */
  iso: string;
  precision: DatePrecision;
  /** Exact substring of the line. */
  evidence: string;
  /** 1-based line number in the seed. */
  line: number;
  /** 1-based column (UTF-16 units). */
  column: number;
  calendar: 'gregorian' | 'hijri';
  /** 0 = Sunday … 6 = Saturday, when the text names one next to the date. */
  weekday: number | null;
  /** Introduced by اليوم / a publication label / a dateline at the start of the text. */
  anchored: boolean;
  /** Set when the text gave day and month only and the year was taken from the publication date. */
  yearInferred?: true;
}

export interface PublicationDate {
  published: string | null;
  precision: 'day' | 'month' | 'year' | 'unknown';
  /** The phrase that fixes the date, anchor included (e.g. "اليوم الأربعاء 29 يناير/كانون الثاني 2025"). */
  evidence: string | null;
  line: number | null;
}

/** Optional context for messages; `seedId` lets them name the sidecar file to edit. */
export interface DateContext {
  seedId?: string;
  /** Where the headline and the lead are (from headline.ts and furniture.ts), for page heads and banners. */
  layout?: PageLayout;
}

// ---------------------------------------------------------------------------------------------
// Patterns, all applied to folded text (see normalize.ts): أ/إ/آ → ا, ى → ي, ة → ه, digits → 0-9.

const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
/** "الأربعاء 29", "يوم الأربعاء، 29", "(الأربعاء) 29", "الأربعاء الموافق 29". */
const WEEKDAY = String.raw`(?:(?:يوم\s+)?(?:\(\s*(?<weekdayInParens>${WEEKDAY_PATTERN})\s*\)|(?<weekday>${WEEKDAY_PATTERN}))\s*[،,]?\s*(?:الموافق\s*[:،,]?\s*)?)`;
const DAY = String.raw`(?<day>[0-9]{1,2})\s*(?:[/\-]\s*)?(?:من\s+)?(?:شهر\s+)?`;
const GREGORIAN_MONTH = `(?:${GREGORIAN_LEXICON.pattern})`;
const HIJRI_MONTH = `(?:${HIJRI_LEXICON.pattern})`;
/** هـ (folded to ه), هجري, هجرية, للهجرة, من الهجرة. */
const HIJRI_MARK = String.raw`(?:ه(?:جريه|جري)?|للهجره|من\s+الهجره)`;
/** The optional Gregorian-era letter: 2025م / 2025 م. */
const AD_MARK = String.raw`(?:\s*م(?!\p{L}))?`;
/** Between month and year: "يناير 2022", "يناير، 2022", "يناير عام 2022", "يناير من العام 2022". */
const MONTH_YEAR_GAP = String.raw`\s*[،,/\-]?\s*(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?`;

/**
 * `[weekday] [day] month[/other naming] [year]` in the Gregorian calendar. Page furniture glues
 * digits to words (`منذ10يناير2022`, `10/يناير/2022`): a day may follow a letter and a year may
 * follow the month directly; a month without a day still needs a word boundary (`كتاب 2022`).
 */
const NAMED_GREGORIAN = new RegExp(
  `(?:(?:${START}${WEEKDAY})?(?<!\\p{N})${DAY}|${START})` +
    `(?<month>${GREGORIAN_MONTH})(?:\\s*(?:[/\\\\|\\-–—]|\\()?\\s*(?<month2>${GREGORIAN_MONTH})\\s*\\)?)?` +
    String.raw`(?![\p{L}])(?!\p{N}(?!\p{N}{3}))` +
    `(?:${MONTH_YEAR_GAP}(?<year>[0-9]{4})(?!\\p{N})${AD_MARK})?`,
  'gu',
);

/** `[weekday] [day] hijri-month year هـ`. The era mark is required: صفر and رمضان are also ordinary words. */
const NAMED_HIJRI = new RegExp(
  START +
    `(?:${WEEKDAY}?${DAY})?` +
    `(?<month>${HIJRI_MONTH})${MONTH_YEAR_GAP}(?<year>[0-9]{1,4})\\s*${HIJRI_MARK}` +
    END,
  'gu',
);

/** A Hijri year alone: `1446هـ`, `عام 1446 هـ`. */
const HIJRI_YEAR = new RegExp(
  START + String.raw`(?:(?:عام|العام|سنه|السنه)\s+)?(?<year>[0-9]{3,4})\s*${HIJRI_MARK}` + END,
  'gu',
);

/** What every match of NAMED_HIJRI and HIJRI_YEAR holds: a year's last digit and the Hijri mark. */
const MAY_BE_HIJRI = new RegExp(String.raw`[0-9]\s*${HIJRI_MARK}`, 'u');
/** What every match of NUMERIC_DMY and NUMERIC_YMD holds: two digits around a separator. */
const MAY_BE_NUMERIC = /[0-9][./-][0-9]/u;

const NUMERIC_START = String.raw`(?<![\p{L}\p{N}]|\p{N}[./-])`;
/** Without a weekday, the digits may follow a word directly (`أخبار محلية12-3-2023`), never another number. */
const NUMERIC_DAY_START = String.raw`(?:${NUMERIC_START}${WEEKDAY}|(?<![\p{N}]|\p{N}[./-]))`;
const NUMERIC_END = String.raw`(?![\p{N}]|[./-]\p{N})`;
/** `7/3/1429 هـ`: a numeric date with the Hijri era mark is a Hijri date (Al Jazeera's bylines). */
const NUMERIC_HIJRI = `(?:\\s*(?<hijri>${HIJRI_MARK})(?![\\p{L}]))?`;
/** A numeric year before this, without an era mark, is taken for an unmarked Hijri year, not a Gregorian one. */
const NUMERIC_MIN_GREGORIAN_YEAR = 1800;
/** Day first, as Arabic text writes it: 29/01/2025, 29-01-2025, 29.01.2025. */
const NUMERIC_DMY = new RegExp(
  NUMERIC_DAY_START + `(?<day>[0-9]{1,2})(?<sep>[./-])(?<month>[0-9]{1,2})\\k<sep>(?<year>[0-9]{4})` + NUMERIC_END + NUMERIC_HIJRI,
  'gu',
);
/** Year first: 2025-01-29, 2025/01/29. */
const NUMERIC_YMD = new RegExp(
  NUMERIC_DAY_START + `(?<year>[0-9]{4})(?<sep>[./-])(?<month>[0-9]{1,2})\\k<sep>(?<day>[0-9]{1,2})` + NUMERIC_END + NUMERIC_HIJRI,
  'gu',
);

/**
 * A year named as such: `عام 2021`, `العام 2022`, `سنة 1992` (the word is part of the evidence), or
 * after a preposition, `في 2021`, `منذ 2014` (the preposition is not). A bare number is never a year.
 */
const YEAR_WORD = new RegExp(
  START +
    String.raw`(?:(?<word>عام|العام|عامي|سنه|السنه)\s+|(?<prep>[وف]?(?:في|خلال|منذ|حتي|بحلول|مطلع|اواخر|اوائل))\s+)` +
    String.raw`(?<year>[0-9]{4})(?!\p{N})${AD_MARK}`,
  'gu',
);
/** After `في 2021` only a clause boundary or a function word may follow; `في 2000 حالة` is a count. */
const AFTER_PREPOSITION_YEAR = new RegExp(
  String.raw`^(?:\s*$|\s*[.،,؛;:!?؟)\]»"”'…-]|\s+[وف]?(?:في|من|الي|علي|عن|مع|بعد|قبل|حين|عندما|حيث|ثم|لكن|كما|حتي|اذ|او|ضد|بين|عبر|وفق|بسبب|خلال|الماضي|المقبل|الحالي|الجاري)` +
    END +
    ')',
  'u',
);
/** `2020-2021`: a span of years, not a date. */
const YEAR_RANGE_AFTER = /^\s*[-–—/]\s*[0-9]{2,4}(?![0-9])/u;
const YEAR_RANGE_BEFORE = /[0-9]{2,4}\s*[-–—/]\s*$/u;

/** "Today" right before a date: `اليوم الأربعاء 29 …`, `اليوم، 29 …`. */
const TODAY_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])[وف]?(?<today>اليوم)\s*[،,:]?\s*\(?\s*$`, 'u');
/** A publication label right before a date: `تاريخ النشر: …`, `نشر في …`, `نشر بتاريخ …`. */
const LABEL_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?<label>تاريخ\s+النشر|نشر\s+(?:في|بتاريخ)|تم\s+النشر)\s*[:،,]?\s*$`, 'u');
/** An update label: `آخر تحديث`, `محدثة`. It dates a version of the page, so it counts only when nothing else does. */
const UPDATED_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?<label>(?:تاريخ\s+)?اخر\s+تحديث|محدثه?|تم\s+التحديث)\s*[:،,]?\s*\(?\s*$`, 'u');
/**
 * A dateline without a dash: a place of one or two words right before the date, the date then
 * followed by the agency in brackets or slashes or by a dash (`دوشنبه 10 يناير 2022 (شينخوا)`).
 */
const PLACE_BEFORE = /^\s*[^\s\p{N}.!?؟:،,()\-–—]+(?:\s+[^\s\p{N}.!?؟:،,()\-–—]+)?\s+$/u;
const DATELINE_AFTER = /^\s*(?:[(/\-–—]|\|)/u;
/** Weather, prayer times and "today" mark a banner with the day the page was visited. */
const BANNER_WORDS = new RegExp(String.raw`°|(?<![\p{L}])(?:درجه|مشمس|غائم|ممطر|الطقس|الفجر|الظهر|العصر|المغرب|العشاء|الشروق|مواقيت\s+الصلاه)(?![\p{L}])`, 'u');
const TODAY_FIRST = /^\s*[وف]?اليوم(?![\p{L}])/u;
/** In the page head, a date line may hold besides its dates at most this many words (a byline, a label). */
const PAGE_DATE_MAX_WORDS = 6;

/**
 * How strongly a date is tied to the publication. 3: "today", a publication label, a dateline;
 * 2: a date line in the page head (a byline, a timestamp above the headline); 1: an update label.
 * Dates of strength 2 and 3 that disagree give no date and a conflicting-dates warning.
 */
type AnchorKind = 'today' | 'label' | 'dateline' | 'page-date' | 'updated';
const STRENGTH: Readonly<Record<AnchorKind, number>> = { today: 3, label: 3, dateline: 3, 'page-date': 2, updated: 1 };
/** A dateline: the line starts with the date, or with a place (≤ 4 words, optional "(agency)") and a dash or comma. */
const DATELINE_PREFIX = new RegExp(
  String.raw`^\s*(?:[^\s\p{N}.!?؟:،,()\-–—]+(?:\s+[^\s\p{N}.!?؟:،,()\-–—]+){0,3}\s*(?:\([^()\p{N}]{1,30}\)\s*)?[-–—،,:]\s*)?$`,
  'u',
);
/** How many non-empty lines from the top may carry a dateline (headline, dateline, lead). */
const DATELINE_LINES = 3;
/** A dateline's place and agency fit in this many characters; longer prefixes are never checked. */
const DATELINE_MAX_PREFIX = 80;
/** Cheap tests on the raw line, before folding: any digit (Latin, Arabic-Indic, Persian), or يوم. */
const MAY_HOLD_DATE = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const MAY_SAY_TODAY = /ي[\u064B-\u065F\u0670\u0640]*و[\u064B-\u065F\u0670\u0640]*م/;
/** How far back an anchor word ("اليوم", "تاريخ النشر") is looked for. */
const LOOKBEHIND = 40;
/** Only "الموافق" (and punctuation) between two dates: the second restates the first in the other calendar. */
const EQUIVALENT_BEFORE = new RegExp(String.raw`^\s*[-–—،,)]?\s*(?:\(\s*)?الموافق\s*(?:ل\s*)?[:،,]?\s*\(?\s*$`, 'u');
/** "Today" not followed by a date: reported when no publication date is found. */
const TODAY_WORD = new RegExp(START + `[وف]?(?<today>اليوم(?:\\s*[،,]?\\s*(?:${WEEKDAY_PATTERN}))?)` + END, 'gu');

/** Years a year-only mention may name; outside it `في 2254` is more likely a number than a year. */
const PLAIN_YEAR_RANGE = { min: 1000, max: 2199 } as const;
/** A day and month without a year take the publication year only within this many days of it. */
const YEAR_INFERENCE_WINDOW_DAYS = 60;

// ---------------------------------------------------------------------------------------------

type Resolved =
  | { kind: 'date'; iso: string; precision: DatePrecision; calendar: 'gregorian' | 'hijri'; weekday: number | null; datelineEligible: boolean }
  | { kind: 'yearless'; month: number; day: number; weekday: number | null }
  | { kind: 'impossible'; why: string }
  | { kind: 'ignored' };

/** A match in one line, in folded coordinates until it is mapped back. */
interface Candidate {
  start: number;
  end: number;
  resolved: Resolved;
}

/** One scanned line's findings, in source coordinates. */
interface Finding {
  line: number;
  start: number;
  end: number;
  evidence: string;
  resolved: Resolved;
  /** Where the anchoring phrase begins (اليوم, label or dateline), when anchored. */
  anchorStart: number | null;
  /** Anchored because it restates the anchored date just before it ("… الموافق …"). */
  linked: boolean;
  /** What ties it to the publication, when anchored. */
  kind: AnchorKind | null;
  /** Above the headline, with weather, prayer times or "today": the day the page was visited. */
  banner: boolean;
}

interface TodayWithoutDate {
  line: number;
  column: number;
  evidence: string;
}

interface Scan {
  findings: Finding[];
  todayWithoutDate: TodayWithoutDate[];
}

function weekdayOf(groups: Record<string, string | undefined>): number | null {
  const name = groups['weekday'] ?? groups['weekdayInParens'];
  return name === undefined ? null : weekdayNumber(name);
}

/** A Gregorian date at day precision, or why it cannot be one. */
function gregorianDay(date: YearMonthDay, weekday: number | null, datelineEligible: boolean): Resolved {
  if (dayNumberOf(date) === null) {
    return { kind: 'impossible', why: `${date.year}-${pad(date.month)} has no day ${date.day}` };
  }
  return { kind: 'date', iso: toIso(date), precision: 'day', calendar: 'gregorian', weekday, datelineEligible };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A Hijri period (a month or a year) as the finest Gregorian precision that contains all of it:
 * a Gregorian month when it falls inside one, else a Gregorian year, else nothing (it cannot be
 * written without claiming more than the text says).
 */
function coarsenHijriPeriod(first: number | null, last: number | null, datelineEligible: boolean): Resolved {
  if (first === null || last === null) return { kind: 'ignored' };
  const a = dateOfDayNumber(first);
  const b = dateOfDayNumber(last);
  if (a.year !== b.year) return { kind: 'ignored' };
  if (a.month === b.month) {
    return { kind: 'date', iso: toIso({ ...a, day: 1 }), precision: 'month', calendar: 'hijri', weekday: null, datelineEligible };
  }
  return { kind: 'date', iso: toIso({ year: a.year, month: 1, day: 1 }), precision: 'year', calendar: 'hijri', weekday: null, datelineEligible };
}

function hijriMonthBounds(year: number, month: number): [number | null, number | null] {
  const first = dayNumberOfHijri({ year, month, day: 1 });
  const next = month === 12 ? dayNumberOfHijri({ year: year + 1, month: 1, day: 1 }) : dayNumberOfHijri({ year, month: month + 1, day: 1 });
  return [first, next === null ? null : next - 1];
}

function resolveNamedGregorian(groups: Record<string, string | undefined>): Resolved {
  const month = monthNumber(GREGORIAN_LEXICON, groups['month'] ?? '');
  if (month === null) return { kind: 'ignored' };
  // "يناير/كانون الثاني" names one month twice; two different months are not one date.
  if (groups['month2'] !== undefined && monthNumber(GREGORIAN_LEXICON, groups['month2']) !== month) return { kind: 'ignored' };
  const weekday = weekdayOf(groups);
  const day = groups['day'] === undefined ? null : Number(groups['day']);
  const year = groups['year'] === undefined ? null : Number(groups['year']);
  if (day !== null && year !== null) return gregorianDay({ year, month, day }, weekday, true);
  if (day !== null) {
    if (day < 1 || day > 31) return { kind: 'ignored' };
    return { kind: 'yearless', month, day, weekday };
  }
  if (year !== null) {
    return { kind: 'date', iso: toIso({ year, month, day: 1 }), precision: 'month', calendar: 'gregorian', weekday: null, datelineEligible: true };
  }
  // A month name alone (مارس is also "he practised") is not a date.
  return { kind: 'ignored' };
}

function resolveNamedHijri(groups: Record<string, string | undefined>): Resolved {
  const month = monthNumber(HIJRI_LEXICON, groups['month'] ?? '');
  const year = Number(groups['year']);
  if (month === null || year < 1) return { kind: 'ignored' };
  if (groups['day'] === undefined) return coarsenHijriPeriod(...hijriMonthBounds(year, month), true);
  const day = Number(groups['day']);
  const dayNumber = dayNumberOfHijri({ year, month, day });
  if (dayNumber === null) return { kind: 'impossible', why: `Hijri month ${month} of ${year} has no day ${day}` };
  return { kind: 'date', iso: toIso(dateOfDayNumber(dayNumber)), precision: 'day', calendar: 'hijri', weekday: weekdayOf(groups), datelineEligible: true };
}

function resolveHijriYear(groups: Record<string, string | undefined>): Resolved {
  const year = Number(groups['year']);
  const first = dayNumberOfHijri({ year, month: 1, day: 1 });
  const next = dayNumberOfHijri({ year: year + 1, month: 1, day: 1 });
  return coarsenHijriPeriod(first, next === null ? null : next - 1, false);
}

function resolveNumeric(groups: Record<string, string | undefined>): Resolved {
  const date = { year: Number(groups['year']), month: Number(groups['month']), day: Number(groups['day']) };
  if (date.month < 1 || date.month > 12 || date.day < 1) return { kind: 'impossible', why: `${groups['month']} is not a month number` };
  if (groups['hijri'] !== undefined) {
    const dayNumber = dayNumberOfHijri(date);
    if (dayNumber === null) return { kind: 'impossible', why: `Hijri month ${date.month} of ${date.year} has no day ${date.day}` };
    return { kind: 'date', iso: toIso(dateOfDayNumber(dayNumber)), precision: 'day', calendar: 'hijri', weekday: weekdayOf(groups), datelineEligible: true };
  }
  // "7/3/1429" without its هـ is still a Hijri date: never file it under the year 1429.
  if (date.year < NUMERIC_MIN_GREGORIAN_YEAR) return { kind: 'ignored' };
  return gregorianDay(date, weekdayOf(groups), true);
}

/** All date-like matches of one folded line, overlapping ones resolved longest-leftmost. */
function scanFolded(folded: string): Candidate[] {
  const candidates: Candidate[] = [];
  const collect = (pattern: RegExp, resolve: (groups: Record<string, string | undefined>, match: RegExpMatchArray) => Resolved | null): void => {
    for (const match of folded.matchAll(pattern)) {
      const resolved = resolve(match.groups ?? {}, match);
      if (resolved !== null) candidates.push({ start: match.index, end: match.index + match[0].length, resolved });
    }
  };
  collect(NAMED_GREGORIAN, resolveNamedGregorian);
  // Patterns whose every match holds a short required piece are run only where the piece is.
  if (MAY_BE_HIJRI.test(folded)) {
    collect(NAMED_HIJRI, resolveNamedHijri);
    collect(HIJRI_YEAR, resolveHijriYear);
  }
  if (MAY_BE_NUMERIC.test(folded)) {
    collect(NUMERIC_DMY, resolveNumeric);
    collect(NUMERIC_YMD, resolveNumeric);
  }
  for (const match of folded.matchAll(YEAR_WORD)) {
    const groups = match.groups ?? {};
    const year = Number(groups['year']);
    const end = match.index + match[0].length;
    const after = folded.slice(end, end + 40);
    const yearStart = end - match[0].length + match[0].lastIndexOf(groups['year'] ?? '');
    if (year < PLAIN_YEAR_RANGE.min || year > PLAIN_YEAR_RANGE.max) continue;
    if (YEAR_RANGE_AFTER.test(after) || YEAR_RANGE_BEFORE.test(folded.slice(Math.max(0, yearStart - 12), yearStart))) continue;
    if (groups['prep'] !== undefined && !AFTER_PREPOSITION_YEAR.test(after)) continue;
    // A preposition introduces the year but is not part of it; "عام" is.
    const start = groups['prep'] !== undefined ? yearStart : match.index;
    candidates.push({
      start,
      end,
      resolved: { kind: 'date', iso: toIso({ year, month: 1, day: 1 }), precision: 'year', calendar: 'gregorian', weekday: null, datelineEligible: false },
    });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let reach = 0;
  for (const candidate of candidates) {
    if (candidate.start < reach || candidate.end <= candidate.start) continue;
    // An unusable match still claims its text: "عام 1446 هـ" must not become the Gregorian year 1446.
    reach = candidate.end;
    if (candidate.resolved.kind !== 'ignored') kept.push(candidate);
  }
  return kept;
}

/** Source index just past the folded range ending at `foldedEnd`. */
function sourceEnd(line: string, origin: readonly number[], foldedEnd: number): number {
  if (foldedEnd === 0) return origin[0] ?? 0;
  const last = origin[foldedEnd - 1] ?? 0;
  const codePoint = line.codePointAt(last) ?? 0;
  return last + (codePoint > 0xffff ? 2 : 1);
}

/** Where the page's headline and lead are, when the caller knows (1-based lines). */
interface PageLayout {
  headlineLine?: number | null;
  leadLine?: number | null;
}

/**
 * Lines of a visit-date banner: above the headline (or the lead), a line with weather or prayer
 * times or one that opens with "اليوم", and a date line right next to such a line. The calendar
 * test (weekday, Gregorian and Hijri together in the first two lines) is applied per finding.
 */
function bannerLines(lines: readonly string[], layout: PageLayout): Set<number> {
  const banners = new Set<number>();
  // Only a page with a headline has a masthead above it; a seed opening with "اليوم …" is dated by it.
  const top = layout.headlineLine ?? null;
  if (top === null) return banners;
  const above: number[] = [];
  for (let index = 0; index < top - 1 && index < lines.length; index++) if ((lines[index] ?? '').trim() !== '') above.push(index + 1);
  const marked = above.filter((n) => {
    const folded = foldWithMap(lines[n - 1] ?? '').folded;
    return BANNER_WORDS.test(folded) || TODAY_FIRST.test(folded);
  });
  for (const n of marked) {
    banners.add(n);
    const at = above.indexOf(n);
    for (const neighbour of [above[at - 1], above[at + 1]]) if (neighbour !== undefined && MAY_HOLD_DATE.test(lines[neighbour - 1] ?? '')) banners.add(neighbour);
  }
  return banners;
}

function scanLines(lines: readonly string[], layout: PageLayout = {}): Scan {
  const findings: Finding[] = [];
  const todayWithoutDate: TodayWithoutDate[] = [];
  const banners = bannerLines(lines, layout);
  const headline = layout.headlineLine ?? null;
  const lead = layout.leadLine ?? null;
  let nonEmptySeen = 0;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    nonEmptySeen++;
    // Every date has a digit and every "today" has يوم: most lines need no folding at all.
    if (!MAY_HOLD_DATE.test(line) && !(todayWithoutDate.length === 0 && MAY_SAY_TODAY.test(line))) return;
    const { folded, origin } = foldWithMap(line);
    const toSource = (at: number): number => origin[at] ?? line.length;
    const anchoredTodaySpans: Array<[number, number]> = [];
    const aboveHeadline = headline !== null ? lineNumber < headline : lead !== null && lineNumber < lead;
    // Between the headline and the lead, or the lead itself: where an article's dateline stands.
    const articleHead = lead !== null && lineNumber <= lead && !aboveHeadline;
    const inPageHead = lead !== null && lineNumber < lead;
    const candidates = scanFolded(folded);
    const lineFindings: Finding[] = [];
    let previous: (Finding & { foldedEnd: number }) | null = null;
    for (const candidate of candidates) {
      const offset = Math.max(0, candidate.start - LOOKBEHIND);
      const before = folded.slice(offset, candidate.start);
      const { resolved } = candidate;
      // "Today" and labels anchor a day or a month; "اليوم … عام 2021" says nothing about publication.
      const anchorable = resolved.kind === 'yearless' || (resolved.kind === 'date' && resolved.precision !== 'year');
      let anchorStart: number | null = null;
      let linked = false;
      let kind: AnchorKind | null = null;
      const today = anchorable ? TODAY_BEFORE.exec(before) : null;
      const label = anchorable && !today ? LABEL_BEFORE.exec(before) : null;
      const updated = anchorable && !today && !label ? UPDATED_BEFORE.exec(before) : null;
      const equivalent = previous !== null && previous.anchorStart !== null ? EQUIVALENT_BEFORE.exec(folded.slice(previous.foldedEnd, candidate.start)) : null;
      const datelineShaped =
        resolved.kind === 'date' &&
        resolved.datelineEligible &&
        candidate.start <= DATELINE_MAX_PREFIX &&
        (DATELINE_PREFIX.test(folded.slice(0, candidate.start)) ||
          (articleHead && PLACE_BEFORE.test(folded.slice(0, candidate.start)) && DATELINE_AFTER.test(folded.slice(candidate.end))));
      if (today?.groups?.['today'] !== undefined) {
        const at = offset + today.index + today[0].indexOf(today.groups['today']);
        anchorStart = toSource(at);
        anchoredTodaySpans.push([at, candidate.end]);
        kind = 'today';
      } else if (label?.groups?.['label'] !== undefined) {
        anchorStart = toSource(offset + label.index + label[0].indexOf(label.groups['label']));
        kind = 'label';
      } else if (updated?.groups?.['label'] !== undefined) {
        anchorStart = toSource(offset + updated.index + updated[0].indexOf(updated.groups['label']));
        kind = 'updated';
      } else if (equivalent !== null && previous !== null && resolved.kind === 'date') {
        // "28 رجب 1446 هـ الموافق 28 يناير 2025": the second date restates the anchored first one.
        anchorStart = previous.anchorStart;
        linked = true;
        kind = previous.kind;
      } else if (datelineShaped && (nonEmptySeen <= DATELINE_LINES || articleHead)) {
        anchorStart = line.length - line.trimStart().length;
        // Above the headline a date opening a line is a page timestamp, not the article's dateline.
        kind = aboveHeadline ? 'page-date' : 'dateline';
      } else if (
        resolved.kind === 'yearless' &&
        articleHead &&
        candidate.start <= DATELINE_MAX_PREFIX &&
        (DATELINE_PREFIX.test(folded.slice(0, candidate.start)) || PLACE_BEFORE.test(folded.slice(0, candidate.start))) &&
        DATELINE_AFTER.test(folded.slice(candidate.end))
      ) {
        // "دوشنبه في 15 سبتمبر / وام /": an agency dateline without a year. It never dates the
        // article alone, but a page date naming another day contradicts it.
        anchorStart = line.length - line.trimStart().length;
        kind = 'dateline';
      }
      const start = toSource(candidate.start);
      const end = sourceEnd(line, origin, candidate.end);
      const finding: Finding = { line: lineNumber, start, end, evidence: line.slice(start, end), resolved, anchorStart, linked, kind, banner: false };
      lineFindings.push(finding);
      previous = { ...finding, foldedEnd: candidate.end };
    }
    if (inPageHead && lineFindings.length > 0) {
      // A line of the page head that is only dates, times and a few words (a byline, a label, a
      // section name) dates the page: "كتب أحمد جمال - الأربعاء، 29 يناير 2025 04:30 م".
      let residue = folded;
      for (const candidate of [...candidates].reverse()) residue = residue.slice(0, candidate.start) + ' ' + residue.slice(candidate.end);
      const otherWords = residue.split(/[\s|/،,:()\-–—]+/u).filter((word) => /\p{L}{2}/u.test(word)).length;
      if (otherWords <= PAGE_DATE_MAX_WORDS) {
        for (const finding of lineFindings) {
          if (finding.kind === null && finding.resolved.kind === 'date' && finding.resolved.precision !== 'year') {
            finding.kind = 'page-date';
            finding.anchorStart = finding.start;
          }
        }
      }
    }
    // A "today is …" strip above the masthead: weekday, Gregorian and Hijri dates in one of the first two lines.
    const calendars = new Set(lineFindings.flatMap((f) => (f.resolved.kind === 'date' && f.resolved.precision === 'day' ? [f.resolved.calendar] : [])));
    const todayStrip = headline !== null && aboveHeadline && nonEmptySeen <= 2 && calendars.size === 2 && lineFindings.some((f) => f.resolved.kind === 'date' && f.resolved.weekday !== null);
    if (banners.has(lineNumber) || todayStrip) {
      for (const finding of lineFindings) {
        finding.banner = true;
        finding.anchorStart = null;
        finding.kind = null;
      }
    }
    findings.push(...lineFindings);
    // Only the first unanchored "today" is reported, so one scan per line at most until it is found.
    if (todayWithoutDate.length > 0 || banners.has(lineNumber) || todayStrip) return;
    let span = 0;
    for (const match of folded.matchAll(TODAY_WORD)) {
      const at = match.index + match[0].indexOf(match.groups?.['today'] ?? '');
      // Both lists run left to right, so one pointer skips the "today"s that anchor a date.
      while (span < anchoredTodaySpans.length && (anchoredTodaySpans[span]?.[1] ?? 0) <= at) span++;
      const covering = anchoredTodaySpans[span];
      if (covering !== undefined && covering[0] <= at) continue;
      const start = toSource(at);
      const end = sourceEnd(line, origin, match.index + match[0].length);
      todayWithoutDate.push({ line: lineNumber, column: start + 1, evidence: line.slice(start, end) });
      break;
    }
  });
  return { findings, todayWithoutDate };
}

function mentionOf(finding: Finding, resolved: Extract<Resolved, { kind: 'date' }>): DateMention {
  return {
    iso: resolved.iso,
    precision: resolved.precision,
    evidence: finding.evidence,
    line: finding.line,
    column: finding.start + 1,
    calendar: resolved.calendar,
    weekday: resolved.weekday,
    anchored: finding.anchorStart !== null,
  };
}

/**
 * Give a day and month without a year the year of the text's publication date — only when that
 * reading lies within YEAR_INFERENCE_WINDOW_DAYS of it (so the same-year reading is the nearest by
 * far) and agrees with any weekday named. Otherwise the mention is dropped: never invented.
 */
function inferYear(finding: Finding, resolved: Extract<Resolved, { kind: 'yearless' }>, anchor: DateMention | undefined): DateMention | null {
  if (anchor === undefined || anchor.precision !== 'day' || finding.anchorStart !== null) return null;
  const anchorDay = dayNumberOf({ year: Number(anchor.iso.slice(0, 4)), month: Number(anchor.iso.slice(5, 7)), day: Number(anchor.iso.slice(8, 10)) });
  const date = { year: Number(anchor.iso.slice(0, 4)), month: resolved.month, day: resolved.day };
  const dayNumber = dayNumberOf(date);
  if (anchorDay === null || dayNumber === null || Math.abs(dayNumber - anchorDay) > YEAR_INFERENCE_WINDOW_DAYS) return null;
  if (resolved.weekday !== null && resolved.weekday !== weekdayOfDayNumber(dayNumber)) return null;
  return {
    iso: toIso(date),
    precision: 'day',
    evidence: finding.evidence,
    line: finding.line,
    column: finding.start + 1,
    calendar: 'gregorian',
    weekday: resolved.weekday,
    anchored: false,
    yearInferred: true,
  };
}

function mentionsOf(scan: Scan): DateMention[] {
  const mentions: DateMention[] = [];
  for (const finding of scan.findings) {
    if (finding.resolved.kind === 'date') mentions.push(mentionOf(finding, finding.resolved));
  }
  const anchor = mentions.find((mention) => mention.anchored && mention.precision === 'day');
  for (const finding of scan.findings) {
    if (finding.resolved.kind !== 'yearless') continue;
    const inferred = inferYear(finding, finding.resolved, anchor);
    if (inferred !== null) mentions.push(inferred);
  }
  return mentions.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every date the text mentions, in reading order; `lines[i]` is line i+1 (boilerplate lines passed as ''). */
export function findDateMentions(lines: readonly string[]): DateMention[] {
  return mentionsOf(scanLines(lines));
}

function sidecarPath(context: DateContext): string {
  return `seeds/${context.seedId ?? '<id>'}.meta.yaml`;
}

function quote(text: string): string {
  return `“${text}”`;
}

/** The publication date of an article and the warnings met while finding it; never guesses. */
export function extractPublicationDate(
  lines: readonly string[],
  context: DateContext = {},
): { date: PublicationDate; messages: PipelineMessage[] } {
  const scan = scanLines(lines, context.layout);
  const mentions = mentionsOf(scan);
  const messages: PipelineMessage[] = [];
  const sidecar = sidecarPath(context);

  for (const finding of scan.findings) {
    if (finding.resolved.kind !== 'impossible') continue;
    messages.push(
      warning(
        'impossible-date',
        `${quote(finding.evidence)} on line ${finding.line} is written as a date but no such day exists (${finding.resolved.why}), so it is ignored. ` +
          `Check the source; if it gives the publication date, add "published: YYYY-MM-DD" and "reason: …" to ${sidecar}.`,
        { line: finding.line, column: finding.start + 1 },
      ),
    );
  }

  for (const mention of mentions) {
    if (mention.weekday === null || mention.precision !== 'day') continue;
    const [year, month, day] = mention.iso.split('-').map(Number) as [number, number, number];
    const dayNumber = dayNumberOf({ year, month, day });
    if (dayNumber === null) continue;
    const actual = weekdayOfDayNumber(dayNumber);
    if (actual === mention.weekday) continue;
    messages.push(
      warning(
        'weekday-mismatch',
        `${quote(mention.evidence)} on line ${mention.line} names ${WEEKDAYS[mention.weekday]}, but ${mention.iso} fell on ${WEEKDAYS[actual]}; ` +
          `the weekday or the date is wrong in the source. The date is kept as written; if it is the wrong one, set "published" and "reason" in ${sidecar}.`,
        { line: mention.line, column: mention.column },
      ),
    );
  }

  // A Hijri date whose weekday its conversion contradicts was reckoned by another calendar than
  // Umm al-Qura (sighting, a site's own tables): it cannot fix the day.
  const reliable = (mention: DateMention): boolean => {
    if (mention.calendar !== 'hijri' || mention.weekday === null || mention.precision !== 'day') return true;
    const day = dayNumberOfIso(mention.iso);
    return day === null || weekdayOfDayNumber(day) === mention.weekday;
  };
  const anchored = mentions.filter((mention) => mention.anchored && reliable(mention));
  const first = anchored[0];
  if (first === undefined) {
    messages.push(missingDate(scan, mentions, sidecar));
    return { date: { published: null, precision: 'unknown', evidence: null, line: null }, messages };
  }

  // One lookup table, so that weighing many anchored dates stays linear.
  const byPlace = new Map(scan.findings.map((f) => [`${f.line}:${f.start + 1}`, f]));
  const findingOf = (mention: DateMention): Finding | undefined => byPlace.get(`${mention.line}:${mention.column}`);
  const strength = (mention: DateMention): number => STRENGTH[findingOf(mention)?.kind ?? 'dateline'];
  // Update stamps count only when nothing stronger dates the page.
  const plausible = anchored.filter((mention) => strength(mention) >= 2);
  const pool = (plausible.length > 0 ? plausible : anchored).slice().sort((a, b) => strength(b) - strength(a) || a.line - b.line || a.column - b.column);
  let chosen = pool[0] ?? first;
  // A Hijri date restated in Gregorian ("… الموافق 29 يناير 2025") defers to the Gregorian one: where
  // a month begins by sighting, it can differ by a day from the Umm al-Qura tables.
  if (chosen.calendar === 'hijri') chosen = pool.find((m) => m.calendar === 'gregorian' && sameDate(m, chosen)) ?? chosen;

  const conflict = (mention: DateMention): boolean => !sameDate(mention, chosen);
  const other = pool.find(conflict);
  const yearless = chosen.precision === 'day' ? scan.findings.find((f) => f.resolved.kind === 'yearless' && f.anchorStart !== null && !yearlessAgrees(f.resolved, chosen)) : undefined;
  if (other !== undefined || yearless !== undefined) {
    const second = other ?? { evidence: yearless?.evidence ?? '', line: yearless?.line ?? 0, column: (yearless?.start ?? 0) + 1, iso: 'a different day' };
    const [a, b] = second.line < chosen.line || (second.line === chosen.line && second.column < chosen.column) ? [second, chosen] : [chosen, second];
    messages.push(
      warning(
        'conflicting-dates',
        `The text ties two different dates to its publication: ${quote(a.evidence)} (line ${a.line}, ${a.iso}) and ` +
          `${quote(b.evidence)} (line ${b.line}, ${b.iso}), so "published" is left empty rather than picked. ` +
          `Check the source and set "published" and "reason" in ${sidecar}.`,
        { line: second.line, column: second.column },
      ),
    );
    return { date: { published: null, precision: 'unknown', evidence: null, line: null }, messages };
  }

  const hijri = pool.find((m) => m.calendar === 'hijri' && m.precision === 'day' && chosen.precision === 'day' && m.iso !== chosen.iso);
  if (hijri !== undefined && chosen.calendar === 'gregorian') {
    messages.push(
      warning(
        'hijri-day-differs',
        `${quote(hijri.evidence)} (line ${hijri.line}) converts to ${hijri.iso}, a day from the Gregorian ${quote(chosen.evidence)}; where a month begins by sighting the calendars can differ so, ` +
          `and ${chosen.iso} is kept. If the Gregorian date is the wrong one, set "published" and "reason" in ${sidecar}.`,
        { line: hijri.line, column: hijri.column },
      ),
    );
  }

  const finding = findingOf(chosen);
  const line = lines[chosen.line - 1] ?? '';
  const evidence = finding?.anchorStart != null ? line.slice(finding.anchorStart, finding.end) : chosen.evidence;
  return { date: { published: chosen.iso, precision: chosen.precision, evidence, line: chosen.line }, messages };
}

function dayNumberOfIso(iso: string): number | null {
  return dayNumberOf({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });
}

/**
 * Do two mentions name the same publication day? Equal days; a month or year that contains the
 * day; a Hijri and a Gregorian day one apart (sighting against tables).
 */
function sameDate(a: DateMention, b: DateMention): boolean {
  if (a.precision === 'day' && b.precision === 'day') {
    const x = dayNumberOfIso(a.iso);
    const y = dayNumberOfIso(b.iso);
    if (x === null || y === null) return a.iso === b.iso;
    return x === y || (a.calendar !== b.calendar && Math.abs(x - y) <= 1);
  }
  const width = a.precision === 'year' || b.precision === 'year' ? 4 : 7;
  return a.iso.slice(0, width) === b.iso.slice(0, width);
}

/** Does a day and month without a year (a dateline "15 سبتمبر") agree with the chosen date? */
function yearlessAgrees(resolved: Extract<Resolved, { kind: 'yearless' }>, chosen: DateMention): boolean {
  return Number(chosen.iso.slice(5, 7)) === resolved.month && Number(chosen.iso.slice(8, 10)) === resolved.day;
}

/** The missing-date warning: what the text does say about time, and how to supply the date. */
function missingDate(scan: Scan, mentions: readonly DateMention[], sidecar: string): PipelineMessage {
  const seen: string[] = [];
  const today = scan.todayWithoutDate[0];
  if (today !== undefined) {
    seen.push(`the text says ${quote(today.evidence)} (line ${today.line}) but gives no date next to it`);
  }
  const anchoredYearless = scan.findings.find((f) => f.resolved.kind === 'yearless' && f.anchorStart !== null);
  if (anchoredYearless !== undefined) {
    seen.push(`${quote(anchoredYearless.evidence)} (line ${anchoredYearless.line}) gives no year`);
  }
  const banner = scan.findings.find((f) => f.banner);
  if (banner !== undefined) {
    seen.push(`${quote(banner.evidence)} (line ${banner.line}) stands in a banner above the article with the day the page was visited, not the day it was published`);
  }
  if (mentions.length > 0) {
    const examples = mentions.slice(0, 3).map((m) => `${quote(m.evidence)} on line ${m.line}`);
    seen.push(`the dates it mentions (${examples.join(', ')}${mentions.length > 3 ? ', …' : ''}) are not tied to the day of publication`);
  }
  if (seen.length === 0) seen.push('the text contains no date at all');
  return warning(
    'missing-date',
    `No publication date found: ${seen.join('; ')}. "published" is left empty rather than guessed. ` +
      `If you know the date, add "published: YYYY-MM-DD" and "reason: <where the date comes from>" to ${sidecar}.`,
    today !== undefined ? { line: today.line, column: today.column } : {},
  );
}
