/**
 * Agency: which news agency an article credits, read from every form Arab sites print it in —
 * a `المصدر:` or `نقلاً عن` line, a closing `--(بترا)`, a trailing `(رويترز)` after the last
 * sentence, a dateline (`موسكو - تاس:`, `دوشنبه، 29/01/2025 /خاور/ -`, `دوشنبه 10 يناير (شينخوا)`),
 * or, failing those, a site name in the page head or foot. The names live in content/sources.yaml;
 * this module only knows where credits stand. Forms are tried strongest first; two different
 * agencies in the same form give no source and a warning, never a pick.
 */
import type { Source } from '../../schema';
import type { RemovedLine } from './clean';
import { warning, type PipelineMessage } from '../messages';
import { normalizeSource, type SourceTable } from './sources';
import { isProse, words } from '../text/text-features';

/** Where the credit was read, for the review sheet. */
type CreditForm = 'source-line' | 'closing-credit' | 'dateline' | 'page-name';

/** What the page says about its agency. */
export interface AgencyCredit {
  source: Source | null;
  /** The credit as written and its line, when one was read. */
  raw: string | null;
  line: number | null;
  form: CreditForm | null;
  messages: PipelineMessage[];
}

/** What the finder needs to know about the page. */
export interface AgencyInput {
  /** The seed's lines as read (furniture included). */
  lines: readonly string[];
  /** Lines removed so far, with their rules (`source` fields come from content/boilerplate.yaml). */
  removed: readonly RemovedLine[];
  /** The explicit credit a rule captured (`المصدر: …`, `نقلاً عن …`, `--(…)`), with its line. */
  explicit?: { raw: string; line?: number };
  headlineLine: number | null;
  /** The first and last prose lines (1-based). */
  leadLine: number | null;
  lastLine: number | null;
}

