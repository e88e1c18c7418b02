import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles, type Occurrence } from "../../src/parse/index.js";

const fixtures = join(import.meta.dirname, "../../fixtures/analyze");
const at = (occ: Occurrence[], name: string) => occ.find((o) => o.name === name);

describe("parse: context of each site", () => {
  it("gives the innermost #if/#ifdef/#ifndef/#elif condition, !(cond) in #else, and the function", async () => {
    const { files } = await parseFiles(join(fixtures, "conditions"), ["cond.c"], { jobs: 1 });
    const occ = files[0].occurrences;
    expect(at(occ, "getpid")).toMatchObject({ kind: "call", line: 3, fn: "top", cond: null });
    expect(at(occ, "getppid")).toMatchObject({ fn: "linux_only", cond: "defined(__linux__)" });
    expect(at(occ, "getuid")).toMatchObject({ fn: "other_os", cond: "!(defined(__linux__))" });
    expect(at(occ, "fdatasync")).toMatchObject({ fn: "flush", cond: "defined(HAVE_FDATASYNC) && HAVE_FDATASYNC > 1", line: 16, column: 2 });
    expect(at(occ, "fsync")).toMatchObject({ fn: "flush", cond: "defined(HAVE_FSYNC)" });
    expect(at(occ, "sync")).toMatchObject({ fn: "flush", cond: "!(defined(HAVE_FSYNC))" });
    expect(files[0].lines).toBe(23);
  });

  it("does not count a header's include guard as a condition", async () => {
    const { files } = await parseFiles(join(fixtures, "conditions"), ["guard.h"], { jobs: 1, keep: new Set(["free", "strdup", "malloc"]) });
    expect(files[0].occurrences.map((o) => `${o.kind}:${o.name}:${o.cond}`)).toEqual(["macro:free:null", "macro:strdup:null", "macro:malloc:!defined(HAVE_X)"]);
  });

  it("reads latin1 files: columns count bytes, not UTF-8 characters", async () => {
    const { files, skipped } = await parseFiles(join(fixtures, "latin1"), ["latin1.c"], { jobs: 1 });
    expect(skipped).toEqual([]);
    // line 5: int greet(void) { puts("h\xe9llo"); return write(1, "\xe9", 1); }
    expect(at(files[0].occurrences, "puts")).toMatchObject({ line: 5, column: 19, fn: "greet" });
    expect(at(files[0].occurrences, "write")).toMatchObject({ line: 5, column: 41, fn: "greet" });
  });

  it("parses C++ with tree-sitter-cpp: ::open and std::memcpy count, a method named open does not", async () => {
    const { files, skipped } = await parseFiles(join(fixtures, "cpp"), ["app.cpp"], { jobs: 1, keep: new Set(["open", "memcpy", "close"]) });
    expect(skipped).toEqual([]);
    expect(files[0].lang).toBe("cpp");
    const occ = files[0].occurrences.map((o) => `${o.kind}:${o.name}:${o.line}:${o.fn}`);
    expect(occ).toEqual(["call:open:8:open", "call:memcpy:9:copy", "call:close:10:~File"]);
  });
});

describe("parse: files it will not parse", () => {
  const dir = mkdtempSync(join(tmpdir(), "autoport-parse-"));
  // a data-only header like musl's gb18030.h: tree-sitter's error recovery takes seconds on it
  writeFileSync(join(dir, "table.h"), Array.from({ length: 30000 }, (_, i) => `${i * 7},${i % 16 === 15 ? "\n" : " "}`).join(""));
  writeFileSync(join(dir, "blob.c"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
  // ordinary code, but far more than 1 ms of it
  writeFileSync(join(dir, "big.c"), Array.from({ length: 20000 }, (_, i) => `int f${i}(int x) { return x + ${i}; }`).join("\n"));
  writeFileSync(join(dir, "ok.c"), "int main(void) { return getpid(); }\n");

  it("names each skipped file with its reason and parses the rest", async () => {
    const t0 = Date.now();
    const { files, skipped } = await parseFiles(dir, ["table.h", "blob.c", "big.c", "ok.c"], { jobs: 1, timeoutMs: 1 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(files.map((f) => f.file)).toEqual(["ok.c"]);
    expect(skipped.map((s) => s.file)).toEqual(["big.c", "blob.c", "table.h"]);
    expect(skipped[0].reason).toBe("parse took over 1 ms");
    expect(skipped[1].reason).toMatch(/binary/);
    expect(skipped[2].reason).toMatch(/^data fragment, not code/);
  });
});

describe("parse: worker threads", () => {
  it("gives the same result on 2 workers as in this thread", async () => {
    const root = fixtures;
    const list = ["conditions/cond.c", "query-calls/calls.c", "query-values/values.c", "query-macros/macros.c", "cpp/app.cpp", "fork-daemonize/daemon.c"];
    const opts = { forkNames: new Set(["fork"]) };
    const one = await parseFiles(root, list, { ...opts, jobs: 1 });
    const two = await parseFiles(root, list, { ...opts, jobs: 2 });
    expect(two).toEqual(one);
    expect(two.files).toHaveLength(list.length);
  });
});
