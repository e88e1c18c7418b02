/**
 * Brace blocks that cannot hold anything the analysis keeps: no wanted name
 * and no preprocessor line inside. Their insides are blanked before parsing
 * (`{ ... }` becomes `{   }`, newlines kept, so every offset, line and column
 * stays that of the file): tree-sitter's parse is most of the analysis's
 * time, and most function bodies call no libc function directly. A blanked
 * block is still a block, so the syntax around it, the functions and the
 * #if conditions stay. A top-level block (a function body) holding a
 * fork-type call stays whole: the fork's pattern is read from everything
 * around it, libc or not.
 */

// Blocks shorter than this are left alone: blanking them saves less than it costs.
const minBlock = 160;

// What can hide or move a brace: strings, character constants, comments
// (a block comment runs to its end or the file's), and directives with their
// continuation lines (CRLF ones too).
const structure = new RegExp(
  [
    /"(?:\\\r?\n|\\[\s\S]|[^"\\\n])*"?/.source,
    /'(?:\\\r?\n|\\[\s\S]|[^'\\\n])*'?/.source,
    /\/\*[\s\S]*?(?:\*\/|(?![\s\S]))/.source,
    /\/\/(?:\\\r?\n|[^\n])*/.source,
    /^[ \t]*#(?:\\\r?\n|\/\*[\s\S]*?\*\/|[^\n\\]|\\[\s\S])*/.source,
    /[{}]/.source,
  ].join("|"),
  "gm",
);

/** The first index in sorted xs at or after x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const holds = (xs: number[], start: number, end: number) => {
  const i = lowerBound(xs, start);
  return i < xs.length && xs[i] < end;
};

interface Open {
  at: number;
  directive: boolean;
}

/**
 * [start, end) of the insides to blank, outermost only, in file order.
 * wanted: offsets of wanted names; whole: offsets of fork-type names (both ascending).
 */
export function idleBlocks(text: string, wanted: number[], whole: number[]): Array<[number, number]> {
  const idle: Array<[number, number]> = [];
  const keptWhole: Array<[number, number]> = []; // top-level blocks holding a fork-type name
  const stack: Open[] = [];
  for (const m of text.matchAll(structure)) {
    const c = m[0].charCodeAt(0);
    if (c === 123) stack.push({ at: m.index, directive: false });
    else if (c === 125) {
      const open = stack.pop();
      if (!open) continue;
      if (!stack.length && holds(whole, open.at, m.index)) keptWhole.push([open.at, m.index]);
      if (open.directive) {
        if (stack.length) stack[stack.length - 1].directive = true;
      } else if (m.index - open.at > minBlock && !holds(wanted, open.at, m.index)) {
        // Blocks close inner first: an enclosing idle block replaces its inner ones.
        while (idle.length && idle[idle.length - 1][0] > open.at) idle.pop();
        idle.push([open.at + 1, m.index]);
      }
    } else if (c !== 34 && c !== 39 && c !== 47 && stack.length) stack[stack.length - 1].directive = true;
  }
  if (!keptWhole.length) return idle;
  const ends = keptWhole.map((k) => k[1]);
  return idle.filter(([start]) => {
    const i = lowerBound(ends, start);
    return !(i < keptWhole.length && keptWhole[i][0] < start);
  });
}

/** text with the insides of its idle blocks turned to spaces (newlines kept). */
export function blankIdleBlocks(text: string, wanted: number[], whole: number[]): string {
  const blocks = idleBlocks(text, wanted, whole);
  if (!blocks.length) return text;
  // latin1: one byte per character, so offsets carry over; fill and indexOf run natively.
  const bytes = Buffer.from(text, "latin1");
  for (const [start, end] of blocks) {
    for (let at = start; at < end; ) {
      const nl = bytes.indexOf(10, at);
      const stop = nl < 0 || nl > end ? end : nl;
      bytes.fill(32, at, stop);
      at = stop + 1;
    }
  }
  return bytes.toString("latin1");
}