/** Characters that delimit the parts of a dateline: `/خاور/`, `(تاس)`, `موسكو - سبوتنيك.`, `بيشكيك، كابار`. */
const DELIMITERS = /[/()\-–—:|،,.«»"“”\[\]]+/u;
/** A dateline's credit part stands within this many characters of the start of the lead. */
const DATELINE_REACH = 90;
/** A dateline on a line of its own (place, date in two calendars, agency) has at most this many words. */
const DATELINE_LINE_MAX_WORDS = 12;
/** Page-name lines (site names above the headline, follow-us lines below) have at most this many words. */
const PAGE_NAME_MAX_WORDS = 8;
/** Rules whose lines never name a publisher: a language switcher's «العربية» is a language. */
const NOT_A_NAME = new Set(['language-switcher', 'photo-caption', 'photo-credit', 'link-list', 'agencies-dateline']);
/** "Agencies" in general (`وكالات`), which credits no agency in particular. */
const GENERIC_AGENCIES = /(?:^|[\s\-–—/(])وكالات(?:$|[\s\-–—/):.])/u;
/** A clear agency shape in a dateline: between slashes, or in brackets before a dash. */
const AGENCY_SHAPED = /\/\s*([^/\d]{2,30}?)\s*\/|\(\s*([^()\d]{2,30}?)\s*\)\s*[-–—]|^[^\s\d\-–—:]{2,20}\s*[-–—]\s*([^\s\d\-–—:]{2,20})\s*:\s*$/u;

function lookUp(name: string, table: SourceTable): Source | null {
  const trimmed = name.trim();
  if (trimmed === '' || !/\p{L}/u.test(trimmed)) return null;
  const direct = normalizeSource(trimmed, table).source;
  if (direct) return direct;
  // «وكالة سبوتنيك»: the word "agency" is often written before a name the table lists bare.
  const bare = trimmed.replace(/^وكالة\s+(?:أنباء\s+|الأنباء\s+)?/u, '');
  if (bare !== trimmed) return normalizeSource(bare, table).source;
  // «سبأنت», «الجزيرة نت»: the web edition of an agency or channel adds «نت».
  const web = trimmed.replace(/\s*نت$/u, '');
  return web !== trimmed && web.length >= 2 ? normalizeSource(web, table).source : null;
}

/**
 * Known agencies named in a piece of text: each delimited part, and the first or last one to
 * three words of a part (`… 29 يناير 2025 م واس`).
 */
function agenciesIn(text: string, table: SourceTable, wholeParts = false): Array<{ source: Source; raw: string }> {
  const found: Array<{ source: Source; raw: string }> = [];
  for (const part of text.split(DELIMITERS)) {
    const list = part.trim().split(/\s+/u).filter(Boolean);
    if (list.length === 0) continue;
    const tries = [part.trim()];
    // Words inside a part only in a dateline: on a page line «اتصل بنا» is "contact us", not BNA.
    if (!wholeParts) for (let n = 1; n <= Math.min(3, list.length - 1); n++) tries.push(list.slice(-n).join(' '), list.slice(0, n).join(' '));
    for (const attempt of tries) {
      const source = lookUp(attempt, table);
      if (source) {
        found.push({ source, raw: attempt });
        break;
      }
    }
  }
  return found;
}

/** One agency, or none with a warning when a form names two. */
function settle(found: ReadonlyArray<{ source: Source; raw: string; line: number }>, form: CreditForm): AgencyCredit | null {
  const first = found[0];
  if (!first) return null;
  const other = found.find((f) => f.source.id !== first.source.id);
  if (other) {
    return {
      source: null,
      raw: first.raw,
      line: first.line,
      form,
      messages: [
        warning(
          'conflicting-sources',
          `the page credits two agencies in the same way: “${first.raw}” (line ${first.line}, ${first.source.en}) and “${other.raw}” (line ${other.line}, ${other.source.en}), so no source is set; set "source" and "reason" in the seed's sidecar <id>.meta.yaml`,
          { line: other.line },
        ),
      ],
    };
  }
  return { source: first.source, raw: first.raw, line: first.line, form, messages: [] };
}

/** The agency a page credits, or none; unknown names in a clear credit form give `unknown-source`. */
export function findAgencyCredit(input: AgencyInput, table: SourceTable): AgencyCredit {
  const none: AgencyCredit = { source: null, raw: null, line: null, form: null, messages: [] };
  if (input.explicit) {
    const normalized = normalizeSource(input.explicit.raw, table, input.explicit.line);
    const viaBare = normalized.source ?? lookUp(input.explicit.raw, table);
    if (viaBare) return { source: viaBare, raw: input.explicit.raw, line: input.explicit.line ?? null, form: 'source-line', messages: [] };
    return { ...none, raw: input.explicit.raw, line: input.explicit.line ?? null, form: 'source-line', messages: normalized.messages };
  }
  const ruleOf = new Map(input.removed.map((r) => [r.line, r.rule]));
  const text = (line: number): string => (input.lines[line - 1] ?? '').trim();

  // A bracketed credit closing the last sentence: «… المحظورة. (رويترز)».
  if (input.lastLine !== null) {
    const closing = /\(([^()]{2,40})\)\s*\.?\s*$/u.exec(text(input.lastLine));
    const source = closing?.[1] ? lookUp(closing[1], table) : null;
    if (source && closing?.[1]) return { source, raw: closing[1].trim(), line: input.lastLine, form: 'closing-credit', messages: [] };
  }

  // The dateline: the opening of the lead and the short lines between the headline and the lead.
  if (input.leadLine !== null) {
    const found: Array<{ source: Source; raw: string; line: number }> = [];
    // Without a headline, the two lines right above the lead may still hold its dateline ("دوشنبه – سبأنت:").
    const from = input.headlineLine !== null ? input.headlineLine + 1 : Math.max(1, input.leadLine - 2);
    let unknown: { raw: string; line: number } | null = null;
    for (let line = from; line <= input.leadLine; line++) {
      const rule = ruleOf.get(line);
      const full = text(line);
      // «العربية.نت - وكالات»: the copy comes from agencies the line does not name; the site is not the source.
      if (full === '' || (rule !== undefined && NOT_A_NAME.has(rule)) || GENERIC_AGENCIES.test(full)) continue;
      const head = line === input.leadLine ? full.slice(0, DATELINE_REACH) : words(full).length <= DATELINE_LINE_MAX_WORDS ? full : '';
      // In the lead, only the part before the first verb-led clause counts: cut at the dash, colon or slash run that ends the dateline.
      for (const hit of agenciesIn(line === input.leadLine ? datelinePart(head) : head, table)) found.push({ ...hit, line });
      const shaped = AGENCY_SHAPED.exec(line === input.leadLine ? datelinePart(head) : head);
      const name = shaped?.[1] ?? shaped?.[2] ?? shaped?.[3];
      if (name && unknown === null && !lookUp(name, table)) unknown = { raw: name.trim(), line };
    }
    const settled = settle(found, 'dateline');
    if (settled) return settled;
    if (unknown) {
      return {
        ...none,
        raw: unknown.raw,
        line: unknown.line,
        form: 'dateline',
        messages: [
          warning('unknown-source', `the dateline credits "${unknown.raw}", which is not in content/sources.yaml, so the article has no source; add it (or this spelling to an entry's names)`, { line: unknown.line }),
        ],
      };
    }
  }

  // Failing a credit, the publisher's own name in the page head or foot (an agency's own site) —
  // unless the page says its copy comes from agencies in general.
  if (input.lines.some((raw, index) => GENERIC_AGENCIES.test(raw) && (input.leadLine === null || index + 1 <= input.leadLine))) return none;
  const found: Array<{ source: Source; raw: string; line: number }> = [];
  input.lines.forEach((raw, index) => {
    const line = index + 1;
    const rule = ruleOf.get(line);
    if (rule === undefined || NOT_A_NAME.has(rule) || rule === 'headline' || isProse(raw.trim()) || words(raw).length > PAGE_NAME_MAX_WORDS) return;
    const inHead = input.leadLine !== null && line < input.leadLine;
    const inFoot = input.lastLine !== null && line > input.lastLine;
    if (!inHead && !inFoot) return;
    for (const hit of agenciesIn(raw, table, true)) found.push({ ...hit, line });
  });
  return settle(found, 'page-name') ?? none;
}

/**
 * The dateline part of a lead: up to the last delimiter within its first words
 * (`دوشنبه، 29/01/2025 /خاور/ - بحث …` → `دوشنبه، 29/01/2025 /خاور/ -`), or nothing.
 */
function datelinePart(lead: string): string {
  const match = /^(.{0,80}?(?:\/\s*|\)\s*|\s[-–—]{1,2}|:))\s/u.exec(lead);
  if (!match?.[1]) return '';
  // Take the longest prefix that still ends in a dateline delimiter within the reach.
  let end = match[1].length;
  const re = /(?:\/|\)|\s[-–—]{1,2}|:|\.)(?=\s)/gu;
  for (const m of lead.slice(0, DATELINE_REACH).matchAll(re)) {
    const before = lead.slice(0, m.index);
    // Stop at the first comma-led clause of prose: the dateline has at most ten words.
    if (words(before).length > 10) break;
    end = m.index + m[0].length;
  }
  return lead.slice(0, end);
}
