/**
 * `npm run bench`: every benchmark, one after another. Speed and size goals are measured here,
 * never in timed tests. Pass names to run a subset: `npm run bench -- ingest entities`.
 */
import { spawnSync } from 'node:child_process';

const benchmarks: Record<string, string> = {
  ingest: 'scripts/bench-ingest.ts',
  site: 'scripts/bench-site.ts',
  entities: 'scripts/bench-entities.ts',
  search: 'scripts/bench-search.ts',
  bundle: 'scripts/bench-bundle.ts',
};

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(benchmarks);
let failed = false;
for (const name of chosen) {
  const script = benchmarks[name];
  if (!script) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benchmarks).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n# ${name}`);
  const result = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
