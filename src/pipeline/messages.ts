/**
 * Diagnostics as values. Pipeline stages return these; the CLI puts them on a vfile and prints
 * them with vfile-reporter. Rule ids are kebab-case and permanent: tests and docs refer to them.
 */
export interface PipelineMessage {
  /** Permanent kebab-case id, e.g. "missing-date", "bidi-control". */
  ruleId: string;
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
export function warning(ruleId: string, reason: string, place: { line?: number; column?: number } = {}): PipelineMessage {
  return { ruleId, reason, fatal: false, ...place };
}

/** Build a fatal error: the article is not written and ingest exits non-zero. */
export function fatal(ruleId: string, reason: string, place: { line?: number; column?: number } = {}): PipelineMessage {
  return { ruleId, reason, fatal: true, ...place };
}
