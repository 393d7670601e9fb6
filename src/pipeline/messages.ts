/**
 * Diagnostics as values. Pipeline stages return these; the CLI puts them on a vfile and prints
 * them with vfile-reporter. Rule ids are kebab-case and permanent: tests and docs refer to them,
 * and each is registered, with its severity and what to do, in rules.ts.
 */
import type { ErrorId, RuleId, WarningId } from './rules';

export interface PipelineMessage {
  /** Permanent kebab-case id, e.g. "missing-date", "bidi-control"; see rules.ts. */
  ruleId: RuleId;
  /** What happened and why, then what to do. No "Error:" prefix. */
  reason: string;
  /** 1-based line in the seed file, when the problem has a place. */
  line?: number;
  /** 1-based column in that line. */
  column?: number;
  /** Fatal: the article cannot be written. Otherwise a warning. */
  fatal: boolean;
}

/** Build a warning; `place` is optional because some problems concern the whole file. */
export function warning(ruleId: WarningId, reason: string, place: { line?: number; column?: number } = {}): PipelineMessage {
  return { ruleId, reason, fatal: false, ...place };
}

/** Build a fatal error: the article is not written and ingest exits non-zero. */
export function fatal(ruleId: ErrorId, reason: string, place: { line?: number; column?: number } = {}): PipelineMessage {
  return { ruleId, reason, fatal: true, ...place };
}
