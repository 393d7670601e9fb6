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
  // The transitions of the whole automaton as one table: code units that occur in no pattern are
  // one class (they lead back to the root from anywhere), the others a class each, and every
  // state's move on every class is computed once here, so matching reads one entry per code unit.
  const unitClass = new Uint16Array(65536);
  let classes = 1;
  for (const key of edges.keys()) {
    const unit = key % 65536;
    if (unitClass[unit] === 0) unitClass[unit] = classes++;
  }
  const next = new Int32Array(terminal.length * classes);
  const queue: number[] = [0];
  for (const [unit, child] of children.get(0) ?? []) next[unitClass[unit]!] = child;
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * classes;
    if (state !== 0) {
      // Moves the state has no edge for are its failure state's moves.
      const failRow = fail[state]! * classes;
      for (let c = 1; c < classes; c++) next[row + c] = next[failRow + c]!;
    }
    for (const [unit, child] of children.get(state) ?? []) {
      const c = unitClass[unit]!;
      // The child's failure state: where the parent's failure state moves on the same unit.
      const suffix = state === 0 ? 0 : next[fail[state]! * classes + c]!;
      fail[child] = suffix;
      output[child] = terminal[suffix] !== -1 ? suffix : output[suffix]!;
      next[row + c] = child;
      queue.push(child);
    }
  }

  return {
    findAll(text: string): CodeUnitHit[] {
      const hits: CodeUnitHit[] = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = next[state * classes + unitClass[text.charCodeAt(i)]!]!;
        for (let found = terminal[state] !== -1 ? state : output[state]!; found !== -1; found = output[found]!) {
          hits.push({ start: i + 1 - depth[found]!, end: i + 1, pattern: terminal[found]! });
        }
      }
      return hits;
    },
  };
}
