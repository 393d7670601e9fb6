/**
 * Furniture by structure: the lines of a pasted web page that no rule in content/boilerplate.yaml
 * names yet but whose shape gives them away — a line without Arabic, a language switcher, a row of
 * share and print buttons, the titles listed under "read also", the short unpunctuated lines
 * above the lead and below the last sentence, a line repeated across several seeds of one site.
 * Each detector is small and named; its id is the rule recorded with every line it removes.
 * Lines that read like article text are never removed here (see text-features.ts).
 */
import { foldArabic } from '../../arabic/normalize';
import type { RemovedLine } from './clean';
import type { RemovalId } from '../rules';
import { endsLikeSentence } from './structure';
import { foldWord, hasArabic, isProse, isTextLike, words } from '../text/text-features';

/** Rule ids of the structural detectors, as recorded in provenance (registered in rules.ts). */
const FURNITURE_RULES = {
  nonArabic: 'non-arabic-line',
  languageSwitcher: 'language-switcher',
  widget: 'ui-widget',
  linkList: 'link-list',
  repeated: 'repeated-across-seeds',
  pageHead: 'page-head',
  pageTail: 'page-tail',
  ticker: 'news-ticker',
} as const satisfies Record<string, RemovalId>;

/** Arabic-script names of languages, as language switchers print them. */
const LANGUAGE_NAMES = new Set(['العربية', 'عربي', 'فارسی', 'فارسي', 'اردو', 'کوردی', 'كوردي', 'الإنجليزية', 'الفرنسية'].map((w) => foldArabic(w)));

/**
 * Words of page widgets: sharing, following, printing, commenting, subscribing, navigating. A line
 * made of these alone is a control of the page, not a sentence of the article.
 */
const WIDGET_WORDS = new Set(
  [
    'شارك', 'شاركوا', 'شاركها', 'مشاركة', 'المقال', 'الخبر', 'الصفحة', 'هذه', 'طباعة', 'اطبع', 'للطباعة', 'نسخة', 'إرسال', 'ارسال', 'أرسل', 'لصديق',
    'تعليق', 'تعليقات', 'التعليقات', 'أضف', 'تعليقك', 'تعليقاً', 'تعليقا', 'حفظ', 'نسخ', 'الرابط', 'تم', 'تويتر', 'فيسبوك', 'فيس', 'بوك', 'واتساب', 'واتس', 'أب',
    'تيليغرام', 'تليجرام', 'تلغرام', 'تلجرام', 'إنستغرام', 'انستغرام', 'يوتيوب', 'لينكدإن', 'لينكد', 'إن', 'تابعونا', 'تابعنا', 'تابعوا', 'تابع', 'على', 'عبر',
    'اشترك', 'اشتركوا', 'النشرة', 'الإخبارية', 'البريدية', 'نشرتنا', 'البريد', 'الإلكتروني', 'الاسم', 'حجم', 'الخط', 'إغلاق', 'النافذة', 'الرجوع', 'إلى',
    'الأعلى', 'فيديو', 'صور', 'بث', 'مباشر', 'عاجل', 'المزيد', 'اقرأ', 'أيضا', 'أيضاً', 'شاهد', 'الأكثر', 'قراءة', 'مشاهدة', 'تداولا', 'كلمات', 'مفتاحية',
    'الوسوم', 'الكلمات', 'المفتاحية', 'لا', 'توجد', 'سياسة', 'الخصوصية', 'اتصل', 'بنا', 'من', 'نحن', 'الرئيسية', 'القائمة', 'بحث', 'دخول', 'تسجيل', 'الخروج',
    'خبر', 'عاجل', 'المصدر', 'رابط', 'مختصر', 'ذات', 'صلة', 'أخبار', 'اخبار',
  ].map((w) => foldArabic(w)),
);

/** Longest widget or language line, in words. */
const WIDGET_MAX_WORDS = 8;
/** Longest line without Arabic removed as page furniture, in words. */
const NON_ARABIC_MAX_WORDS = 12;
/** Longest link title in a "read also" list, in words. */
const LINK_MAX_WORDS = 20;

/** Dash-led interview turns are article text whatever their length. */
const TURN = /^[–—-]\s/u;

function removeAt(out: string[], removed: RemovedLine[], original: readonly string[], index: number, rule: RemovalId): void {
  removed.push({ line: index + 1, text: original[index] ?? out[index] ?? '', rule });
  out[index] = '';
}

