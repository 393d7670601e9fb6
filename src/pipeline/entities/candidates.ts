/**
 * Names the gazetteer does not know yet, found where Arabic news names people: right after a role
 * word (الرئيس، وزير خارجية، الأمين العام، مراسل …). The report tells a contributor what to add.
 */
import { foldArabic } from '../../arabic/normalize';
import type { EntityMatcher, Mention } from './entities';
import { createPhraseMatcher, isCliticPrefix, isWordChar, phraseKey, wordHasStem, type PhraseKey } from './phrase-matcher';

export interface CandidateName {
  /** The name-like words as written, joined by one space. */
  name: string;
  /** The role word as written in the text, e.g. "بوزير خارجية". */
  roleWord: string;
  /** 1-based line number. */
  line: number;
  /** The text from the role word to the end of the name. */
  context: string;
}

/** Role words after which a person's name usually follows; clitics and ال are handled by the matcher. */
const ROLE_WORDS = [
  'رئيس', 'رئيسة', 'رئيس الوزراء', 'رئيس وزراء', 'رئيسة الوزراء', 'رئيسة وزراء', 'رئيس الحكومة', 'رئيس الأركان',
  'نائب الرئيس', 'نائب رئيس', 'الأمين العام', 'أمين عام', 'وزير', 'وزيرة', 'وزير خارجية', 'وزير الخارجية',
  'وزير الدفاع', 'وزير دفاع', 'العقيد الجنرال', 'الجنرال', 'العقيد', 'اللواء', 'الفريق', 'الفريق أول', 'العميد',
  'المشير', 'القائد العام', 'قائد', 'مراسل', 'مراسلة', 'المتحدث باسم', 'المتحدثة باسم', 'المتحدث الرسمي باسم',
  'الناطق باسم', 'السفير', 'سفير', 'المبعوث', 'المبعوث الخاص', 'الملك', 'الأمير', 'الشيخ', 'المستشار', 'مستشار',
];

/** Nouns that complete a role before the name ("الأمين العام لمنظمة …", "رئيس جمهورية …"). */
const ROLE_COMPLEMENTS: PhraseKey[] = [
  'منظمة', 'هيئة', 'مجلس', 'وزارة', 'جمهورية', 'حكومة', 'حركة', 'حزب', 'وكالة', 'جهاز', 'دولة', 'مؤسسة',
  'شركة', 'صحيفة', 'قناة', 'موقع', 'الأركان', 'الأمن', 'الدفاع', 'الخارجية', 'الداخلية', 'الوزراء',
].map(phraseKey);

/** Words that end a name: prepositions, particles, pronouns and the verbs that open the next clause. */
const STOP_WORDS: PhraseKey[] = [
  'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'أن', 'إن', 'أنه', 'إنه', 'ما', 'لا', 'لم', 'لن', 'قد', 'كل', 'بين',
  'عند', 'حتى', 'ثم', 'أو', 'أي', 'هذا', 'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'الذين', 'هو', 'هي', 'هم', 'كان',
  'كانت', 'ليس', 'غير', 'بعد', 'قبل', 'منذ', 'حول', 'خلال', 'ضد', 'عبر', 'لدى', 'إذا', 'لكن', 'بل', 'كما',
  'أيضا', 'اليوم', 'أمس', 'قال', 'قالت', 'أكد', 'أكدت', 'أضاف', 'أشار', 'أوضح', 'دعا', 'حذر', 'لفت', 'شدد',
  'تابع', 'صرح', 'يرد', 'ترد', 'يزور', 'تزور', 'زار', 'التقى', 'بحث', 'أعلن', 'إلا',
].map(phraseKey);
const NAME_CONNECTORS = ['عبد', 'أبو', 'ابن', 'بن', 'بنت'].map(phraseKey);

const SEPARATORS = new Set(['-', '–', '—', '،', ',', '"', '“', '”', '«', '»', "'", '(', ')']);
const MAX_NAME_WORDS = 4;
const MAX_COMPLEMENT_TOKENS = 10;

type Token =
  | { type: 'mention'; start: number; end: number; mention: Mention }
  | { type: 'role'; start: number; end: number }
  | { type: 'word'; start: number; end: number; folded: string }
  | { type: 'punct'; start: number; end: number; text: string };

const roleMatcher = createPhraseMatcher(ROLE_WORDS.map((phrase) => ({ phrase, value: phrase })));

