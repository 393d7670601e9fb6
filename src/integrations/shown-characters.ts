/**
 * The characters a built site can show, gathered from every page for the font subsetter
 * (src/integrations/subset-fonts.ts): a page's visible text and the attributes a browser shows
 * (title, alt, aria-label, content, placeholder, value), character references decoded, scripts and
 * styles skipped. After one regular expression takes out scripts and styles, one pass over each
 * page's characters marks a table of code points: the site has 15,000 pages at 10,000 articles, and
 * rewriting every page into a string of its text and a set of its characters took 12 s there (three
 * times what this takes; test/integrations/subset-fonts.test.ts checks that both find the same).
 */

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Attributes whose values a browser shows (a name that merely ends so, e.g. data-title, counts too). */
const SHOWN_ATTRIBUTE = /(?:title|alt|aria-label|content|placeholder|value)="([^"]*)"/g;
const REFERENCE = /&(#x[0-9a-f]+|#\d+|[a-z]+);/iy;
const RAW_TEXT_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi;

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const AMPERSAND = 0x26;

/** Every code point seen so far, across pages. */
export class ShownCharacters {
  private readonly seen = new Uint8Array(0x110000);

  /** Mark the characters of one page. */
  addHtml(page: string): void {
    // Scripts and styles first, as a browser reads them: whatever a "<" before them looks like.
    const html = page.replace(RAW_TEXT_ELEMENT, ' ');
    let i = 0;
    while (i < html.length) {
      const code = html.charCodeAt(i);
      if (code === LESS_THAN) {
        const end = html.indexOf('>', i + 1);
        if (end === -1) {
          // An unclosed "<": text, as the browser shows it.
          this.mark(code);
          i++;
          continue;
        }
        // A tag separates words as a space would.
        this.mark(0x20);
        const tag = html.slice(i, end + 1);
        if (tag.includes('="')) for (const match of tag.matchAll(SHOWN_ATTRIBUTE)) this.addText(match[1]!);
        i = end + 1;
        continue;
      }
      i = this.markAt(html, i);
    }
  }

  /** Mark the characters of a script's UI text: everything beyond ASCII, escapes not decoded. */
  addScript(source: string): void {
    for (let i = 0; i < source.length; ) {
      const codePoint = source.codePointAt(i)!;
      if (codePoint > 0x7f) this.mark(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
  }

  /** Every character marked, in code point order. */
  characters(): string[] {
    const out: string[] = [];
    for (let codePoint = 0; codePoint < this.seen.length; codePoint++) if (this.seen[codePoint] === 1) out.push(String.fromCodePoint(codePoint));
    return out;
  }

  /** Mark plain text with character references (an attribute's value). */
  private addText(text: string): void {
    for (let i = 0; i < text.length; ) i = this.markAt(text, i);
  }

  /** Mark the character or character reference at `i`; returns where the next one starts. */
  private markAt(text: string, i: number): number {
    const codePoint = text.codePointAt(i)!;
    if (codePoint === AMPERSAND) {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(text);
      const decoded = match ? decodeReference(match[1]!) : null;
      if (match && decoded !== null) {
        for (const char of decoded) this.mark(char.codePointAt(0)!);
        return REFERENCE.lastIndex;
      }
    }
    this.mark(codePoint);
    return i + (codePoint > 0xffff ? 2 : 1);
  }

  private mark(codePoint: number): void {
    this.seen[codePoint] = 1;
  }
}

/** The text of a character reference's name (`amp`, `#1600`, `#x41`), or null if it names nothing this decodes. */
function decodeReference(name: string): string | null {
  if (name[0] !== '#') return NAMED_REFERENCES[name.toLowerCase()] ?? null;
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The characters one page can show (see `ShownCharacters.addHtml`). */
export function charactersOfHtml(html: string): Set<string> {
  const shown = new ShownCharacters();
  shown.addHtml(html);
  return new Set(shown.characters());
}

/** The characters of a script's string literals (see `ShownCharacters.addScript`). */
export function charactersOfScript(source: string): Set<string> {
  const shown = new ShownCharacters();
  shown.addScript(source);
  return new Set(shown.characters());
}
