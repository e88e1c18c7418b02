/**
 * Query fixtures mark what they expect with `^kind:name` in a `//` comment
 * line under the code line: the caret sits (tabs at 8) under the first
 * character of the identifier.
 */
import { readFileSync } from "node:fs";

export interface Mark {
  kind: string;
  name: string;
  line: number; // 1-based, of the code line
  column: number; // 1-based character column in the code line
}

const displayColumn = (line: string, index: number) => {
  let col = 0;
  for (const ch of line.slice(0, index)) col = ch === "\t" ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
};

export function readMarks(file: string): Mark[] {
  const lines = readFileSync(file, "latin1").split("\n");
  const marks: Mark[] = [];
  let codeLine = -1;
  lines.forEach((text, i) => {
    if (!(text.startsWith("//") && text.includes("^"))) {
      codeLine = i;
      return;
    }
    const code = lines[codeLine];
    for (const m of text.matchAll(/\^(\w+):(\w+)/g)) {
      const want = displayColumn(text, m.index!);
      // the character index in the code line with that display column
      let index = 0;
      while (index < code.length && displayColumn(code, index) < want) index++;
      marks.push({ kind: m[1], name: m[2], line: codeLine + 1, column: index + 1 });
    }
  });
  return marks;
}
