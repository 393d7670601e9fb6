/** The repository's real rules, sources and gazetteer, loaded the way the CLI loads them. */
import { join } from 'node:path';
import { formatReports, hasFatalReport, loadIngestConfig } from '../../src/loaders/content';
import type { IngestConfig } from '../../src/pipeline/index';
import type { PipelineMessage } from '../../src/pipeline/messages';

export const root = join(import.meta.dirname, '..', '..');

function load(gazetteer: string): IngestConfig {
  const { config, reports } = loadIngestConfig({
    rules: join(root, 'content/boilerplate.yaml'),
    sources: join(root, 'content/sources.yaml'),
    gazetteer,
  });
  if (!config || hasFatalReport(reports)) throw new Error(`content rules are invalid:\n${formatReports(reports)}`);
  return config;
}

/** Rules and sources only (no gazetteer), for tests about structure and safety. */
export function baseConfig(): IngestConfig {
  return load(join(root, 'test/.no-gazetteer'));
}

/** Rules, sources and the gazetteer matcher, as `npm run ingest` uses them. */
export function fullConfig(): IngestConfig {
  return load(join(root, 'content/gazetteer'));
}

/** Messages as review-friendly text lines: `line:column severity rule-id reason`. */
export function formatMessages(messages: readonly PipelineMessage[]): string {
  return messages
    .map((m) => `${m.line ?? 0}:${m.column ?? 0} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`)
    .join('\n')
    .concat(messages.length > 0 ? '\n' : '');
}
