/**
 * Headline by evidence, not position: among the lines above the lead that survived furniture
 * removal, the headline is the one the lead echoes (most of its content words recur in the first
 * sentences). When no line is convincing the title is derived from the lead and the reviewer is
 * told which lines were considered.
 */
import { warning, type PipelineMessage } from '../messages';
import { endsLikeSentence, findHeadline, type Paragraph } from './structure';
import { contentWords, hasArabic, isProse, sameWord, words } from '../text/text-features';

/** A headline has at least this many words … */
const HEADLINE_MIN_WORDS = 3;
/** … and at most this many. */
const HEADLINE_MAX_WORDS = 30;
/** A headline is echoed by the lead when this share of its content words recurs there … */
const ECHO_THRESHOLD = 0.5;
/** … and at least this many of them. */
const ECHO_MIN_WORDS = 2;
/** How many lines above the lead are considered. */
const MAX_CANDIDATES = 15;
/** How many prose lines from the lead on count as "the lead" for the echo. */
const LEAD_LINES = 3;

/** A line considered for the headline, with its echo score. */
interface HeadlineCandidate {
  line: number;
  text: string;
  /** Share of its content words found in the lead (0–1). */
  echo: number;
}

/** The chosen headline (or none), the lines that repeat it, what was considered, and any warning. */
export interface HeadlineChoice {
  headline: Paragraph | null;
  /** Lines that print the headline a second time. */
  repeats: number[];
  considered: HeadlineCandidate[];
  messages: PipelineMessage[];
}

/** Could this line be a headline by its shape alone? */
function headlineShaped(text: string): boolean {
  const n = words(text).length;
  if (n < HEADLINE_MIN_WORDS || n > HEADLINE_MAX_WORDS || text.length > 200 || !hasArabic(text)) return false;
  if (/^[–—-]\s/u.test(text) || /[|©]/u.test(text)) return false;
  // "؟" and "!" may end a headline; a full stop, colon or comma ends a sentence or a label.
  return !endsLikeSentence(text) || /[?؟!]["'”»)\]]*$/u.test(text);
}

/** Share of the candidate's content words that recur in the lead, and how many do. */
function echoOf(candidate: string, lead: readonly string[]): { share: number; matched: number } {
  const own = contentWords(candidate);
  if (own.length === 0) return { share: 0, matched: 0 };
  const matched = own.filter((word) => lead.some((other) => sameWord(word, other))).length;
  return { share: matched / own.length, matched };
}

/** Choose the headline of a page whose furniture lines are already blank. */
export function chooseHeadline(lines: readonly string[]): HeadlineChoice {
  const content: Paragraph[] = [];
  lines.forEach((text, index) => {
    if (text.trim() !== '') content.push({ text: text.trim(), line: index + 1 });
  });
  const leadIndex = content.findIndex((p) => isProse(p.text));
  if (leadIndex < 0) {
    // No sentence to compare with (a note, a fragment): the first unpunctuated line, as before.
    return { headline: findHeadline(lines), repeats: [], considered: [], messages: [] };
  }
  const lead = content.slice(leadIndex).filter((p) => isProse(p.text)).slice(0, LEAD_LINES).flatMap((p) => contentWords(p.text));
  const leadText = content[leadIndex]?.text ?? '';
  const considered: HeadlineCandidate[] = [];
  let best: { candidate: HeadlineCandidate; matched: number } | null = null;
  for (const paragraph of content.slice(0, leadIndex).slice(0, MAX_CANDIDATES)) {
    if (!headlineShaped(paragraph.text)) continue;
    const { share, matched } = echoOf(paragraph.text, lead);
    const candidate = { line: paragraph.line, text: paragraph.text, echo: share };
    considered.push(candidate);
    // One shared word proves nothing (a date line shares its month with the dateline).
    if (matched < ECHO_MIN_WORDS) continue;
    // A site name that the lead repeats as its dateline ("وكالة مهر للأنباء - …") is echoed by position, not content.
    if (leadText.startsWith(paragraph.text)) continue;
    // Among echoed lines the one sharing more words wins: a short line echoes easily.
    const better = best === null || (share >= ECHO_THRESHOLD ? best.candidate.echo < ECHO_THRESHOLD || matched > best.matched || (matched === best.matched && share > best.candidate.echo) : share > best.candidate.echo);
    if (better) best = { candidate, matched };
  }
  if (best !== null && best.candidate.echo >= ECHO_THRESHOLD) {
    const chosen = best.candidate;
    const repeats = content.slice(0, leadIndex).filter((p) => p.text === chosen.text && p.line !== chosen.line).map((p) => p.line);
    return { headline: { text: chosen.text, line: chosen.line }, repeats, considered, messages: [] };
  }
  const messages: PipelineMessage[] = [];
  if (considered.length > 0) {
    const list = considered
      .slice(0, 5)
      .map((c) => `line ${c.line} “${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}” (${Math.round(c.echo * 100)} % echoed)`)
      .join(', ');
    messages.push(
      warning(
        'headline-uncertain',
        `no line above the lead reads as its headline: ${list}; none has at least ${ECHO_THRESHOLD * 100} % of its words in the lead, so the title is derived from the lead. ` +
          'If one of them is the headline, set "title" and "reason" in the seed\'s sidecar <id>.meta.yaml; if the page has none, nothing needs doing.',
        { line: considered[0]?.line ?? 1 },
      ),
    );
  }
  return { headline: null, repeats: [], considered, messages };
}
