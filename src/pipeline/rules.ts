/**
 * Every rule id ingest reports or records, in one typed registry: the diagnostics built with
 * `warning()`/`fatal()` (messages.ts) and the structural rules that take a line out of the body
 * (furniture.ts, the headline). Ids are permanent: tests, provenance and the docs refer to them.
 * `warning()` and `fatal()` accept only an id registered here with that severity, so an id cannot
 * be printed without being documented; CONTRIBUTING.md's table is generated from this file
 * (`npm run docs`) and a test keeps the two equal. Rules of content/boilerplate.yaml are data, not
 * code, and are documented in that file.
 */

/** How a rule shows itself: a fatal error, a warning, either (by where it is met), or a removed line. */
export type Severity = 'error' | 'warning' | 'error-or-warning' | 'removal';

/** What a rule means and what a contributor does about it, in one language. */
interface RuleText {
  means: string;
  todo: string;
}

interface RuleEntry {
  severity: Severity;
  en: RuleText;
  ar: RuleText;
}

const SIDECAR_DATE_EN = 'set `published: YYYY-MM-DD` and `reason` in the sidecar `seeds/<id>.meta.yaml`';
const SIDECAR_DATE_AR = 'اكتب `published: YYYY-MM-DD` والسبب `reason` في الملف المرافق `seeds/<id>.meta.yaml`';
const TEACH_EN = 'if an article line left, or furniture stayed, see “Teaching ingest a new site”';
const TEACH_AR = 'إن حُذف سطر من المقال أو بقي أثاث في النص فانظر «تعليم الأرشيف موقعا جديدا» بالإنجليزية';

