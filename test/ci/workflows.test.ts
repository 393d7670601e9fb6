/**
 * The hosted workflows against .ci/run: the pull-request job runs the same npm steps in the same
 * order, every action is pinned to a commit, and permissions start from read-only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const workflowsDir = join(root, '.github/workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; container?: string }>;
}

const workflows = Object.fromEntries(
  readdirSync(workflowsDir)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => [name, parse(readFileSync(join(workflowsDir, name), 'utf8')) as Workflow]),
);

/** The npm commands of a shell text, one per line, comments and other commands left out. */
function npmCommands(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npm '));
}

describe('.github/workflows', () => {
  it('has the pull-request, deploy and release workflows', () => {
    expect(Object.keys(workflows).sort()).toEqual(['deploy.yml', 'pull-request.yml', 'release.yml']);
  });

  it('runs the steps of .ci/run on every pull request, in the same order, in Debian with Chromium', () => {
    const ci = npmCommands(readFileSync(join(root, '.ci/run'), 'utf8'));
    expect(ci).toEqual(['npm install --no-audit --no-fund', 'npm run ingest -- --check', 'npm run check', 'npm run build', 'npm test']);
    const job = workflows['pull-request.yml']!.jobs['check']!;
    expect(workflows['pull-request.yml']!.on).toHaveProperty('pull_request');
    expect(job.container).toMatch(/bookworm/);
    const everyStep = job.steps.filter((step) => step.if === undefined).flatMap((step) => npmCommands(step.run ?? ''));
    expect(everyStep).toEqual(ci);
    expect(job.steps.some((step) => step.run?.includes('apt-get install -y --no-install-recommends chromium'))).toBe(true);
  });

  it('writes the ingest review sheet to the job summary of a pull request', () => {
    const review = workflows['pull-request.yml']!.jobs['check']!.steps.find((step) => step.name === 'Ingest review sheet');
    expect(review?.run).toContain('npm run --silent review -- --base "origin/$BASE_REF" --out "$GITHUB_STEP_SUMMARY"');
    expect(review?.if).toBe("github.event_name == 'pull_request'");
  });

  it('pins every action to a full commit, with the version in a comment', () => {
    for (const [name, text] of readdirSync(workflowsDir).map((file) => [file, readFileSync(join(workflowsDir, file), 'utf8')] as const)) {
      const uses = [...text.matchAll(/uses:\s*(\S+)(.*)/g)];
      expect(uses.length, name).toBeGreaterThan(0);
      for (const [, action, comment] of uses) {
        expect(action, name).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, name).toMatch(/# v\d+/);
      }
    }
  });

  it('starts every workflow read-only and grants more only to the job that needs it', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      expect(workflow.permissions, name).toEqual({ contents: 'read' });
      expect(JSON.stringify(workflow.on), name).not.toContain('pull_request_target');
    }
    expect(workflows['deploy.yml']!.jobs['deploy']!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflows['release.yml']!.jobs['bundle']!.permissions).toEqual({ contents: 'write' });
  });

  it('passes untrusted event values to scripts through the environment only', () => {
    for (const [name, workflow] of Object.entries(workflows)) {
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) expect(step.run ?? '', `${name}: ${step.name ?? step.uses}`).not.toMatch(/\$\{\{/);
      }
    }
  });
});
