/**
 * Structure: cleaned lines → blocks (headline, paragraphs, `##` headings, question/answer turns)
 * and, inside a paragraph, the spans of quoted speech. Every non-blank line is one paragraph:
 * the seeds separate paragraphs by single or double line breaks alike.
 */

/** A paragraph of the body with the seed line it came from. */
export interface Paragraph {
  text: string;
  line: number;
}

/** One block of the article body, in reading order. */
export type Block =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'question' | 'answer'; paragraphs: Paragraph[] };

/** A heading-like line is at most this long … */
const HEADING_MAX_CHARS = 60;
/** … and at most this many words. */
const HEADING_MAX_WORDS = 8;
/** A first line up to this long without final punctuation is the article's headline. */
const HEADLINE_MAX_CHARS = 200;

/** Lines starting with one of these dashes are turns of an interview. */
const TURN_DASH = /^[–—-]\s*/u;
/** Punctuation that ends a sentence or introduces what follows: a line ending so is not a title. */
const FINAL_PUNCTUATION = /[.!?؟…:؛,،]$/u;
/** Closing marks that may follow the final punctuation. */
const TRAILING_CLOSERS = /["'”»)\]]+$/u;

/**
 * Phrases with which a narrator takes the floor back after an interview answer; the answer's
 * undashed continuation paragraphs stop before a paragraph that starts with one of them.
 */
const NARRATIVE_RESUMPTIONS: readonly string[] = [
  'يجدر الذكر',
  'يجدر بالذكر',
  'الجدير بالذكر',
  'ومن الجدير بالذكر',
  'يذكر أن',
  'ويذكر أن',
  'هذا ويذكر',
  'وتجدر الإشارة',
  'تجدر الإشارة',
  'وكان',
];

/** Does the line end like a sentence (ignoring closing quotes and brackets)? */
export function endsLikeSentence(text: string): boolean {
  return FINAL_PUNCTUATION.test(text.trim().replace(TRAILING_CLOSERS, ''));
}

function isTurn(text: string): boolean {
  return TURN_DASH.test(text.trim());
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/u).filter(Boolean).length;
}

/** Is this line short and unpunctuated enough to be a subheading? */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= HEADING_MAX_CHARS &&
    wordCount(trimmed) <= HEADING_MAX_WORDS &&
    !endsLikeSentence(trimmed) &&
    !isTurn(trimmed)
  );
}

/**
 * The headline, when the article opens with one: a first line without final punctuation that is
 * followed by more text. Seeds that open with the lead paragraph have none.
 */
export function findHeadline(lines: readonly string[]): Paragraph | null {
  const content = nonBlank(lines);
  const first = content[0];
  if (!first || content.length < 2) return null;
  const text = first.text.trim();
  if (text.length > HEADLINE_MAX_CHARS || endsLikeSentence(text) || isTurn(text)) return null;
  return { text, line: first.line };
}

function nonBlank(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  lines.forEach((text, index) => {
    if (text.trim() !== '') out.push({ text: text.trim(), line: index + 1 });
  });
  return out;
}

function resumesNarrative(text: string): boolean {
  return NARRATIVE_RESUMPTIONS.some((phrase) => text.startsWith(phrase));
}

/**
 * Group the body lines into blocks. Headings: heading-like lines with a paragraph before and after.
 * Q&A: a run of dash-led paragraphs; one ending in a question mark is a question, others answers;
 * undashed paragraphs after an answer continue it until a heading, a new turn or a narrator's phrase.
 */
export function segmentBlocks(lines: readonly string[]): Block[] {
  const paragraphs = nonBlank(lines);
  const blocks: Block[] = [];
  let openAnswer: Paragraph[] | null = null;
  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    const next = paragraphs[index + 1];
    if (index > 0 && next && isHeadingLike(text) && !isHeadingLike(next.text)) {
      blocks.push({ kind: 'heading', text, line: paragraph.line });
      openAnswer = null;
      return;
    }
    if (isTurn(text)) {
      const kind = /[?؟]$/u.test(text.replace(TRAILING_CLOSERS, '')) ? 'question' : 'answer';
      const turn = [paragraph];
      blocks.push({ kind, paragraphs: turn });
      openAnswer = kind === 'answer' ? turn : null;
      return;
    }
    if (openAnswer && !resumesNarrative(text)) {
      openAnswer.push(paragraph);
      return;
    }
    openAnswer = null;
    blocks.push({ kind: 'paragraph', paragraph });
  });
  return blocks;
}

/** A quoted span `[start, end)` in a paragraph, quote marks included. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** The closing mark of the family each quote mark belongs to. */
const FAMILY: Readonly<Record<string, string>> = { '"': '"', '“': '”', '”': '”', '«': '»', '»': '»' };

/**
 * Find balanced quotations. Curly and angle quotes say which way they face; a straight quote
 * opens when text follows it and closes when text precedes it (between two letters it opens if
 * nothing is open). An opener met while a quote is open replaces it, and a closer with nothing
 * open is a stray mark: both stay plain text — news copy has many.
 * `”` alone after a space also opens, because many writers type it for both marks.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { start: number; closer: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '"' && char !== '“' && char !== '”' && char !== '«' && char !== '»') continue;
    // Inside a quotation, marks of another family are nested quotes and belong to its text.
    if (open && FAMILY[char] !== open.closer) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    const spaceBefore = before === undefined || /[\s(\[:؛،,]/u.test(before);
    const spaceAfter = after === undefined || /[\s)\].,،؛:!?؟]/u.test(after);
    if (char === '“' || char === '«') {
      open = { start: i, closer: char === '“' ? '”' : '»' };
    } else if (char === '»') {
      if (open) spans.push({ start: open.start, end: i + 1 });
      open = null;
    } else if (char === '”') {
      if (open?.closer === '”') {
        spans.push({ start: open.start, end: i + 1 });
        open = null;
      } else if (!open && spaceBefore) {
        open = { start: i, closer: '”' };
      }
    } else {
      const opensHere = spaceBefore && !spaceAfter;
      const closesHere = !spaceBefore && spaceAfter;
      if (open?.closer === '"' && !opensHere) {
        spans.push({ start: open.start, end: i + 1 });
        open = null;
      } else if (!closesHere && (opensHere || !open)) {
        open = { start: i, closer: '"' };
      }
    }
  }
  return spans;
}
