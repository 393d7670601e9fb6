/**
 * Clitic-aware, whole-word matching of many Arabic (or Latin) phrases in one pass.
 *
 * Every phrase is folded with the shared `foldArabic` rules, runs of whitespace become one space,
 * and a leading article ال is split off. The remaining "core" goes into one Aho–Corasick automaton.
 * A hit on the core is accepted only when the letters before it, back to the word boundary, are a
 * valid chain of proclitics (و ف, then ب ك ل, then ال — with ل + ال written لل), and the letter
 * after it ends the word. So the pattern count stays one per spelling however clitics combine.
 */
import AhoCorasick from 'modern-ahocorasick';
import { foldArabic, foldWithMap } from '../../arabic/normalize';
import { createCodeUnitAutomaton } from './code-unit-automaton';
import { remembering } from '../text/remember';

/** A phrase as the automaton sees it. */
export interface PhraseKey {
  /** Folded, whitespace-collapsed spelling without its leading article. */
  core: string;
  /** True when the phrase was written with the article ال, which the text must then carry too. */
  article: boolean;
}

/** One accepted hit: folded-independent, in UTF-16 offsets of the text given. */
interface PhraseHit<T> {
  start: number;
  end: number;
  value: T;
}

export interface PhraseMatcher<T> {
  /** Sorted, non-overlapping hits; the longest wins, then the earliest. */
  find(text: string): PhraseHit<T>[];
}

const ARTICLE = 'ال';
const TATWEEL = '\u0640';

// Proclitic chains, in folded spelling: conjunction, then preposition, then article.
// "لل" is ل + ال with the alef dropped (للأمم); "لال" accepts the same without the drop (لألماتي).
const PREFIX_WITH_ARTICLE = /^[وف]?(?:[بك]?ال|لل|لال)$/u;
const PREFIX_WITHOUT_ARTICLE = /^[وف]?(?:[بكل]?(?:ال)?|لل)$/u;
const MAX_PREFIX = 4; // وبال، وكال، فلال

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Text made only of these code units has one grapheme per code unit: none of them combines with
 * its neighbours (no marks, joiners, prepended signs, surrogates or CR). Folded article text almost
 * always qualifies; other text goes through the grapheme-aware automaton.
 */
export const ONE_UNIT_GRAPHEMES = /^[\t\n\x20-\x7E\xA0-\xAC\xAE-\xFF\u060C\u061B\u061F\u0620-\u064A\u0660-\u066F\u0671-\u06D5\u2010-\u2027\u2030-\u205E]*$/;
const TRAILING_MARK = /[\p{M}\u0640]/u;

/** True for a letter, digit or mark: anything that continues a word. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Is `prefix` (folded) a valid chain of proclitics before a phrase with or without ال? */
export function isCliticPrefix(prefix: string, article: boolean): boolean {
  return (article ? PREFIX_WITH_ARTICLE : PREFIX_WITHOUT_ARTICLE).test(prefix);
}

/** Fold a phrase for matching: shared folding, one space between words, article split off. */
export function phraseKey(phrase: string): PhraseKey {
  const folded = foldArabic(phrase).replace(/ +/g, ' ').trim();
  // Keep the article when nothing (or almost nothing) would remain of the word without it.
  if (folded.startsWith(ARTICLE) && isWordChar(folded[2]) && isWordChar(folded[3])) {
    return { core: folded.slice(ARTICLE.length), article: true };
  }
  return { core: folded, article: false };
}

/** Does a folded word equal `stem` once a valid clitic chain is taken off its front? */
export function wordHasStem(foldedWord: string, stem: PhraseKey): boolean {
  if (!foldedWord.endsWith(stem.core)) return false;
  return isCliticPrefix(foldedWord.slice(0, foldedWord.length - stem.core.length), stem.article);
}

/** Folded text whose runs of whitespace are one space, with offsets back into the source. */
interface SpacedText {
  folded: string;
  /** Source index of the character behind `folded[i]`. */
  origin: number[];
}

/** Texts whose folding is kept: more than one page's lines, so every matcher folds a line once. */
const REMEMBERED_FOLDS = 512;

/**
 * `text` folded for matching, remembered: the gazetteer and the role words look up the same
 * lines of a page, and the folding depends on the text alone. Read-only for its callers.
 */
const foldForMatching = remembering(REMEMBERED_FOLDS, spacedFold);

function spacedFold(text: string): SpacedText {
  const { folded, origin } = foldWithMap(text);
  if (!folded.includes('  ')) return { folded, origin };
  const kept: string[] = [];
  const map: number[] = [];
  let afterSpace = false;
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i]!;
    if (char === ' ' && afterSpace) continue;
    afterSpace = char === ' ';
    kept.push(char);
    map.push(origin[i]!);
  }
  return { folded: kept.join(''), origin: map };
}

interface Target<T> {
  article: boolean;
  value: T;
  /** Index of the phrase in the input, the final tie-breaker. */
  order: number;
}