/** The detector that recognises one line on its own wherever it stands, or null. */
export function lineFurnitureRule(text: string): RemovalId | null {
  const line = text.trim();
  if (line === '') return null;
  // A ticker: several headlines on one line, held apart by runs of spaces or tabs, not sentences.
  const segments = line.split(/\s{3,}|\t+/u).filter((part) => part.trim() !== '');
  if (segments.length >= 4 && segments.filter((part) => !isProse(part.trim())).length >= segments.length - 1) return FURNITURE_RULES.ticker;
  if (TURN.test(line) || isTextLike(line)) return null;
  const list = words(line);
  if (list.length === 0) return null;
  const tokens = line.split(/[\s|/·•،,:()\-–—«»"]+/u).filter((t) => /\p{L}/u.test(t));
  const arabicTokens = tokens.filter((t) => hasArabic(t));
  if (arabicTokens.length < tokens.length && arabicTokens.length > 0 && arabicTokens.every((t) => LANGUAGE_NAMES.has(foldWord(t)))) return FURNITURE_RULES.languageSwitcher;
  if (list.length <= WIDGET_MAX_WORDS && arabicTokens.length > 0 && tokens.every((t) => WIDGET_WORDS.has(foldWord(t)) || !hasArabic(t))) return FURNITURE_RULES.widget;
  return null;
}

/** Could this line be the title of a linked article (short, no closing full stop)? */
function looksLikeLinkTitle(text: string): boolean {
  const line = text.trim();
  const n = words(line).length;
  // Link titles may be bulleted with a dash ("- ليبيا: …"), unlike interview turns they are short.
  return n > 0 && n <= LINK_MAX_WORDS && !isProse(line) && (!endsLikeSentence(line) || /[?؟:]$/u.test(line));
}

/**
 * Phase one, before the headline is chosen: detectors that judge a line by itself, the titles under
 * a "read also" heading (`listStarts`, the lines removed by a rule with `list: true`), and lines the
 * caller found repeated across several seeds of one site. `original` gives the verbatim lines.
 */
export function removeLineFurniture(
  lines: readonly string[],
  original: readonly string[],
  listStarts: ReadonlySet<number>,
  repeated: ReadonlySet<string> = new Set(),
): { lines: string[]; removed: RemovedLine[] } {
  const out = [...lines];
  const removed: RemovedLine[] = [];
  // A line repeated across seeds counts only above the first or below the last sentence: in the
  // body it may be a subheading that several articles share.
  const bounds = repeated.size > 0 ? proseBounds(lines) : null;
  // The next non-blank line after each line, computed once (a list may be long).
  const nextText: Array<string | undefined> = new Array(out.length);
  for (let index = out.length - 1, next: string | undefined; index >= 0; index--) {
    nextText[index] = next;
    if ((out[index] ?? '').trim() !== '') next = out[index];
  }
  let inList = false;
  for (let index = 0; index < out.length; index++) {
    const text = (out[index] ?? '').trim();
    if (listStarts.has(index + 1)) {
      inList = true;
      continue;
    }
    if (text === '') continue;
    if (inList) {
      // A short line followed by prose is a subheading of the article and the list has ended,
      // unless a bullet marks it as one more item.
      const next = nextText[index];
      const bulleted = /^[-–—•*·]\s/u.test(text);
      if (looksLikeLinkTitle(text) && (bulleted || !(next !== undefined && isProse(next)))) {
        removeAt(out, removed, original, index, FURNITURE_RULES.linkList);
        continue;
      }
      inList = false;
    }
    const rule = lineFurnitureRule(text);
    if (rule) removeAt(out, removed, original, index, rule);
    else if (repeated.has(text) && !isTextLike(text) && bounds !== null && (index < bounds.first || index > bounds.last)) {
      removeAt(out, removed, original, index, FURNITURE_RULES.repeated);
    }
  }
  return { lines: out, removed };
}

/** 0-based indexes of the first and last prose lines, or null when the text has none. */
export function proseBounds(lines: readonly string[]): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  lines.forEach((line, index) => {
    if (line.trim() !== '' && isProse(line.trim())) {
      if (first < 0) first = index;
      last = index;
    }
  });
  return first < 0 ? null : { first, last };
}

/** A line without Arabic letters (a menu in Latin, a switcher, a Latin tag line), short enough to be chrome. */
function isNonArabicLine(text: string): boolean {
  return !hasArabic(text) && /\p{L}/u.test(text) && words(text).length <= NON_ARABIC_MAX_WORDS;
}

/** A date or time stamp with at most a label beside it: "تاريخ آخر تحديث: 2023-11-16 13:45:12", "12:37". */
function isStampLine(text: string): boolean {
  const stamp = /[0-9\u0660-\u0669]{1,4}[-/.][0-9\u0660-\u0669]{1,2}[-/.][0-9\u0660-\u0669]{1,4}|[0-9\u0660-\u0669]{1,2}:[0-9\u0660-\u0669]{2}/u;
  return stamp.test(text) && words(text).filter((word) => /\p{L}{2}/u.test(word)).length <= 5;
}

/** A dateline on its own line: a place and a publisher or agency around a dash or slash ("دوشنبه – سبأنت:"). */
function isDatelineLine(text: string): boolean {
  return /^[^.!?؟،,]{2,40}\s*[-–—/]\s*[^.!?؟،,]{1,40}:?$/u.test(text) && words(text).filter((word) => /\p{L}{2}/u.test(word)).length <= 4;
}

/** Lines that are furniture by their own shape and so show that their zone is page chrome. */
function isChromeShaped(text: string): boolean {
  return isNonArabicLine(text) || isStampLine(text) || isDatelineLine(text);
}

/** Ends with a full stop, colon, question or exclamation mark: a sentence, whatever its length. */
function endsWithSentenceMark(text: string): boolean {
  return /[.!?؟:…]["'”»)\]]*$/u.test(text);
}

/**
 * Phase two, once the headline is known: the page head (lines above the lead other than the
 * headline) and the page tail (lines below the last sentence) hold site names, menus, bylines,
 * date lines, captions and widgets. Evidence is needed, as jusText asks of a short block's
 * neighbours: above a chosen headline every line is masthead; elsewhere in the head or tail a
 * short line goes only when the same zone already holds furniture a rule or detector named
 * (`removedBefore`). Lines that read like text, or end like a sentence, stay.
 */
export function removePageChrome(
  lines: readonly string[],
  original: readonly string[],
  headlineLine: number | null,
  removedBefore: ReadonlySet<number> = new Set(),
): { lines: string[]; removed: RemovedLine[] } {
  const out = [...lines];
  const removed: RemovedLine[] = [];
  const bounds = proseBounds(out);
  if (!bounds) return { lines: out, removed };
  const head = (line: number): boolean => line - 1 < bounds.first;
  const tail = (line: number): boolean => line - 1 > bounds.last;
  const headHasFurniture = [...removedBefore].some(head) || out.some((l, i) => i < bounds.first && l.trim() !== '' && isChromeShaped(l.trim()));
  const tailHasFurniture = [...removedBefore].some(tail) || out.some((l, i) => i > bounds.last && l.trim() !== '' && isChromeShaped(l.trim()));
  out.forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '' || line === headlineLine || TURN.test(text) || isTextLike(text)) return;
    if (head(line)) {
      const aboveHeadline = headlineLine !== null && line < headlineLine;
      if (aboveHeadline || isChromeShaped(text) || ((headlineLine !== null || headHasFurniture) && !endsWithSentenceMark(text))) {
        removeAt(out, removed, original, index, isNonArabicLine(text) ? FURNITURE_RULES.nonArabic : FURNITURE_RULES.pageHead);
      }
    } else if (tail(line) && (isChromeShaped(text) || (tailHasFurniture && !endsWithSentenceMark(text)))) {
      removeAt(out, removed, original, index, isNonArabicLine(text) ? FURNITURE_RULES.nonArabic : FURNITURE_RULES.pageTail);
    }
  });
  return { lines: out, removed };
}

