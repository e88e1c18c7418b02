import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles } from "../../src/parse/index.js";
import { combinedQuery, compileQuery, getQuery, queryDir, questions } from "../../src/parse/queries.js";
import { readMarks } from "./marks.js";

const fixtures = join(import.meta.dirname, "../../fixtures/analyze");

describe("queries", () => {
  for (const lang of ["c", "cpp"] as const) {
    it(`every ${lang} query file compiles, alone and combined`, () => {
      const files = readdirSync(join(queryDir, lang)).filter((f) => f.endsWith(".scm")).map((f) => f.replace(/\.scm$/, ""));
      expect(files.sort()).toEqual([...questions].sort());
      for (const q of questions) expect(() => getQuery(lang, q)).not.toThrow();
      expect(() => combinedQuery(lang)).not.toThrow();
    });
  }

  it("a bad query fails with its file named", () => {
    expect(() => compileQuery("c", "c/broken.scm", "(call_expression function: (no_such_node) @x)")).toThrow(/c\/broken\.scm does not compile/);
  });
});

describe("query fixtures (^ marks)", () => {
  for (const fixture of ["query-calls/calls.c", "query-values/values.c", "query-macros/macros.c"]) {
    it(`finds exactly the marked uses in ${fixture}`, async () => {
      const marks = readMarks(join(fixtures, fixture));
      expect(marks.length).toBeGreaterThan(2);
      const [dir, file] = fixture.split("/");
      const { files } = await parseFiles(join(fixtures, dir), [file], { jobs: 1 });
      const marked = new Set(marks.map((m) => m.name));
      const kinds = new Set(marks.map((m) => m.kind));
      const got = files[0].occurrences
        .filter((o) => marked.has(o.name) && kinds.has(o.kind))
        .map((o) => `${o.kind}:${o.name}@${o.line}:${o.column}`)
        .sort();
      expect(got).toEqual(marks.map((m) => `${m.kind}:${m.name}@${m.line}:${m.column}`).sort());
    });
  }

  it("drops a value that names a variable of the file (`int index; f(index)`)", async () => {
    const { files } = await parseFiles(join(fixtures, "query-values"), ["values.c"], { jobs: 1 });
    expect(files[0].occurrences.filter((o) => o.name === "index")).toEqual([]);
    expect(files[0].occurrences.some((o) => o.name === "cleanup" && o.kind === "value")).toBe(true);
  });

  it("skips macro parameters, strings and fields", async () => {
    const { files } = await parseFiles(join(fixtures, "query-macros"), ["macros.c"], { jobs: 1 });
    const names = files[0].occurrences.map((o) => o.name);
    expect(names).not.toContain("strlen");
    expect(names).not.toContain("malloc");
    expect(files[0].occurrences.filter((o) => o.name === "free").map((o) => o.line)).toEqual([6]);
    expect(readFileSync(join(fixtures, "query-macros/macros.c"), "utf8").split("\n")[5]).toMatch(/^#define ngx_free/);
  });
});

describe("querying only the lines with a kept name", () => {
  const keep = new Set(["open", "close", "free", "malloc", "read", "write", "fork", "printf", "memcpy", "strcmp", "exit", "index", "cleanup", "socket", "system"]);
  const forkNames = new Set(["fork"]);
  const all = readdirSync(fixtures, { recursive: true, encoding: "utf8" }).filter((f) => /\.(c|h|cc|cpp)$/.test(f));

  it("finds the same sites, functions and conditions as a query of the whole tree", async () => {
    expect(all.length).toBeGreaterThan(10);
    const filtered = await parseFiles(fixtures, all, { jobs: 1, keep, forkNames });
    const whole = await parseFiles(fixtures, all, { jobs: 1, forkNames });
    const kept = whole.files.map((f) => ({ file: f.file, lines: f.lines, occurrences: f.occurrences.filter((o) => keep.has(o.name)), forks: f.forks }));
    expect(filtered.files.map((f) => ({ file: f.file, lines: f.lines, occurrences: f.occurrences, forks: f.forks }))).toEqual(kept);
    expect(kept.flatMap((f) => f.occurrences).length).toBeGreaterThan(20);
  });

  it("does not parse a file with no kept name, but counts its lines", async () => {
    const { files } = await parseFiles(fixtures, ["query-calls/calls.c"], { jobs: 1, keep: new Set(["no_such_function"]) });
    expect(files[0].occurrences).toEqual([]);
    expect(files[0].functions).toEqual([]);
    expect(files[0].lines).toBe(readFileSync(join(fixtures, "query-calls/calls.c"), "latin1").split("\n").length - 1);
  });
});
