/**
 * `npm run bench`: every benchmark, one after another. Speed and size goals are measured here,
 * never in timed tests. Pass names to run a subset: `npm run bench -- ingest entities`.
 */
import { spawnSync } from 'node:child_process';

const benchmarks: Record<string, string> = {
  compare: 'scripts/bench-compare.ts',
  ingest: 'scripts/bench-ingest.ts',
  site: 'scripts/bench-site.ts',
  entities: 'scripts/bench-entities.ts',
  search: 'scripts/bench-search.ts',
  bundle: 'scripts/bench-bundle.ts',
  shards: 'scripts/bench-shards.ts',
};

// Names choose benchmarks; anything after them that starts with "--" goes to each (e.g. --n 10000).
const args = process.argv.slice(2);
const names = args.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const options = args.filter((arg) => !names.includes(arg));
const chosen = names.length > 0 ? names : options.length > 0 ? ['compare'] : Object.keys(benchmarks);
let failed = false;
for (const name of chosen) {
  const script = benchmarks[name];
  if (!script) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benchmarks).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n# ${name}`);
  const result = spawnSync('npx', ['tsx', script, ...(name === 'compare' || name === 'shards' ? options : [])], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
