import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeTree } from "../../src/analyze/index.js";
import { tableOf } from "../../src/manifests/index.js";
import { REPORT_VERSION } from "../../src/report/types.js";
import type { SourceTree } from "../../src/source/types.js";
import { smallKernel, smallMap } from "./small-map.js";

const fixtures = join(import.meta.dirname, "../../fixtures/analyze");
const folder = (root: string): SourceTree => ({ app: "demo", spec: root, kind: "folder", root });
const analyze = async (root: string, jobs = 1) => analyzeTree(folder(root), { jobs, syscallMap: await smallMap(), kernel: smallKernel() });

describe("analyzeTree", () => {
  it("keeps libc names only, with kinds and sites, and maps them to syscalls with the kernel's status", async () => {
    const r = await analyze(join(fixtures, "query-values"));
    expect(r).toMatchObject({ version: REPORT_VERSION, app: "demo", layers: ["source"], files: 1, skipped: [] });
    expect(r.libc.map((u) => [u.name, u.kinds.join("+"), u.siteCount])).toEqual([
      ["close", "value", 2],
      ["free", "value", 1],
      ["open", "value", 1],
      ["read", "value", 1],
    ]);
    expect(r.libc[0].sites[1]).toEqual({ file: "values.c", line: 24, column: 14, cond: null, function: "main" });
    // startup paths always count; open is a stub, so not supported
    expect(r.syscalls.map((s) => `${s.nr}:${s.name}:${s.status}:${s.via.join(",")}`)).toEqual([
      "0:read:implemented:read",
      "2:open:stub:open",
      "3:close:implemented:close",
      "11:munmap:missing:free",
      "158:arch_prctl:implemented:startup",
      "218:set_tid_address:fake:startup",
      "231:exit_group:implemented:startup",
    ]);
    expect(r.syscalls.find((s) => s.name === "read")).toMatchObject({ layer: "source", module: "fd" });
    expect(r.coverage).toEqual({ required: 7, supported: 5, ratio: 0.714 });
  });

  it("finds table entries tree-sitter could not place (#if inside an initializer) and errno as __errno_location", async () => {
    const r = await analyze(join(fixtures, "query-errors"));
    expect(r.libc.map((u) => [u.name, u.kinds.join("+"), u.sites.map((s) => s.line).join(",")])).toEqual([
      ["__errno_location", "macro", "18"],
      ["fchmod", "value", "9"],
      ["rmdir", "value", "14"],
    ]);
  });

  it("folds in the compiler's substitutes (printf -> puts, putchar)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "autoport-eq-"));
    writeFileSync(join(dir, "hello.c"), '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 0; }\n');
    const r = await analyze(dir);
    expect(r.libc).toEqual([
      { name: "printf", layer: "source", kinds: ["call"], sites: [{ file: "hello.c", line: 2, column: 18, cond: null, function: "main" }], siteCount: 1, equivalents: ["putchar", "puts"], syscalls: ["writev"] },
    ]);
  });

  it("stores at most 50 sites per function and counts them all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "autoport-cap-"));
    writeFileSync(join(dir, "many.c"), `void f(void) {\n${Array.from({ length: 60 }, () => '  write(1, "x", 1);').join("\n")}\n}\n`);
    const r = await analyze(dir);
    expect(r.libc[0]).toMatchObject({ name: "write", siteCount: 60 });
    expect(r.libc[0].sites).toHaveLength(50);
    expect(r.lines).toBe(62);
  });

  it("lists what needs manual porting, each with a kind and a concrete hint", async () => {
    const r = await analyze(join(fixtures, "manual-kinds"));
    const byKind = r.manual.map((m) => `${m.kind}:${m.symbol}:${m.line}`);
    expect(byKind).toEqual([
      "dlopen:dlopen:23",
      "dlopen:dlsym:23",
      "exec:popen:20",
      "exec:system:19",
      "identity:chroot:25",
      "identity:setuid:24",
      "ptrace:ptrace:26",
      "signal-other:kill:27",
      "spawn:posix_spawn:21",
      "sysv-ipc:shmget:22",
      "threads:pthread_create:28",
    ]);
    const hint = (s: string) => r.manual.find((m) => m.symbol === s)!.hint;
    expect(hint("system")).toMatch(/\/bin\/sh/);
    expect(hint("dlopen")).toMatch(/static/);
    expect(hint("pthread_create")).toBe("needs threads: clone with CLONE_VM|CLONE_THREAD, and futex; the kernel is single-threaded today, so pthread_create fails with EAGAIN");
    expect(r.manual.every((m) => m.file === "kinds.c" && m.function === "main" && m.hint.length > 20)).toBe(true);
  });

  it("lists no threads item once the kernel has clone and futex (the thread module)", async () => {
    const kernel = tableOf([...smallKernel().modules, { name: "thread", summary: "", requires: [], sources: [], syscalls: { clone: "partial", futex: "implemented" } }]);
    const r = await analyzeTree(folder(join(fixtures, "manual-kinds")), { jobs: 1, syscallMap: await smallMap(), kernel });
    expect(r.manual.find((m) => m.symbol === "pthread_create")).toBeUndefined();
    expect(r.manual.some((m) => m.symbol === "posix_spawn")).toBe(true);
  });

  it("fails with NO_C_SOURCES on a tree without C files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "autoport-empty-"));
    writeFileSync(join(dir, "README"), "nothing here\n");
    await expect(analyze(dir)).rejects.toMatchObject({ code: "NO_C_SOURCES" });
  });

  it("honours `files` (what the build compiled) and reports the same on 2 workers", async () => {
    const root = fixtures;
    const files = ["query-calls/calls.c", "conditions/cond.c"];
    const one = await analyzeTree(folder(root), { jobs: 1, files, syscallMap: await smallMap(), kernel: smallKernel() });
    const two = await analyzeTree(folder(root), { jobs: 2, files, syscallMap: await smallMap(), kernel: smallKernel() });
    expect(one.files).toBe(2);
    expect({ ...two, generated: "" }).toEqual({ ...one, generated: "" });
  });
});
