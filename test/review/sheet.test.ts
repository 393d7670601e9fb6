import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSeed } from '../../src/pipeline/index';
import { renderReviewSheet } from '../../src/review/sheet';
import { fullConfig, root } from '../pipeline/config';

const config = fullConfig();
const review = (fileName: string, text: string, sidecar?: string) =>
  renderReviewSheet([{ seedPath: `seeds/${fileName}`, result: ingestSeed({ fileName, bytes: Buffer.from(text), ...(sidecar ? { sidecar } : {}) }, config) }]);

describe('the ingest review sheet', () => {
  it('says what a reviewer checks for a seed: title, date and evidence, source, names, furniture, warnings, unknown names', () => {
    const sheet = review('001_x.txt', readFileSync(join(root, 'seeds/001_6dfbaefa9a0405cb.txt'), 'utf8'));
    expect(sheet).toContain('### ');
    expect(sheet).toContain('- **Seed:** `seeds/001_x.txt` → `content/articles/001-x.mdx`');
    expect(sheet).toContain('- **Title:** derived from the lead (no convincing headline).');
    expect(sheet).toMatch(/- \*\*Date:\*\* 2025-01-29 \(day\), from `[^`]+`/u);
    expect(sheet).toContain('- **Source:** TASS (تاس)');
    expect(sheet).toMatch(/- \*\*Names:\*\* \d+ people, \d+ places, \d+ organizations/u);
    expect(sheet).toContain('**Removed as furniture');
  });

  it('explains a missing date and lists the warning and the unknown names', () => {
    const sheet = review('000_x.txt', readFileSync(join(root, 'seeds/000_8441eef74626a7fb.txt'), 'utf8'));
    expect(sheet).toContain('- **Date:** none — see the missing-date warning below');
    expect(sheet).toMatch(/- warning `missing-date` \(line 3\): No publication date found/u);
    expect(sheet).toContain('**Names the gazetteer does not know:**');
    expect(sheet).toContain('- `واط` on line 1, after «مراسل»');
  });

  it('names the sidecar as the date source, with its reason', () => {
    const sheet = review('001_x.txt', 'عنوان الخبر\n\nقال المتحدث إن الاجتماع انتهى.\n', 'published: 2022-01-10\nreason: press release of 10 January\n');
    expect(sheet).toContain('- **Date:** 2022-01-10 (day), set in the sidecar: press release of 10 January');
  });

  it('keeps text from a pull request as text: no live link, image or HTML in the summary', () => {
    const sheet = review('002_x.txt', '[اضغط](javascript:alert(1)) ![x](https://evil.example/t.png) <img src=x onerror=alert(1)>\n\nقال المتحدث إن الاجتماع انتهى.\n');
    expect(sheet).not.toMatch(/(?<!\\)\[اضغط\]\(javascript:/u);
    expect(sheet).not.toMatch(/(?<!\\)!\[x\]\(https/u);
    expect(sheet).not.toMatch(/(?<!\\)<img/u);
  });

  it('reports a seed that could not be converted, and an empty change set', () => {
    expect(review('003_x.txt', '')).toContain('### seeds/003_x.txt — not converted');
    expect(review('003_x.txt', '')).toContain('error `empty-seed`');
    expect(renderReviewSheet([])).toContain('No seed was added or changed.');
  });
});
