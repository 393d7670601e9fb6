/** Arabic strings of the search page and the header search entry, in one place. */
import type { Facet } from '../search/record';
import type { SortOrder } from '../search/url-state';

const plural = new Intl.PluralRules('ar');

/** "١ نتيجة", "نتيجتان", "٣ نتائج" … with Latin digits, as the rest of the site writes numbers. */
function resultCount(count: number): string {
  switch (plural.select(count)) {
    case 'zero':
      return 'لا نتائج';
    case 'one':
      return 'نتيجة واحدة';
    case 'two':
      return 'نتيجتان';
    case 'few':
      return `${count} نتائج`;
    default:
      return `${count} نتيجة`;
  }
}

export const searchStrings = {
  pageTitle: 'البحث في الأرشيف',
  pageDescription: 'ابحث في نصوص المقالات بالعربية أو بأسماء الأعلام بالإنجليزية، وصفِّ النتائج بالسنة والمصدر والأشخاص والأماكن والمنظمات.',
  label: 'ابحث في الأرشيف',
  placeholder: 'اكتب كلمة أو اسماً، مثل: طاجيكستان أو CSTO',
  submit: 'بحث',
  entryLabel: 'بحث',
  shortcutHint: 'اضغط / أو Ctrl+K للبحث',
  filters: 'تصفية النتائج',
  facet: {
    year: 'السنة',
    source: 'المصدر',
    person: 'الأشخاص',
    place: 'الأماكن',
    organization: 'المنظمات',
  } satisfies Record<Facet, string>,
  sortLabel: 'الترتيب',
  sort: { relevance: 'الأقرب إلى البحث', newest: 'الأحدث أولاً', oldest: 'الأقدم أولاً' } satisfies Record<SortOrder, string>,
  clearFilters: 'إزالة كل عوامل التصفية',
  results: 'نتائج البحث',
  skipToResults: 'انتقل إلى النتائج',
  more: 'عرض المزيد من النتائج',
  /** Said after the count while some results are still behind the "more" button. */
  shown: (shown: number, total: number) => `تُعرض ${shown} من ${total}`,
  prompt: 'اكتب ما تبحث عنه، أو اختر من عوامل التصفية.',
  unavailable: 'تعذّر تحميل فهرس البحث. يعمل البحث حين يُفتح الأرشيف من خادم ويب، لا من ملف على الجهاز.',
  noResults: (query: string) => (query ? `لا نتائج لـ «${isolate(query)}».` : 'لا نتائج لعوامل التصفية المختارة.'),
  count: (count: number, query: string) => (query ? `${resultCount(count)} لـ «${isolate(query)}»` : resultCount(count)),
  dateUnknown: 'تاريخ غير معروف',
  needsScript: 'يحتاج البحث إلى تفعيل JavaScript في المتصفح.',
  offlineNote: 'الأرشيف مفتوح من القرص: يبحث في النصوص والأسماء بالتطبيع نفسه، أما التصفية والترتيب فتحتاج إلى خادم محلي (انظر README.txt).',
} as const;

/**
 * The reader's own query inside FSI … PDI: whatever bidi controls it carries (U+202E …) end at the
 * isolate, so a crafted ?q= link cannot reorder the sentence around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
