/**
 * Where a file can hold anything the analysis keeps: the places of the
 * wanted identifiers, found by a plain token scan, and the lines around them.
 * The query then runs over just those lines (tree-sitter still reports the
 * functions and #if blocks around them), which costs a fraction of walking
 * the whole tree; a file with no such line is not parsed at all.
 */

/** Lines [from, to), 0-based, in file order. */
export type LineRange = [number, number];

// Lines this close are queried together: one query call per site costs more than the lines between.
const mergeWithin = 8;

const identifier = /[A-Za-z_]\w*/g;

const identifierHere = /[A-Za-z_]\w*/y;

/** The identifier that starts at offset i. */
export function nameAt(text: string, i: number): string {
  identifierHere.lastIndex = i;
  return identifierHere.exec(text)?.[0] ?? "";
}

/** Whether the identifier at i follows `.` or `->`: a member (`c->read`), never a libc function. */
function isMember(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  const c = text.charCodeAt(j);
  return c === 46 || (c === 62 && text.charCodeAt(j - 1) === 45);
}

/** Offsets of the wanted identifiers (in comments and strings too; not members), ascending. */
export function wantedAt(text: string, wanted: (name: string) => boolean): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(identifier)) if (wanted(m[0]) && !isMember(text, m.index)) out.push(m.index);
  return out;
}

/** The lines holding the offsets (ascending), nearby ones merged. */
export function linesAround(text: string, offsets: number[]): LineRange[] {
  const out: LineRange[] = [];
  let row = 0;
  let lineStart = 0;
  for (const at of offsets) {
    for (let nl = text.indexOf("\n", lineStart); nl >= 0 && nl < at; nl = text.indexOf("\n", lineStart)) {
      row++;
      lineStart = nl + 1;
    }
    const last = out[out.length - 1];
    if (last && row - last[1] < mergeWithin) last[1] = row + 1;
    else out.push([row, row + 1]);
  }
  return out;
}
