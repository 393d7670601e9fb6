/** The stylesheets and components use logical properties only: the layout is right to left. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFiles } from './dist';

const physical = /(?<![\w-])(margin|padding|border)-(left|right)(?![\w-])|(?<![\w-])(left|right)\s*:|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)|clear\s*:\s*(left|right)|(?<![\w-])(border-(top|bottom)-(left|right)-radius)/;

describe('site styles', () => {
  it('use no physical left/right properties in src/styles, layouts, components and pages', () => {
    const files = [
      ...listFiles('src/styles').map((f) => `src/styles/${f}`),
      ...listFiles('src/layouts').map((f) => `src/layouts/${f}`),
      ...listFiles('src/components').map((f) => `src/components/${f}`),
      ...listFiles('src/pages').map((f) => `src/pages/${f}`),
    ].filter((f) => /\.(css|astro)$/.test(f));
    const offenders: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (physical.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(files.length).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });
});
