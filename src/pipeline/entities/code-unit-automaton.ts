/**
 * Aho–Corasick over UTF-16 code units: every occurrence of every pattern in one left-to-right pass.
 * The phrase matcher uses it for text in which every code unit is a grapheme of its own (plain
 * Arabic, Latin and punctuation), where it finds exactly what grapheme-based matching finds,
 * without segmenting the text first.
 */

/** One occurrence: `[start, end)` in code units, and the index of the pattern found. */
interface CodeUnitHit {
  start: number;
  end: number;
  pattern: number;
}

/** A compiled dictionary. */
export interface CodeUnitAutomaton {
  /** Every occurrence, overlaps included, in order of `end`. */
  findAll(text: string): CodeUnitHit[];
}

/** Compile `patterns` (non-empty strings) once; time and memory grow with their total length. */
export function createCodeUnitAutomaton(patterns: readonly string[]): CodeUnitAutomaton {
  // Trie edges keyed by state × 65,536 + code unit; states are numbered from 0 (the root).
  const edges = new Map<number, number>();
  const terminal: number[] = [-1]; // pattern index ending at a state, or -1
  const depth: number[] = [0];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const key = state * 65536 + pattern.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = terminal.length;
        terminal.push(-1);
        depth.push(depth[state]! + 1);
        edges.set(key, next);
      }
      state = next;
    }
    // Duplicate patterns keep the first index; the caller groups duplicates itself.
    if (terminal[state] === -1) terminal[state] = index;
  });

  // Failure links (longest proper suffix that is a trie state) and output links (nearest
  // terminal state along the failure chain), breadth first so parents are done before children.
  const fail = new Int32Array(terminal.length);
  const output = new Int32Array(terminal.length).fill(-1);
  const children = new Map<number, Array<[number, number]>>();
  for (const [key, child] of edges) {
    const parent = Math.floor(key / 65536);
    const list = children.get(parent);
    if (list) list.push([key % 65536, child]);
    else children.set(parent, [[key % 65536, child]]);
  }
  const step = (state: number, unit: number): number => {
    for (;;) {
      const next = edges.get(state * 65536 + unit);
      if (next !== undefined) return next;
      if (state === 0) return 0;
      state = fail[state]!;
    }
  };
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [unit, child] of children.get(state) ?? []) {
      const suffix = state === 0 ? 0 : step(fail[state]!, unit);
      fail[child] = suffix;
      output[child] = terminal[suffix] !== -1 ? suffix : output[suffix]!;
      queue.push(child);
    }
  }

  return {
    findAll(text: string): CodeUnitHit[] {
      const hits: CodeUnitHit[] = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = step(state, text.charCodeAt(i));
        for (let found = terminal[state] !== -1 ? state : output[state]!; found !== -1; found = output[found]!) {
          hits.push({ start: i + 1 - depth[found]!, end: i + 1, pattern: terminal[found]! });
        }
      }
      return hits;
    },
  };
}
