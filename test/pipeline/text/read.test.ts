import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readSeed, splitLines } from '../../../src/pipeline/text/read';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));

describe('readSeed', () => {
  it('decodes plain UTF-8 and reports LF line endings', () => {
    const { seed, messages } = readSeed(utf8('سطر أول\nسطر ثان\n'));
    expect(seed).toMatchObject({ lines: ['سطر أول', 'سطر ثان', ''], encoding: 'utf-8', lineEndings: 'lf', normalized: [] });
    expect(messages).toEqual([]);
  });

  it('strips a UTF-8 BOM, says so, and records the encoding', () => {
    const { seed, messages } = readSeed(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('نص')));
    expect(seed?.lines).toEqual(['نص']);
    expect(seed?.encoding).toBe('utf-8 with BOM');
    expect(messages.map((m) => m.ruleId)).toEqual(['byte-order-mark']);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x46, 0x06, 0x35, 0x06]); // نص
    const be = new Uint8Array([0xfe, 0xff, 0x06, 0x46, 0x06, 0x35]);
    expect(readSeed(le).seed).toMatchObject({ lines: ['نص'], encoding: 'utf-16le' });
    expect(readSeed(be).seed).toMatchObject({ lines: ['نص'], encoding: 'utf-16be' });
  });

  it('rejects truncated UTF-16 as fatal', () => {
    const { seed, messages } = readSeed(new Uint8Array([0xff, 0xfe, 0x46]));
    expect(seed).toBeNull();
    expect(messages).toMatchObject([{ ruleId: 'invalid-utf16', fatal: true }]);
  });

  it('rejects invalid UTF-8 as fatal, naming the line and column of the bad byte', () => {
    const { seed, messages } = readSeed(concat(utf8('سطر\nab'), new Uint8Array([0xc3, 0x28])));
    expect(seed).toBeNull();
    expect(messages).toMatchObject([{ ruleId: 'invalid-utf8', fatal: true, line: 2, column: 3 }]);
  });

  it('rejects empty and whitespace-only files as fatal', () => {
    expect(readSeed(new Uint8Array()).messages).toMatchObject([{ ruleId: 'empty-seed', fatal: true }]);
    expect(readSeed(utf8(' \n\t\r\n')).messages.at(-1)).toMatchObject({ ruleId: 'empty-seed', fatal: true });
  });

  it('treats a file of control characters as binary', () => {
    expect(readSeed(new Uint8Array(64).fill(1)).messages).toMatchObject([{ ruleId: 'binary-file', fatal: true }]);
  });

  it('reads CRLF and lone CR as line breaks and names the convention', () => {
    expect(readSeed(utf8('a\r\nb')).seed).toMatchObject({ lines: ['a', 'b'], lineEndings: 'crlf' });
    const cr = readSeed(utf8('a\rb'));
    expect(cr.seed).toMatchObject({ lines: ['a', 'b'], lineEndings: 'cr' });
    expect(cr.messages.map((m) => m.ruleId)).toEqual(['cr-line-endings']);
    expect(readSeed(utf8('a\r\nb\nc')).seed?.lineEndings).toBe('mixed');
  });

  it('removes bidi controls with one warning per run naming line and column, and records them', () => {
    const { seed, messages } = readSeed(utf8('سطر\nأ\u202Eب\u2066\u2069ج'));
    expect(seed?.lines[1]).toBe('أبج');
    expect(seed?.normalized).toEqual([
      { line: 2, column: 2, from: 'U+202E', to: '', rule: 'bidi-control' },
      { line: 2, column: 4, from: 'U+2066 U+2069', to: '', rule: 'bidi-control' },
    ]);
    expect(messages).toMatchObject([
      { ruleId: 'bidi-control', line: 2, column: 2, fatal: false },
      { ruleId: 'bidi-control', line: 2, column: 4, fatal: false },
    ]);
  });

  it('replaces NBSP by a space and presentation forms by letters, recording each run', () => {
    const { seed, messages } = readSeed(utf8('\uFEB3\uFEFC\uFEE1\u00A0عليكم'));
    expect(seed?.lines).toEqual(['سلام عليكم']);
    expect(seed?.normalized).toEqual([
      { line: 1, column: 1, from: 'U+FEB3 U+FEFC U+FEE1', to: 'سلام', rule: 'presentation-form' },
      { line: 1, column: 4, from: 'U+00A0', to: ' ', rule: 'no-break-space' },
    ]);
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['no-break-space', 'presentation-form']);
  });

  it('removes NUL bytes with a warning and keeps the rest of the text', () => {
    const { seed, messages } = readSeed(utf8('نص\u0000 هنا'));
    expect(seed?.lines).toEqual(['نص هنا']);
    expect(messages).toMatchObject([{ ruleId: 'nul-byte', line: 1, column: 3 }]);
  });
});

describe('firstInvalidUtf8', () => {
  it('accepts every well-formed sequence and finds overlongs, surrogates and truncation', () => {
    expect(firstInvalidUtf8(utf8('aé€😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated
  });
});

describe('splitLines', () => {
  it('reports "none" for a single line without an ending', () => {
    expect(splitLines('abc')).toEqual({ lines: ['abc'], lineEndings: 'none' });
  });
});
