/**
 * Line patterns from contributor-edited rule files, matched in linear time. The rules arrive by
 * pull request, so a backtracking engine would let one rule such as `(?:ا+)+ب` hang every ingest;
 * RE2 (through re2js) has no backtracking, so matching costs at most pattern size × line length.
 */
import { RE2JS } from 're2js';

/** Longest pattern accepted, so the compiled automaton stays small. */
const MAX_PATTERN_LENGTH = 1000;

/** Longest line a pattern is tried on; furniture lines are short, and this bounds the time per line. */
export const MAX_MATCHED_LINE_LENGTH = 2000;

/** A compiled whole-line pattern. */
export interface LinePattern {
  /** The pattern as written in the rules file. */
  readonly source: string;
  /** True when the whole (trimmed) line matches. Lines over MAX_MATCHED_LINE_LENGTH never match. */
  test(line: string): boolean;
  /** The named group `value` of a whole-line match, if the pattern has one and it took part. */
  value(line: string): string | undefined;
}

/** Why a pattern cannot be used, or null when it compiles. */
export function linePatternProblem(source: string): string | null {
  if (source.length > MAX_PATTERN_LENGTH) return `a pattern of at most ${MAX_PATTERN_LENGTH} characters (this one has ${source.length})`;
  try {
    RE2JS.compile(`^(?:${source})$`);
    return null;
  } catch (error) {
    // RE2 has no look-around or back-references: they are what make matching exponential.
    return `a regular expression in RE2 syntax (no look-around, no back-references): ${(error as Error).message}`;
  }
}

/** Compile a pattern anchored to the whole line. Throws when `linePatternProblem` would report one. */
export function compileLinePattern(source: string): LinePattern {
  const problem = linePatternProblem(source);
  if (problem !== null) throw new Error(`the pattern ${JSON.stringify(source.slice(0, 60))} is not ${problem}`);
  const compiled = RE2JS.compile(`^(?:${source})$`);
  const hasValue = /\(\?P?<value>/.test(source);
  const fits = (line: string): boolean => line.length <= MAX_MATCHED_LINE_LENGTH;
  return {
    source,
    test: (line) => fits(line) && compiled.matches(line),
    value: (line) => {
      if (!hasValue || !fits(line)) return undefined;
      const matcher = compiled.matcher(line);
      if (!matcher.matches()) return undefined;
      return matcher.group('value') ?? undefined;
    },
  };
}
