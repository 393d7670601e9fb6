/** The repository's real rules, sources and gazetteer, loaded the way the CLI loads them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBoilerplateRules } from '../../src/pipeline/clean';
import { createEntityMatcher } from '../../src/pipeline/entities';
import { parseGazetteer } from '../../src/pipeline/gazetteer';
import type { IngestConfig } from '../../src/pipeline/index';
import type { PipelineMessage } from '../../src/pipeline/messages';
import { parseSources } from '../../src/pipeline/sources';

export const root = join(import.meta.dirname, '..', '..');

/** Rules and sources only (no gazetteer), for tests about structure and safety. */
export function baseConfig(): IngestConfig {
  const rules = parseBoilerplateRules(readFileSync(join(root, 'content/boilerplate.yaml'), 'utf8'));
  const sources = parseSources(readFileSync(join(root, 'content/sources.yaml'), 'utf8'));
  if (rules.messages.length + sources.messages.length > 0) throw new Error('content rules are invalid');
  return { rules: rules.rules, sources: sources.table };
}

/** Rules, sources and the gazetteer matcher, as `npm run ingest` uses them. */
export function fullConfig(): IngestConfig {
  const dir = join(root, 'content/gazetteer');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `content/gazetteer/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
  const { entities } = parseGazetteer(files);
  return { ...baseConfig(), matcher: createEntityMatcher(entities) };
}

/** Messages as review-friendly text lines: `line:column severity rule-id reason`. */
export function formatMessages(messages: readonly PipelineMessage[]): string {
  return messages
    .map((m) => `${m.line ?? 0}:${m.column ?? 0} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`)
    .join('\n')
    .concat(messages.length > 0 ? '\n' : '');
}
