/**
 * Innermost-enclosing lookups by byte offset. Syntax nodes nest, so a sweep
 * over sites and ranges sorted by start answers every site in one pass,
 * without walking parent pointers through the native binding.
 */
export interface Range<T> {
  start: number;
  end: number;
  value: T;
}

/** For each offset (any order), the value of the innermost range holding it, or null. */
export function innermost<T>(ranges: Range<T>[], offsets: number[]): Array<T | null> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out: Array<T | null> = new Array(offsets.length).fill(null);
  const stack: Range<T>[] = [];
  let next = 0;
  for (const [offset, i] of order) {
    while (next < sorted.length && sorted[next].start <= offset) {
      const r = sorted[next++];
      while (stack.length && stack[stack.length - 1].end <= r.start) stack.pop();
      stack.push(r);
    }
    while (stack.length && stack[stack.length - 1].end <= offset) stack.pop();
    out[i] = stack.length ? stack[stack.length - 1].value : null;
  }
  return out;
}

/** Preprocessor and declarator text on one line: `a &&\\\n  b` -> `a && b`. */
export function oneLine(text: string): string {
  return text.replace(/\\\r?\n/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim();
}