export const RULES = {
  // Files and names: what the loaders and the ingest command find in the folders.
  'missing-file': {
    severity: 'error',
    en: { means: 'A seed, sidecar or content file the run needs does not exist (or is a symbolic link to nothing).', todo: 'Restore the file, or remove what refers to it.' },
    ar: { means: 'ملف تحتاجه العملية (بذرة أو ملف مرافق أو ملف محتوى) غير موجود، أو رابط رمزي لا يشير إلى شيء.', todo: 'أعد الملف أو احذف ما يشير إليه.' },
  },
  'not-a-regular-file': {
    severity: 'error',
    en: { means: 'A folder, symbolic link or special file stands where a seed, sidecar, content file or article belongs; only regular files are read and written.', todo: 'Replace it with the file itself, or remove it.' },
    ar: { means: 'مجلد أو رابط رمزي أو ملف خاص في مكان بذرة أو ملف مرافق أو ملف محتوى أو مقال؛ لا يُقرأ ولا يُكتب إلا الملفات العادية.', todo: 'ضع الملف نفسه مكانه أو احذفه.' },
  },
  'not-a-real-folder': {
    severity: 'error',
    en: { means: 'A folder ingest reads is not a folder, is a symbolic link, or is reached through one (links could reach files outside the repository).', todo: 'Use a real folder, on a path without links.' },
    ar: { means: 'مجلد يقرؤه الأرشيف ليس مجلدا، أو هو رابط رمزي، أو يُوصل إليه عبر رابط (قد تصل الروابط إلى ملفات خارج المستودع).', todo: 'استعمل مجلدا حقيقيا في مسار بلا روابط.' },
  },
  'file-too-large': {
    severity: 'error',
    en: { means: 'The file is larger than its size limit (every limit is in SECURITY.md).', todo: 'Split it, or check it is the right file.' },
    ar: { means: 'حجم الملف فوق الحد المسموح (الحدود كلها في SECURITY.md).', todo: 'قسّمه أو تأكد أنه الملف الصحيح.' },
  },
  'unreadable-file': {
    severity: 'error',
    en: { means: 'The file or folder could not be opened, listed or read; the system’s reason is quoted (permissions, a name too long …).', todo: 'Fix what the reason names: permissions, or rename the file.' },
    ar: { means: 'تعذّر فتح الملف أو المجلد أو سرده أو قراءته، والرسالة تذكر سبب النظام (الصلاحيات، اسم طويل جدا …).', todo: 'أصلح ما يذكره السبب: الصلاحيات، أو غيّر اسم الملف.' },
  },
  'invalid-file-name': {
    severity: 'error',
    en: { means: 'A seed’s name is not `<number>_<name>.txt` in ASCII letters, digits, `_`, `-` and `.` (at most 100 characters, lower-case `.txt`), or gives no URL slug.', todo: 'Rename the file, e.g. `005_tass.txt`.' },
    ar: { means: 'اسم البذرة ليس على صيغة `<رقم>_<اسم>.txt` بحروف لاتينية وأرقام و`_` و`-` و`.` (100 حرف على الأكثر، وامتداد `.txt` بحروف صغيرة)، أو لا يصلح لرابط الصفحة.', todo: 'غيّر اسم الملف، مثل `005_tass.txt`.' },
  },
  'unexpected-file': {
    severity: 'error-or-warning',
    en: { means: 'A file that does not belong: in `seeds/`, neither a seed (`.txt`) nor a sidecar (`.meta.yaml`) — a warning, it is ignored; in `content/gazetteer/`, not a `.yaml` file — an error.', todo: 'Move it out of the folder, or give it the right extension.' },
    ar: { means: 'ملف في غير موضعه: في `seeds/` ليس بذرة (`.txt`) ولا ملفا مرافقا (`.meta.yaml`) فيُتجاهل مع تنبيه؛ وفي `content/gazetteer/` ليس ملف `.yaml` فهو خطأ.', todo: 'انقله خارج المجلد أو أعطه الامتداد الصحيح.' },
  },
  'orphaned-sidecar': {
    severity: 'warning',
    en: { means: 'A sidecar `<id>.meta.yaml` has no seed `<id>.txt`.', todo: 'Rename it after its seed, or delete it.' },
    ar: { means: 'ملف مرافق `<id>.meta.yaml` بلا بذرة `<id>.txt`.', todo: 'سمّه باسم بذرته أو احذفه.' },
  },
  'stale-temp-file': {
    severity: 'warning',
    en: { means: 'An interrupted ingest left a temporary file among the articles.', todo: 'Run `npm run ingest`, which removes it (with `--check`, nothing is removed).' },
    ar: { means: 'ترك تشغيل منقطع للأرشيف ملفا مؤقتا بين المقالات.', todo: 'شغّل `npm run ingest` فيحذفه (ولا يُحذف شيء مع `--check`).' },
  },
  'duplicate-content': {
    severity: 'error',
    en: { means: 'Two seeds have exactly the same bytes.', todo: 'Delete one of the two.' },
    ar: { means: 'بذرتان متطابقتان بايتا ببايت.', todo: 'احذف إحداهما.' },
  },
  'slug-collision': {
    severity: 'error',
    en: { means: 'Two or more seeds would become the same page.', todo: 'Rename one of them so their slugs differ.' },
    ar: { means: 'بذرتان أو أكثر تصيران الصفحة نفسها.', todo: 'غيّر اسم إحداها حتى تختلف روابطها.' },
  },
  'write-failed': {
    severity: 'error',
    en: { means: 'The article file could not be written; the system’s reason is quoted.', todo: 'Check the folder is writable and has room.' },
    ar: { means: 'تعذّرت كتابة ملف المقال، والرسالة تذكر سبب النظام.', todo: 'تأكد أن المجلد قابل للكتابة وفيه متسع.' },
  },

  // Reading: bytes → lines (src/pipeline/text/read.ts).
  'empty-seed': {
    severity: 'error',
    en: { means: 'The seed is empty or holds only whitespace.', todo: 'Add the article text, or delete the file.' },
    ar: { means: 'البذرة فارغة أو لا تحوي إلا مسافات.', todo: 'أضف نص المقال أو احذف الملف.' },
  },
  'binary-file': {
    severity: 'error',
    en: { means: 'The file is mostly control characters, so it is not text.', todo: 'Replace it with the article as UTF-8 text.' },
    ar: { means: 'معظم الملف محارف تحكم، فهو ليس نصا.', todo: 'ضع مكانه نص المقال بترميز UTF-8.' },
  },
  'invalid-utf8': {
    severity: 'error',
    en: { means: 'The bytes are not valid UTF-8 — probably a legacy encoding such as Windows-1256; the first bad byte is located.', todo: 'Re-save the file as UTF-8.' },
    ar: { means: 'البايتات ليست UTF-8 صالحا، والأرجح أنها بترميز قديم مثل Windows-1256؛ والرسالة تحدد موضع أول بايت خاطئ.', todo: 'احفظ الملف من جديد بترميز UTF-8.' },
  },
  'invalid-utf16': {
    severity: 'error',
    en: { means: 'The file starts with a UTF-16 byte order mark but is truncated or holds unpaired surrogates.', todo: 'Re-save the file as UTF-8.' },
    ar: { means: 'يبدأ الملف بعلامة ترتيب بايتات UTF-16 لكنه مبتور أو فيه أنصاف أزواج بديلة غير مقترنة.', todo: 'احفظ الملف من جديد بترميز UTF-8.' },
  },
  'utf-16': {
    severity: 'warning',
    en: { means: 'The file is UTF-16 with a byte order mark; it was decoded.', todo: 'Save it as UTF-8 so other tools read it too.' },
    ar: { means: 'الملف بترميز UTF-16 مع علامة ترتيب البايتات، وقد فُكّ ترميزه.', todo: 'احفظه بترميز UTF-8 لتقرأه الأدوات الأخرى أيضا.' },
  },
  'byte-order-mark': {
    severity: 'warning',
    en: { means: 'A UTF-8 byte order mark was removed from the start of the file.', todo: 'Save the file as UTF-8 without BOM.' },
    ar: { means: 'حُذفت علامة ترتيب البايتات من أول ملف UTF-8.', todo: 'احفظ الملف بترميز UTF-8 دون BOM.' },
  },
  'cr-line-endings': {
    severity: 'warning',
    en: { means: 'Lines end with a lone CR (old Mac style); they were read as line breaks.', todo: 'Save the file with LF endings.' },
    ar: { means: 'تنتهي الأسطر بمحرف CR وحده (على طريقة ماك القديمة)، وقد قُرئت فواصل أسطر.', todo: 'احفظ الملف بنهايات LF.' },
  },
  'mixed-line-endings': {
    severity: 'warning',
    en: { means: 'The file mixes LF, CRLF and CR line endings; each was read as a line break.', todo: 'Save the file with LF endings.' },
    ar: { means: 'يخلط الملف نهايات الأسطر LF وCRLF وCR، وقد قُرئ كل منها فاصل سطر.', todo: 'احفظ الملف بنهايات LF.' },
  },
  'bidi-control': {
    severity: 'warning',
    en: { means: 'A bidi control character (U+202A–U+202E, U+2066–U+2069) was removed: it can disguise the order of the text.', todo: 'Check the line reads as intended.' },
    ar: { means: 'حُذف محرف تحكم في الاتجاه (U+202A–U+202E، U+2066–U+2069)، فهو قد يخفي ترتيب النص الحقيقي.', todo: 'تأكد أن السطر يُقرأ كما ينبغي.' },
  },
  'nul-byte': {
    severity: 'warning',
    en: { means: 'NUL bytes were removed; the file may have been damaged in transfer.', todo: 'Check the text against the original.' },
    ar: { means: 'حُذفت بايتات NUL، وربما تلف الملف أثناء النقل.', todo: 'قارن النص بالأصل.' },
  },
  'control-character': {
    severity: 'warning',
    en: { means: 'Invisible control characters (C0, C1) were removed.', todo: 'Check the text against the original.' },
    ar: { means: 'حُذفت محارف تحكم غير مرئية (C0 وC1).', todo: 'قارن النص بالأصل.' },
  },
  noncharacter: {
    severity: 'warning',
    en: { means: 'Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …) were removed; they are not text.', todo: 'Check the line against the original.' },
    ar: { means: 'حُذفت «لامحارف» يونيكود (U+FFFE وU+FFFF وU+FDD0–U+FDEF …)، فهي ليست نصا.', todo: 'قارن السطر بالأصل.' },
  },
  'zero-width-no-break-space': {
    severity: 'warning',
    en: { means: 'Zero-width no-break spaces (U+FEFF) inside the text were removed (recorded in `provenance.normalized`).', todo: 'Nothing to do.' },
    ar: { means: 'حُذفت مسافات عديمة العرض غير فاصلة (U+FEFF) من داخل النص (وسُجّل ذلك في `provenance.normalized`).', todo: 'لا شيء.' },
  },
  'no-break-space': {
    severity: 'warning',
    en: { means: 'No-break spaces were replaced by ordinary spaces (recorded in `provenance.normalized`).', todo: 'Nothing to do.' },
    ar: { means: 'استُبدلت بالمسافات غير الفاصلة مسافات عادية (وسُجّل ذلك في `provenance.normalized`).', todo: 'لا شيء.' },
  },
  'presentation-form': {
    severity: 'warning',
    en: { means: 'Arabic presentation-form characters were replaced by ordinary letters (recorded in `provenance.normalized`).', todo: 'Nothing to do.' },
    ar: { means: 'استُبدلت بمحارف الأشكال العربية العرضية الحروف العادية (وسُجّل ذلك في `provenance.normalized`).', todo: 'لا شيء.' },
  },

  // The page: boilerplate, furniture, headline, short link.
  'empty-article': {
    severity: 'error',
    en: { means: 'Nothing is left of the article once boilerplate and furniture are removed.', todo: 'Check the seed holds the article text, or make `content/boilerplate.yaml` less greedy.' },
    ar: { means: 'لم يبق من المقال شيء بعد حذف النصوص المتكررة وأثاث الصفحة.', todo: 'تأكد أن البذرة تحوي نص المقال، أو خفّف قواعد `content/boilerplate.yaml`.' },
  },
  'repeated-field': {
    severity: 'warning',
    en: { means: 'A second line for the same field (source, photo credit, short link, category): the first is kept, this one is only recorded in provenance.', todo: 'If the second is the right one, set the field and `reason` in the sidecar.' },
    ar: { means: 'سطر ثان للحقل نفسه (المصدر، تعليق الصورة، الرابط المختصر، التصنيف): يُؤخذ الأول ويُسجَّل الثاني في سجل المصدر فقط.', todo: 'إن كان الثاني هو الصحيح فاكتب الحقل والسبب `reason` في الملف المرافق.' },
  },
  'invalid-short-link': {
    severity: 'warning',
    en: { means: 'The page’s short link is not an http(s) URL, so it is left out (the line stays in provenance).', todo: 'Nothing, or set `shortLink` and `reason` in the sidecar.' },
    ar: { means: 'الرابط المختصر في الصفحة ليس رابط http(s)، فيُترك (ويبقى السطر في سجل المصدر).', todo: 'لا شيء، أو اكتب `shortLink` والسبب `reason` في الملف المرافق.' },
  },
  'headline-uncertain': {
    severity: 'warning',
    en: { means: 'No line above the lead is echoed by it (half its words in the lead), so the title is derived from the lead; the lines considered are listed.', todo: 'If one of them is the headline, set `title` and `reason` in the sidecar; if the page has none, nothing.' },
    ar: { means: 'لا سطر فوق المقدمة يتردد صداه فيها (نصف كلماته فيها)، فيُشتق العنوان من المقدمة؛ والرسالة تسرد الأسطر التي نُظر فيها.', todo: 'إن كان أحدها هو العنوان فاكتب `title` والسبب `reason` في الملف المرافق؛ وإن لم يكن للصفحة عنوان فلا شيء.' },
  },

  // Dates (src/pipeline/page/dates.ts): ingest never guesses.
  'missing-date': {
    severity: 'warning',
    en: { means: 'No publication date was found, and the message says what was seen; `published` stays empty rather than guessed.', todo: `If you know the date, ${SIDECAR_DATE_EN} (a new article: give \`--date\` and \`--reason\` to \`npm run add\`).` },
    ar: { means: 'لم يوجد تاريخ نشر، والرسالة تذكر ما وُجد؛ ويبقى `published` فارغا ولا يُخمَّن.', todo: `إن عرفت التاريخ ف${SIDECAR_DATE_AR} (ولمقال جديد: أعط \`npm run add\` الخيارين \`--date\` و\`--reason\`).` },
  },
  'conflicting-dates': {
    severity: 'warning',
    en: { means: 'The text ties two different dates to its publication; `published` stays empty and both are quoted.', todo: `Check the source and ${SIDECAR_DATE_EN}.` },
    ar: { means: 'يربط النص بنشره تاريخين مختلفين، فيبقى `published` فارغا وتُقتبس العبارتان.', todo: `راجع المصدر ثم ${SIDECAR_DATE_AR}.` },
  },
  'impossible-date': {
    severity: 'warning',
    en: { means: 'Something written as a date names no real day (e.g. 31 April), so it is ignored.', todo: `Check the source; if it gives the publication date, ${SIDECAR_DATE_EN}.` },
    ar: { means: 'عبارة مكتوبة تاريخا لا تدل على يوم موجود (مثل 31 أبريل)، فتُهمل.', todo: `راجع المصدر؛ وإن كانت هي تاريخ النشر ف${SIDECAR_DATE_AR}.` },
  },
  'weekday-mismatch': {
    severity: 'warning',
    en: { means: 'A date names a weekday it did not fall on; the date is kept as written.', todo: `If the date is the wrong one, ${SIDECAR_DATE_EN}.` },
    ar: { means: 'يذكر التاريخ يوما من الأسبوع لم يوافقه؛ ويُبقى التاريخ كما كُتب.', todo: `إن كان التاريخ هو الخاطئ ف${SIDECAR_DATE_AR}.` },
  },
  'hijri-day-differs': {
    severity: 'warning',
    en: { means: 'The Hijri date converts to a day next to the Gregorian one (months begun by sighting can differ so); the Gregorian date is kept.', todo: `If the Gregorian date is the wrong one, ${SIDECAR_DATE_EN}.` },
    ar: { means: 'يقابل التاريخ الهجري يوما مجاورا للتاريخ الميلادي (قد يختلف التقويمان هكذا حين يبدأ الشهر بالرؤية)، ويُؤخذ الميلادي.', todo: `إن كان الميلادي هو الخاطئ ف${SIDECAR_DATE_AR}.` },
  },

  // The agency (src/pipeline/page/agency.ts, sources.ts).
  'unknown-source': {
    severity: 'warning',
    en: { means: 'A credit names an agency `content/sources.yaml` does not know, so the article has no source.', todo: 'Add the agency to `content/sources.yaml`, or this spelling to an entry’s `names`.' },
    ar: { means: 'ينسب النص الخبر إلى وكالة لا يعرفها `content/sources.yaml`، فيبقى المقال بلا مصدر.', todo: 'أضف الوكالة إلى `content/sources.yaml` أو أضف هذه التهجئة إلى `names` في مدخلها.' },
  },
  'conflicting-sources': {
    severity: 'warning',
    en: { means: 'The page credits two agencies in the same way, so no source is set.', todo: 'Set `source` and `reason` in the sidecar.' },
    ar: { means: 'تنسب الصفحة الخبر إلى وكالتين بالطريقة نفسها، فلا يُحدَّد مصدر.', todo: 'اكتب `source` والسبب `reason` في الملف المرافق.' },
  },

  // The sidecar and the frontmatter.
  'invalid-sidecar': {
    severity: 'error',
    en: { means: 'The sidecar `<id>.meta.yaml` is invalid — YAML syntax, a field a sidecar may not set, an unknown source or entity id — so the article is not written.', todo: 'Fix the sidecar as its messages say, or delete it.' },
    ar: { means: 'الملف المرافق `<id>.meta.yaml` غير صالح (صياغة YAML، أو حقل لا يجوز له، أو معرّف مصدر أو كيان غير معروف)، فلا يُكتب المقال.', todo: 'أصلح الملف المرافق كما تقول رسائله أو احذفه.' },
  },
  'invalid-frontmatter': {
    severity: 'error',
    en: { means: 'The article’s frontmatter fails the schema (`src/schema.ts`), so the article is not written.', todo: 'Fix the sidecar field it names; if the sidecar sets none, report it with the seed.' },
    ar: { means: 'لا تطابق بيانات المقال المخطط (`src/schema.ts`)، فلا يُكتب المقال.', todo: 'أصلح حقل الملف المرافق الذي تذكره الرسالة؛ وإن لم يكن فيه فأبلغ عن المشكلة مع البذرة.' },
  },

  // Content files: rules, sources, gazetteer.
  'invalid-rules': {
    severity: 'error',
    en: { means: '`content/boilerplate.yaml` is invalid: YAML syntax, a field, a pattern, or a rule id used twice.', todo: 'Fix the line the message names.' },
    ar: { means: '`content/boilerplate.yaml` غير صالح: صياغة YAML، أو حقل، أو نمط، أو معرّف قاعدة مكرر.', todo: 'أصلح السطر الذي تذكره الرسالة.' },
  },
  'invalid-sources': {
    severity: 'error',
    en: { means: '`content/sources.yaml` is invalid: YAML syntax, a field, an id used twice, or a name two agencies claim.', todo: 'Fix the line the message names.' },
    ar: { means: '`content/sources.yaml` غير صالح: صياغة YAML، أو حقل، أو معرّف مكرر، أو اسم تدعيه وكالتان.', todo: 'أصلح السطر الذي تذكره الرسالة.' },
  },
  'gazetteer-yaml': {
    severity: 'error',
    en: { means: 'A gazetteer file could not be read as YAML, so none of its entities is read.', todo: 'Fix the YAML syntax at the line named.' },
    ar: { means: 'تعذّرت قراءة ملف من المعجم بصياغة YAML، فلا يُقرأ أي كيان منه.', todo: 'أصلح صياغة YAML في السطر المذكور.' },
  },
  'gazetteer-not-a-list': {
    severity: 'error',
    en: { means: 'A gazetteer file is not a YAML list of entities.', todo: 'Start each entity with `- id: …`.' },
    ar: { means: 'ملف من المعجم ليس قائمة YAML من الكيانات.', todo: 'ابدأ كل كيان بـ`- id: …`.' },
  },
  'gazetteer-invalid-entity': {
    severity: 'error',
    en: { means: 'An entity fails the gazetteer schema: a field missing, misspelt or of the wrong kind.', todo: 'Fix the field the message names.' },
    ar: { means: 'كيان لا يطابق مخطط المعجم: حقل ناقص أو مكتوب خطأ أو من غير نوعه.', todo: 'أصلح الحقل الذي تذكره الرسالة.' },
  },
  'gazetteer-duplicate-id': {
    severity: 'error',
    en: { means: 'Two entities have the same id; both are named, with files and lines.', todo: 'Give one of them another id, or merge the two entries.' },
    ar: { means: 'كيانان بالمعرّف نفسه، والرسالة تسميهما بملفيهما وسطريهما.', todo: 'أعط أحدهما معرّفا آخر أو ادمج المدخلين.' },
  },
  'gazetteer-duplicate-alias': {
    severity: 'error',
    en: { means: 'Two entities claim the same spelling (after folding), so the matcher could not tell them apart.', todo: 'Keep the spelling on the entity it refers to.' },
    ar: { means: 'كيانان يدّعيان التهجئة نفسها (بعد التوحيد)، فلا يستطيع المطابِق التمييز بينهما.', todo: 'أبق التهجئة على الكيان الذي تشير إليه.' },
  },
  'gazetteer-empty-spelling': {
    severity: 'error',
    en: { means: 'A spelling is empty once tashkeel and tatweel are removed.', todo: 'Delete it.' },
    ar: { means: 'تهجئة تصبح فارغة بعد حذف التشكيل والتطويل.', todo: 'احذفها.' },
  },
  'gazetteer-function-word-alias': {
    severity: 'warning',
    en: { means: 'A spelling equals a common function word once hamza, ya and ta marbuta are folded, so it would fire on ordinary prose.', todo: 'Use a longer spelling, such as the full name.' },
    ar: { means: 'تهجئة تطابق أداة شائعة بعد توحيد الهمزة والياء والتاء المربوطة، فتطابق في النثر العادي.', todo: 'استعمل تهجئة أطول كالاسم الكامل.' },
  },
  'gazetteer-short-alias': {
    severity: 'warning',
    en: { means: 'A spelling has fewer than three letters and would match many unrelated words.', todo: 'Use a longer spelling.' },
    ar: { means: 'تهجئة أقل من ثلاثة أحرف، فتطابق كلمات كثيرة لا صلة لها.', todo: 'استعمل تهجئة أطول.' },
  },

  // Writing (src/pipeline/mdx/write.ts).
  'mdx-syntax': {
    severity: 'error',
    en: { means: 'The MDX written would not parse, or would not render as the literal text, so the article is not written.', todo: 'Report it with the seed file: it is a bug in ingest.' },
    ar: { means: 'نص MDX المولَّد لا يُحلَّل، أو لا يُعرض بحرفه، فلا يُكتب المقال.', todo: 'أبلغ عنه مع ملف البذرة، فهو علة في الأرشيف.' },
  },

  // Lines that leave the body by structure (provenance.removed); the count per rule is printed under each article.
  headline: {
    severity: 'removal',
    en: { means: 'The headline: among the lines above the lead, the one the lead echoes (half its content words recur in the first three sentences). It becomes the title.', todo: 'If it is the wrong line, set `title` and `reason` in the sidecar.' },
    ar: { means: 'العنوان: من الأسطر التي فوق المقدمة، السطر الذي يتردد صداه فيها (نصف كلماته في الجمل الثلاث الأولى)، فيصير عنوان المقال.', todo: 'إن كان السطر الخطأ فاكتب `title` والسبب `reason` في الملف المرافق.' },
  },
  'headline-repeated': {
    severity: 'removal',
    en: { means: 'The headline printed a second time.', todo: 'Nothing to do.' },
    ar: { means: 'العنوان مطبوعا مرة ثانية.', todo: 'لا شيء.' },
  },
  'language-switcher': {
    severity: 'removal',
    en: { means: 'A language switcher: «English | Français | العربية».', todo: TEACH_EN },
    ar: { means: 'مبدّل اللغات: «English | Français | العربية».', todo: TEACH_AR },
  },
  'ui-widget': {
    severity: 'removal',
    en: { means: 'A row of share, print, follow or comment buttons.', todo: TEACH_EN },
    ar: { means: 'صف من أزرار المشاركة أو الطباعة أو المتابعة أو التعليق.', todo: TEACH_AR },
  },
  'news-ticker': {
    severity: 'removal',
    en: { means: 'A news ticker: several headlines on one line, held apart by runs of spaces or tabs.', todo: TEACH_EN },
    ar: { means: 'شريط أخبار: عدة عناوين في سطر واحد تفصلها مسافات متتالية أو علامات جدولة.', todo: TEACH_AR },
  },
  'non-arabic-line': {
    severity: 'removal',
    en: { means: 'A short line without Arabic above the lead or below the last sentence (menus, tags, “Advertisement”).', todo: TEACH_EN },
    ar: { means: 'سطر قصير بلا حروف عربية فوق المقدمة أو تحت آخر جملة (قوائم، وسوم، «Advertisement»).', todo: TEACH_AR },
  },
  'link-list': {
    severity: 'removal',
    en: { means: 'The titles under «اقرأ أيضا», «مواضيع ذات صلة», «الأكثر قراءة» … — a line a `list: true` rule of `content/boilerplate.yaml` removed.', todo: TEACH_EN },
    ar: { means: 'العناوين تحت «اقرأ أيضا» و«مواضيع ذات صلة» و«الأكثر قراءة» …، أي بعد سطر حذفته قاعدة `list: true` في `content/boilerplate.yaml`.', todo: TEACH_AR },
  },
  'page-head': {
    severity: 'removal',
    en: { means: 'A short unpunctuated line above the lead (site name, menu, breadcrumb, byline, date line, caption), when the head already holds furniture or the line stands above the headline.', todo: TEACH_EN },
    ar: { means: 'سطر قصير بلا علامة ترقيم فوق المقدمة (اسم الموقع، القائمة، مسار التصفح، اسم الكاتب، سطر التاريخ، تعليق صورة)، إذا كان في رأس الصفحة أثاث أو كان السطر فوق العنوان.', todo: TEACH_AR },
  },
  'page-tail': {
    severity: 'removal',
    en: { means: 'A short unpunctuated line below the last sentence, when the tail already holds furniture.', todo: TEACH_EN },
    ar: { means: 'سطر قصير بلا علامة ترقيم تحت آخر جملة، إذا كان في ذيل الصفحة أثاث.', todo: TEACH_AR },
  },
  'repeated-across-seeds': {
    severity: 'removal',
    en: { means: 'A short line found in three or more seeds of the run (a site’s own name or footer), outside the article.', todo: TEACH_EN },
    ar: { means: 'سطر قصير يتكرر في ثلاث بذور أو أكثر (اسم الموقع أو تذييله)، خارج نص المقال.', todo: TEACH_AR },
  },
} as const satisfies Record<string, RuleEntry>;

type Rules = typeof RULES;

/** A registered rule id. */
export type RuleId = keyof Rules;

/** Ids `fatal()` may report. */
export type ErrorId = { [K in RuleId]: Rules[K]['severity'] extends 'error' | 'error-or-warning' ? K : never }[RuleId];

/** Ids `warning()` may report. */
export type WarningId = { [K in RuleId]: Rules[K]['severity'] extends 'warning' | 'error-or-warning' ? K : never }[RuleId];

/** Ids of the structural rules that take a line out of the body, as recorded in provenance. */
export type RemovalId = { [K in RuleId]: Rules[K]['severity'] extends 'removal' ? K : never }[RuleId];