/** `lines[i]` is line i+1; returns names after role words that the matcher does not know. */
export function findCandidateNames(lines: readonly string[], matcher: EntityMatcher): CandidateName[] {
  const candidates: CandidateName[] = [];
  lines.forEach((text, index) => {
    // A name is only reported after a role word: a line without one needs no tokens.
    const roles = roleMatcher.find(text);
    if (roles.length === 0) return;
    const tokens = tokenize(text, matcher.find(text), roles);
    tokens.forEach((token, k) => {
      if (token.type !== 'role') return;
      const name = nameAfterRole(tokens, k + 1);
      if (!name) return;
      const last = name[name.length - 1]!;
      candidates.push({
        name: name.map((word) => text.slice(word.start, word.end)).join(' '),
        roleWord: text.slice(token.start, token.end),
        line: index + 1,
        context: text.slice(token.start, last.end).replace(/\s+/gu, ' '),
      });
    });
  });
  return candidates;
}

/** Skip what completes the role (places, organizations, "لمنظمة", commas), then read the name. */
function nameAfterRole(tokens: readonly Token[], from: number): Array<Token & { type: 'word' }> | null {
  let k = from;
  for (let skipped = 0; k < tokens.length && skipped < MAX_COMPLEMENT_TOKENS; k++, skipped++) {
    const token = tokens[k]!;
    const skippable =
      (token.type === 'mention' && token.mention.kind !== 'person') ||
      (token.type === 'punct' && SEPARATORS.has(token.text)) ||
      (token.type === 'word' && isRoleComplement(token.folded));
    if (!skippable) break;
  }
  // Another role word ("رئيس هيئة الأركان … العقيد الجنرال X") reports the name itself.
  if (tokens[k]?.type === 'role') return null;
  const words: Array<Token & { type: 'word' }> = [];
  for (; k < tokens.length && words.length < MAX_NAME_WORDS; k++) {
    const token = tokens[k]!;
    if (token.type !== 'word' || !isNameLike(token.folded, words.length === 0)) break;
    words.push(token);
  }
  // A trailing connector ("عبد") is not a name by itself.
  while (words.length > 0 && NAME_CONNECTORS.some((c) => c.core === words[words.length - 1]!.folded)) words.pop();
  return words.length > 0 ? words : null;
}

function isRoleComplement(folded: string): boolean {
  if (ROLE_COMPLEMENTS.some((stem) => wordHasStem(folded, stem))) return true;
  // A lone clitic written apart ("لـ", "الـ") belongs to what follows.
  if (isCliticPrefix(folded, false) && folded !== '') return true;
  // A nisba adjective with the article ("الأمريكي", "الروسية") qualifies the role, it is not a name.
  return /^(?:[وف]?(?:[بك]?ال|لل))\p{L}{2,}(?:ي|يه)$/u.test(folded);
}

function isNameLike(folded: string, first: boolean): boolean {
  if (folded.length < 2 || /\p{N}/u.test(folded)) return false;
  if (STOP_WORDS.some((stop) => wordHasStem(folded, stop))) return false;
  // Names do not open with the article; after the first word, a word opening with و/ف most
  // likely starts the next clause ("… سراج الدين مهر الدين، وركز").
  if (first) return !/^(?:[وف]?(?:[بك]?ال|لل))/u.test(folded);
  return !(/^[وف]/u.test(folded) && folded.length > 3);
}

/** Split a line into mentions, role words (`roles`, found by the role matcher), words and punctuation marks. */
function tokenize(text: string, mentions: readonly Mention[], roles: ReadonlyArray<{ start: number; end: number }>): Token[] {
  const covered: Array<Token & { type: 'mention' | 'role' }> = mentions.map((mention) => ({
    type: 'mention' as const,
    start: mention.start,
    end: mention.end,
    mention,
  }));
  // Role words inside a mention ("رئيس" in an organization's name) do not count. Both lists are
  // sorted and non-overlapping, so one forward walk finds the overlaps.
  let m = 0;
  for (const hit of roles) {
    while (m < mentions.length && mentions[m]!.end <= hit.start) m++;
    const overlaps = m < mentions.length && mentions[m]!.start < hit.end;
    if (!overlaps) covered.push({ type: 'role', start: hit.start, end: hit.end });
  }
  covered.sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  let position = 0;
  for (const span of [...covered, null]) {
    const gapEnd = span ? span.start : text.length;
    for (const match of text.slice(position, gapEnd).matchAll(/[\p{L}\p{N}\p{M}\u0640]+|[^\s\p{L}\p{N}\p{M}\u0640]/gu)) {
      const start = position + match.index;
      const end = start + match[0].length;
      if (isWordChar(match[0][0]) || match[0][0] === '\u0640') {
        tokens.push({ type: 'word', start, end, folded: foldArabic(match[0]) });
      } else {
        tokens.push({ type: 'punct', start, end, text: match[0] });
      }
    }
    if (span) {
      tokens.push(span);
      position = span.end;
    }
  }
  return tokens;
}
