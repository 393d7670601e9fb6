/** The bag's README.txt, in Arabic and English: what the bag is, how to open it, how to verify it. */

/** What the README says about this particular bag. */
export interface ReadmeFacts {
  /** The commit the archive was built from. */
  commit: string;
  /** The commit's calendar date (YYYY-MM-DD). */
  day: string;
  /** Number of articles in the archive. */
  articles: number;
}

/** The README text (UTF-8, LF line ends). */
export function bagReadme(facts: ReadmeFacts): string {
  return `أرشيف — نسخة للحفظ
==================

ما هذا؟
هذا أرشيف «أرشيف» للأخبار العربية كاملاً (${facts.articles} مقالاً)، موقعاً ثابتاً يعمل من القرص دون خادم ودون اتصال بالشبكة، محزوماً على هيئة حقيبة BagIt (المعيار RFC 8493).
بُني من الإيداع ${facts.commit} بتاريخ ${facts.day}.
- data/ : الموقع نفسه، وفيه النصوص الخام للمقالات (data/seeds/) وملفات MDX (data/mdx/) وملفات البيانات (data/data/: articles.json وarticles.csv وarticles.jsonl وentities.json وdatapackage.json) وCITATION.cff.
- bagit.txt وbag-info.txt : تعريف الحقيبة ومصدرها وتاريخها وحجمها.
- verify.html : صفحة تتحقق من الحقيبة في المتصفح.
- manifest-sha256.txt وmanifest-sha512.txt : بصمة كل ملف في data/.
- tagmanifest-sha256.txt وtagmanifest-sha512.txt : بصمة ملفات الحقيبة الأخرى.

كيف أفتحه؟
1. فكّ ضغط الملف.
2. افتح data/index.html في أي متصفح (نقراً مزدوجاً). كل الصفحات والروابط والخطوط تعمل من القرص، والبحث أيضاً: عند الفتح من القرص يستعمل البحث فهرساً مرافقاً يُحمَّل جزءاً جزءاً، بالتطبيع العربي نفسه.
3. للبحث الكامل (Pagefind، مع المرشِّحات) شغّل خادماً محلياً بأمر واحد من داخل مجلد الحقيبة:
     python3 -m http.server --directory data 8000
   ثم افتح http://localhost:8000/

كيف أتحقق من سلامته؟
- بالمتصفح وحده: افتح verify.html من مجلد الحقيبة واختر المجلد نفسه؛ تُحسب البصمات في المتصفح دون شبكة.
- من داخل مجلد الحقيبة بعد فكّ الضغط:   sha256sum -c manifest-sha256.txt && sha256sum -c tagmanifest-sha256.txt
  (أو sha512sum مع ملفَّي sha512)، ثم قارن Payload-Oxum في bag-info.txt (عدد البايتات.عدد الملفات) بمحتوى data/.
- أو بأي أداة BagIt، مثل: bagit.py --validate <المجلد>
- أو بأداة أرشيف نفسها:   npm run verify-bundle -- <الملف.zip>


arshif — archival copy
======================

What is this?
The complete arshif archive of Arabic news (${facts.articles} articles) as a static website that works from disk, with no server and no network, packed as a BagIt bag (RFC 8493).
Built from commit ${facts.commit}, dated ${facts.day}.
- data/ : the website itself, with each article's raw source text (data/seeds/), its MDX (data/mdx/), the data exports (data/data/: articles.json, articles.csv, articles.jsonl, entities.json, datapackage.json) and CITATION.cff.
- bagit.txt, bag-info.txt : the bag declaration, its source, date and size.
- verify.html : a page that verifies the bag in the browser.
- manifest-sha256.txt, manifest-sha512.txt : a checksum of every file in data/.
- tagmanifest-sha256.txt, tagmanifest-sha512.txt : checksums of the bag's other files.

How do I open it?
1. Unzip the file.
2. Open data/index.html in any web browser (double-click it). Every page, link, style and font works from disk, and so does search: opened from disk, the search page uses a companion index loaded piece by piece, with the same Arabic spelling rules.
3. For the full search (Pagefind, with filters), start a local server with one command from inside the bag folder:
     python3 -m http.server --directory data 8000
   then open http://localhost:8000/

How do I verify it?
- With a browser alone: open verify.html in the bag folder and choose that folder; the checksums are computed in the browser, offline.
- From inside the unzipped bag folder:   sha256sum -c manifest-sha256.txt && sha256sum -c tagmanifest-sha256.txt
  (or sha512sum with the sha512 files), then compare Payload-Oxum in bag-info.txt (octets.files) with data/.
- Or with any BagIt tool, e.g.: bagit.py --validate <folder>
- Or with arshif itself:   npm run verify-bundle -- <file.zip>
`;
}
