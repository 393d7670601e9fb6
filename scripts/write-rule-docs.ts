/** `npm run docs`: write the rule tables of CONTRIBUTING.md from the registry (src/pipeline/rules.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRuleTables } from '../src/pipeline/rule-docs';

const file = new URL('../CONTRIBUTING.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withRuleTables(before);
if (after === before) console.log('CONTRIBUTING.md: rule tables up to date');
else {
  writeFileSync(file, after);
  console.log('CONTRIBUTING.md: rule tables written');
}