/** Seeds that must share a line before it counts as a site's furniture. */
const REPEATED_MIN_SEEDS = 3;
/** Longest line, in words, that is counted across seeds. */
const REPEATED_MAX_WORDS = 8;

/**
 * Counts short lines across the seeds of a run, so that a site's own furniture (its name, its
 * menu, its footer) shows itself by recurring in several pages. Feed every seed's lines with `add`,
 * then pass `repeated()` to the pipeline as `repeatedLines`. Memory holds short lines only.
 */
export class RepeatedLineCounter {
  private readonly seen = new Map<string, number>();

  /**
   * The distinct short lines of one seed, the ones this counter would count: what `add` counts
   * and, once the run's repeated lines are known, the only ones of them the seed can meet.
   */
  static shortLines(lines: readonly string[]): string[] {
    const distinct = new Set<string>();
    for (const raw of lines) {
      const text = raw.trim();
      const n = words(text).length;
      if (n > 0 && n <= REPEATED_MAX_WORDS && !isProse(text)) distinct.add(text);
    }
    return [...distinct];
  }

  /** Count the distinct short lines of one seed. */
  add(lines: readonly string[]): void {
    this.addShortLines(RepeatedLineCounter.shortLines(lines));
  }

  /** Count a seed by its `shortLines`, computed earlier (ingest keeps them between runs). */
  addShortLines(shortLines: readonly string[]): void {
    for (const text of new Set(shortLines)) this.seen.set(text, (this.seen.get(text) ?? 0) + 1);
  }

  /** The lines found in at least `minSeeds` seeds. */
  repeated(minSeeds = REPEATED_MIN_SEEDS): Set<string> {
    return new Set([...this.seen].filter(([, count]) => count >= minSeeds).map(([text]) => text));
  }
}
