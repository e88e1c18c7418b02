import { describe, expect, it } from "vitest";
import { blankIdleBlocks } from "../../src/parse/idle-blocks.js";
import { nameAt, wantedAt } from "../../src/parse/wanted-lines.js";

const filler = (n: number) => Array.from({ length: n }, (_, i) => `  total += step(${i}); /* } */ s = "{";`).join("\n");
const kept = new Set(["open", "fork", "exit"]);

function blank(text: string): string {
  const at = wantedAt(text, (n) => kept.has(n));
  return blankIdleBlocks(text, at, at.filter((i) => nameAt(text, i) === "fork"));
}

describe("blanking idle blocks before the parse", () => {
  const idle = `int quiet(void) {\n${filler(8)}\n}\n`;
  const busy = `int loud(void) {\n${filler(8)}\n  return open("x", 0);\n}\n`;
  const directive = `int cond(void) {\n${filler(4)}\n#if X\n  x();\n#endif\n${filler(4)}\n}\n`;
  const forked = `int spawn(void) {\n  if (fork() == 0) {\n${filler(8)}\n  }\n  return 0;\n}\n`;

  it("blanks a body with no kept name, keeping every offset and line", () => {
    const out = blank(idle);
    expect(out.length).toBe(idle.length);
    expect(out.split("\n").length).toBe(idle.split("\n").length);
    expect(out.startsWith("int quiet(void) {")).toBe(true);
    expect(out.trimEnd().endsWith("}")).toBe(true);
    expect(out).not.toContain("step");
  });

  it("keeps a body holding a kept name, a preprocessor line, or a fork-type call", () => {
    expect(blank(busy)).toBe(busy);
    expect(blank(directive)).toBe(directive);
    expect(blank(forked)).toBe(forked);
  });

  it("is not fooled by braces in strings and comments", () => {
    const text = idle + busy;
    const out = blank(text);
    expect(out.slice(idle.length)).toBe(busy);
    expect(out.slice(0, idle.length)).not.toContain("step");
  });

  it("reads a block comment to its end, over lines, and CRLF continuation lines as part of their directive", () => {
    const comment = `/* a comment's first line\n   and a brace { on its second */\n`;
    const inner = `int quiet(void) {\n  /* first line\n     } second line */\n${filler(8)}\n}\n`;
    expect(blank(inner)).not.toContain("step");
    const directive = `#define OPEN_BLOCK(x) do { \\\r\n  x; } while (0)\r\n`;
    for (const head of [comment, directive]) {
      const out = blank(head + idle + busy);
      expect(out.slice(0, head.length)).toBe(head);
      expect(out.slice(head.length, head.length + idle.length)).not.toContain("step");
      expect(out.slice(head.length + idle.length)).toBe(busy);
    }
  });
});
