/**
 * Golden files: each seed → test/golden/<slug>.mdx, each behaviour folder test/fixtures/<case>/
 * (input.txt, optional meta.yaml) → expected.mdx + messages.txt. `vitest -u` rewrites them; the diff
 * is reviewed by eye in the pull request.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../src/pipeline/index';
import { articleSlug, seedId } from '../../src/pipeline/text/slug';
import { FOUNDING_SEEDS } from '../setup/founding-archive';
import { formatMessages, fullConfig, root } from './config';

const config = fullConfig();
const seedsDir = join(root, 'seeds');
const fixturesDir = join(root, 'test/fixtures');

// The founding seeds: an article a contributor adds is reviewed as its MDX in content/articles/.
describe('each founding seed converts to its reviewed golden MDX', () => {
  for (const name of FOUNDING_SEEDS) {
    it(`${name} matches test/golden/${articleSlug(seedId(name))}.mdx`, async () => {
      const sidecarPath = join(seedsDir, `${seedId(name)}.meta.yaml`);
      const sidecar = existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined;
      const result = ingestSeed({ fileName: name, bytes: readFileSync(join(seedsDir, name)), ...(sidecar === undefined ? {} : { sidecar }) }, config);
      expect(result.mdx).not.toBeNull();
      await expect(result.mdx).toMatchFileSnapshot(join(root, 'test/golden', `${result.slug}.mdx`));
      await expect(formatMessages([...result.messages, ...result.sidecarMessages])).toMatchFileSnapshot(join(root, 'test/golden', `${result.slug}.messages.txt`));
    });
  }
});

describe('each fixture case converts to its expected MDX and messages', () => {
  const cases = readdirSync(fixturesDir)
    .filter((name) => existsSync(join(fixturesDir, name, 'input.txt')))
    .sort();
  for (const name of cases) {
    it(`${name}`, async () => {
      const dir = join(fixturesDir, name);
      const sidecarPath = join(dir, 'meta.yaml');
      const sidecar = existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined;
      const result = ingestSeed({ fileName: `${name}.txt`, bytes: readFileSync(join(dir, 'input.txt')), ...(sidecar === undefined ? {} : { sidecar }) }, config);
      await expect(result.mdx ?? '(not written: see messages.txt)\n').toMatchFileSnapshot(join(dir, 'expected.mdx'));
      const sidecarLines = result.sidecarMessages.length > 0 ? `meta.yaml:\n${formatMessages(result.sidecarMessages)}` : '';
      await expect(formatMessages(result.messages) + sidecarLines).toMatchFileSnapshot(join(dir, 'messages.txt'));
    });
  }
});
