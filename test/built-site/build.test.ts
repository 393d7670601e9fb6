import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

describe('the test site build', () => {
  it('is built into the injected folder for the /archive/ base path', () => {
    expect(inject('siteBase')).toBe('/archive/');
    expect(existsSync(path.join(inject('siteDir'), 'index.html'))).toBe(true);
  });
});