interface Candidate<T> {
  start: number; // folded
  end: number; // folded
  target: Target<T>;
}

/**
 * Build the automaton once for all phrases; `value` is what a hit reports.
 * Phrases whose core is empty are ignored (the gazetteer validator reports them).
 */
export function createPhraseMatcher<T>(phrases: ReadonlyArray<{ phrase: string; value: T }>): PhraseMatcher<T> {
  const byCore = new Map<string, Array<Target<T>>>();
  phrases.forEach(({ phrase, value }, order) => {
    const key = phraseKey(phrase);
    if (key.core === '') return;
    const targets = byCore.get(key.core);
    const target = { article: key.article, value, order };
    if (targets) targets.push(target);
    else byCore.set(key.core, [target]);
  });
  const entries = [...byCore];
  // Grapheme-aware matching segments the text first, which costs more than the matching itself;
  // where code units are graphemes, the code-unit automaton finds the same hits without it.
  const codeUnits = createCodeUnitAutomaton(entries.map(([pattern]) => pattern));
  let graphemes: AhoCorasick<Array<Target<T>>> | undefined;
  const occurrences = (folded: string): Iterable<{ start: number; end: number; data: Array<Target<T>> | undefined }> => {
    if (ONE_UNIT_GRAPHEMES.test(folded)) {
      return codeUnits.findAll(folded).map(({ start, end, pattern }) => ({ start, end, data: entries[pattern]![1] }));
    }
    graphemes ??= new AhoCorasick(entries.map(([pattern, data]) => ({ pattern, data })));
    return graphemes.iterate(folded);
  };

  return {
    find(text: string): PhraseHit<T>[] {
      if (byCore.size === 0 || text === '') return [];
      const spaced = foldForMatching(text);
      const { folded } = spaced;
      const candidates: Array<Candidate<T>> = [];
      for (const hit of occurrences(folded)) {
        // A phrase that ends in a letter must end the word; one that ends in punctuation need not.
        if (isWordChar(folded[hit.end - 1]) && isWordChar(folded[hit.end])) continue;
        const wordStart = findWordStart(folded, hit.start);
        if (wordStart < 0) continue;
        const prefix = folded.slice(wordStart, hit.start);
        for (const target of hit.data ?? []) {
          if (!isCliticPrefix(prefix, target.article)) continue;
          const start = detachedCliticStart(text, spaced, wordStart, prefix, target.article);
          candidates.push({ start, end: hit.end, target });
        }
      }
      return selectLongest(candidates, folded.length).map((c) => ({
        start: spaced.origin[c.start]!,
        end: sourceEnd(text, spaced, c.end),
        value: c.target.value,
      }));
    },
  };
}

/** Walk left from `index` over at most MAX_PREFIX word characters; -1 when the word is longer. */
function findWordStart(folded: string, index: number): number {
  let start = index;
  while (start > 0 && isWordChar(folded[start - 1])) {
    start--;
    if (index - start > MAX_PREFIX) return -1;
  }
  return start;
}

/**
 * Some writers detach a clitic with tatweel before a foreign name ("الـ ناتو", "لـ ناتو").
 * Include such a clitic in the mention when the whole chain is still valid.
 */
function detachedCliticStart(text: string, spaced: SpacedText, wordStart: number, prefix: string, article: boolean): number {
  const { folded, origin } = spaced;
  if (wordStart < 2 || folded[wordStart - 1] !== ' ') return wordStart;
  const tokenEnd = wordStart - 1;
  let tokenStart = tokenEnd;
  while (tokenStart > 0 && isWordChar(folded[tokenStart - 1]) && tokenEnd - tokenStart <= MAX_PREFIX) tokenStart--;
  if (tokenStart === tokenEnd || isWordChar(folded[tokenStart - 1])) return wordStart;
  const token = folded.slice(tokenStart, tokenEnd);
  if (!isCliticPrefix(token + prefix, article) || !isCliticPrefix(token, false)) return wordStart;
  const original = text.slice(origin[tokenStart], origin[tokenEnd]);
  return original.includes(TATWEEL) ? tokenStart : wordStart;
}

/** Longest span first, then earliest, then input order; a span may not overlap a chosen one. */
function selectLongest<T>(candidates: Array<Candidate<T>>, length: number): Array<Candidate<T>> {
  if (candidates.length === 0) return [];
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.target.order - b.target.order,
  );
  const taken = new Uint8Array(length);
  const chosen: Array<Candidate<T>> = [];
  for (const candidate of candidates) {
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** End offset in the source: after the last matched character and any marks that ride on it. */
function sourceEnd(text: string, spaced: SpacedText, foldedEnd: number): number {
  const last = spaced.origin[foldedEnd - 1]!;
  let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
  while (end < text.length) {
    const char = String.fromCodePoint(text.codePointAt(end)!);
    if (!TRAILING_MARK.test(char)) break;
    end += char.length;
  }
  return end;
}
