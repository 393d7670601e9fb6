/**
 * Month names as Arabic news text writes them: the Gregorian months in both namings (يناير… of
 * Egypt and the Gulf, كانون الثاني… of the Levant and Iraq, plus the Maghrebi forms), and the Hijri
 * months, each with the spelling variants met in print. Matching is done on folded text
 * (`foldArabic`), so hamza, alef maqsura and ta marbuta variants need not be listed twice.
 */
import { foldArabic } from './normalize';

/** The names used when the archive writes a Gregorian month itself (index 0 = January). */
export const GREGORIAN_MONTHS: readonly string[] = [
  'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو',
  'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
];

/** The Levantine names, the second half of the combined form "يناير/كانون الثاني". */
export const LEVANTINE_MONTHS: readonly string[] = [
  'كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران',
  'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول',
];

/** The Hijri month names as the Umm al-Qura calendar writes them (index 0 = محرم). */
export const HIJRI_MONTHS: readonly string[] = [
  'محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة',
  'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة',
];

/** Every accepted spelling of each Gregorian month, January first. */
const GREGORIAN_SPELLINGS: readonly (readonly string[])[] = [
  ['يناير', 'جانفي', 'كانون الثاني', 'كانون ثاني'],
  ['فبراير', 'فيفري', 'شباط'],
  ['مارس', 'آذار'],
  ['أبريل', 'إبريل', 'أفريل', 'نيسان'],
  ['مايو', 'ماي', 'أيار'],
  ['يونيو', 'يونيه', 'جوان', 'حزيران'],
  ['يوليو', 'يوليه', 'يوليوز', 'جويلية', 'تموز'],
  ['أغسطس', 'أغسطوس', 'غشت', 'أوت', 'آب'],
  ['سبتمبر', 'شتنبر', 'أيلول'],
  ['أكتوبر', 'تشرين الأول', 'تشرين أول'],
  ['نوفمبر', 'نونبر', 'تشرين الثاني', 'تشرين ثاني'],
  ['ديسمبر', 'دجنبر', 'كانون الأول', 'كانون أول'],
];

/** Every accepted spelling of each Hijri month, محرم first. */
const HIJRI_SPELLINGS: readonly (readonly string[])[] = [
  ['محرم', 'المحرم'],
  ['صفر'],
  ['ربيع الأول', 'ربيع أول'],
  ['ربيع الآخر', 'ربيع الثاني', 'ربيع آخر', 'ربيع ثاني'],
  ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى'],
  ['جمادى الآخرة', 'جمادى الآخر', 'جمادى الثانية', 'جمادى ثانية'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  ['ذو القعدة', 'ذي القعدة', 'ذو القعده'],
  ['ذو الحجة', 'ذي الحجة'],
];

/** A folded spelling → month number (1–12) table, and a regex source matching any spelling. */
export interface MonthLexicon {
  /** Folded spelling with single spaces → month number 1–12. */
  readonly byName: ReadonlyMap<string, number>;
  /** Regex alternation (no groups) matching any folded spelling, longest first, spaces as `\s+`. */
  readonly pattern: string;
}

function buildLexicon(spellings: readonly (readonly string[])[]): MonthLexicon {
  const byName = new Map<string, number>();
  spellings.forEach((names, index) => {
    for (const name of names) byName.set(foldArabic(name), index + 1);
  });
  // Longest first so "كانون الثاني" wins over a shorter name sharing its start.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const pattern = names.map((name) => name.split(' ').map(escapeRegex).join('\\s+')).join('|');
  return { byName, pattern };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gregorian month spellings, folded. */
export const GREGORIAN_LEXICON: MonthLexicon = buildLexicon(GREGORIAN_SPELLINGS);
/** Hijri month spellings, folded. */
export const HIJRI_LEXICON: MonthLexicon = buildLexicon(HIJRI_SPELLINGS);

/** Month number (1–12) of a folded month name as matched in text (any run of spaces allowed). */
export function monthNumber(lexicon: MonthLexicon, foldedName: string): number | null {
  return lexicon.byName.get(foldedName.trim().split(/\s+/).join(' ')) ?? null;
}
