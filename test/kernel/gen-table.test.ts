// The syscall table generator: one owner per syscall, only the selected
// modules (closed over requires) in the table.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { mkdtemp, mkdir, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTable, loadLinuxNames } from "../../src/manifests/gen-table.js";
import { loadKernelTable, tableOf, type ModuleManifest } from "../../src/manifests/index.js";
import { root } from "./boot.js";

const mod = (name: string, syscalls: Record<string, string>, extra: Partial<ModuleManifest> = {}) =>
  ({ name, summary: name, requires: [], sources: [], syscalls, ...extra }) as ModuleManifest;

describe("gen-syscall-table", () => {
  it("rejects a syscall claimed by two modules", async () => {
    const lib = await mkdtemp(join(tmpdir(), "autoport-lib-"));
    for (const m of [mod("one", { read: "implemented" }), mod("two", { read: "fake" })]) {
      await mkdir(join(lib, m.name));
      await writeFile(join(lib, m.name, "module.json"), JSON.stringify(m));
    }
    const out = join(lib, "out");
    const r = await execa(join(root, "scripts", "gen-syscall-table"), ["--lib", lib, "--modules", "one", "--out-c", `${out}.c`, "--out-mk", `${out}.mk`], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("syscall read is claimed by both one and two");
  });

  it("puts only the selected modules and their requires in the table", async () => {
    const table = tableOf([
      mod("base", { write: "implemented" }, { core: true }),
      mod("clock", { clock_gettime: "implemented", clock_settime: "stub" }, { requires: ["helper"], init: "clock_init" }),
      mod("helper", { getrandom: "partial" }),
      mod("unused", { acct: "fake" }),
    ]);
    const linux = await loadLinuxNames();
    const none = generateTable(table, linux, []);
    expect(none.modules).toEqual(["base"]);
    expect(none.c).toContain("[1] = (syscall_fn)sys_write");
    expect(none.c).not.toContain("sys_clock_gettime");
    const some = generateTable(table, linux, ["clock"]);
    expect(some.modules).toEqual(["base", "helper", "clock"]);
    expect(some.c).toContain("[228] = (syscall_fn)sys_clock_gettime");
    expect(some.c).toContain("[318] = (syscall_fn)sys_getrandom");
    expect(some.c).not.toContain("sys_clock_settime"); // a stub stays ENOSYS + report
    expect(some.c).not.toContain("sys_acct");
    expect(some.c).toContain("clock_init();");
    expect(some.c).toMatch(/do not edit/);
  });

  it("accepts the repository's own manifests", async () => {
    const table = await loadKernelTable();
    const out = generateTable(table, await loadLinuxNames(), table.modules.map((m) => m.name));
    expect(out.c).toContain('[163] = "acct"');
    const mk = join(await mkdtemp(join(tmpdir(), "autoport-gen-")), "m.mk");
    await execa(join(root, "scripts", "gen-syscall-table"), ["--modules", "time", "--out-c", `${mk}.c`, "--out-mk", mk]);
    expect(await readFile(mk, "utf8")).toMatch(/^KMODULES := .*\btime\b/m);
  });
});
