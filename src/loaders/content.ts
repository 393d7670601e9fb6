/**
 * One loader per contributor-edited content file — the boilerplate rules, the sources and the
 * gazetteer — used alike by ingest, the site's content collections and the search index, so no
 * path into the build skips a check. Each returns what it read plus messages grouped by file.
 */
import path from 'node:path';
import type { Entity, EntityKind } from '../schema';
import { parseBoilerplateRules, type BoilerplateRule } from '../pipeline/page/clean';
import { createEntityMatcher } from '../pipeline/entities/entities';
import { parseGazetteer } from '../pipeline/entities/gazetteer';
import type { IngestConfig } from '../pipeline/index';
import { fatal, type PipelineMessage } from '../pipeline/messages';
import { parseSources, type SourceTable } from '../pipeline/page/sources';
import { listRealFolder, readUtf8File } from './files';

/** Largest rules, sources or gazetteer file accepted, in bytes. */
export const MAX_CONTENT_FILE_BYTES = 8 * 1024 * 1024;

/** Messages about one file. */
export interface FileReport {
  path: string;
  messages: PipelineMessage[];
}

/** True when any report holds a fatal message. */
export function hasFatalReport(reports: readonly FileReport[]): boolean {
  return reports.some((report) => report.messages.some((m) => m.fatal));
}

/** Reports as `path:line  reason  [rule-id]` lines, for an exception the build prints. */
export function formatReports(reports: readonly FileReport[]): string {
  return reports
    .flatMap((report) => report.messages.map((m) => `${report.path}${m.line === undefined ? '' : `:${m.line}`}  ${m.fatal ? 'error' : 'warning'}  ${m.reason}  [${m.ruleId}]`))
    .join('\n');
}

function readText(file: string): { text: string } | { report: FileReport } {
  const read = readUtf8File(file, MAX_CONTENT_FILE_BYTES);
  if ('problem' in read) return { report: { path: file, messages: [fatal(read.problem.ruleId, read.problem.reason)] } };
  return read;
}

/** `content/boilerplate.yaml`. */
function loadRules(file: string): { rules: BoilerplateRule[]; reports: FileReport[] } {
  const read = readText(file);
  if ('report' in read) return { rules: [], reports: [read.report] };
  const { rules, messages } = parseBoilerplateRules(read.text);
  return { rules, reports: [{ path: file, messages }] };
}

/** `content/sources.yaml`. */
function loadSources(file: string): { table: SourceTable; reports: FileReport[] } {
  const read = readText(file);
  if ('report' in read) return { table: { byName: new Map() }, reports: [read.report] };
  const { table, messages } = parseSources(read.text);
  return { table, reports: [{ path: file, messages }] };
}

/**
 * Every `*.yaml` file of the gazetteer folder. A `.yml` file or anything else that is not a regular
 * `.yaml` file is an error rather than silently skipped, so what the site links and what ingest
 * checks are always the same files. A missing folder is an empty gazetteer.
 */
export function loadGazetteer(folder: string): { entities: Entity[]; reports: FileReport[] } {
  const listed = listRealFolder(folder);
  if ('problem' in listed) {
    if (listed.problem.ruleId === 'missing-file') return { entities: [], reports: [] };
    return { entities: [], reports: [{ path: folder, messages: [fatal(listed.problem.ruleId, listed.problem.reason)] }] };
  }
  const reports: FileReport[] = [];
  const files: Array<{ path: string; text: string }> = [];
  for (const entry of listed.entries) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(folder, entry.name);
    if (!entry.name.endsWith('.yaml')) {
      reports.push({ path: file, messages: [fatal('unexpected-file', 'the gazetteer folder holds only .yaml files (one list of entities each); rename it to .yaml or move it out')] });
      continue;
    }
    const read = readText(file);
    if ('report' in read) reports.push(read.report);
    else files.push({ path: file, text: read.text });
  }
  const { entities, messages } = parseGazetteer(files);
  const byPath = new Map<string, PipelineMessage[]>();
  for (const { path: file, ...message } of messages) byPath.set(file, [...(byPath.get(file) ?? []), message]);
  for (const [file, list] of [...byPath].sort(([a], [b]) => (a < b ? -1 : 1))) reports.push({ path: file, messages: list });
  return { entities, reports };
}

/** Where ingest's content files live. */
export interface ContentPaths {
  rules: string;
  sources: string;
  gazetteer: string;
}

/** The content files of the repository, relative to its root. */
export const DEFAULT_CONTENT_PATHS: Readonly<ContentPaths> = {
  rules: 'content/boilerplate.yaml',
  sources: 'content/sources.yaml',
  gazetteer: 'content/gazetteer',
};

/** Everything ingest needs, loaded once; `config` is null when a file has a fatal problem. */
export function loadIngestConfig(paths: ContentPaths): { config: IngestConfig | null; reports: FileReport[] } {
  const rules = loadRules(paths.rules);
  const sources = loadSources(paths.sources);
  const gazetteer = loadGazetteer(paths.gazetteer);
  const reports = [...rules.reports, ...sources.reports, ...gazetteer.reports];
  if (hasFatalReport(reports)) return { config: null, reports };
  const entities = new Map<string, EntityKind>(gazetteer.entities.map((entity) => [entity.id, entity.kind]));
  return {
    config: { rules: rules.rules, sources: sources.table, entities, ...(gazetteer.entities.length > 0 ? { matcher: createEntityMatcher(gazetteer.entities) } : {}) },
    reports,
  };
}
