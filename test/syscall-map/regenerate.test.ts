import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/syscall-map/generate.js";
import { linuxFile, loadSyscallMap, muslFile, syscallMapDir } from "../../src/syscall-map/index.js";

const out = mkdtempSync(join(tmpdir(), "autoport-syscall-map-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("gen-syscall-map", () => {
  // needs Debian's musl source; the generator fetches it into the cache when missing
  it("regenerates the checked-in data byte for byte", async () => {
    await generate(out);
    for (const file of [linuxFile, muslFile]) {
      expect(readFileSync(join(out, file), "utf8"), file).toBe(readFileSync(join(syscallMapDir, file), "utf8"));
    }
  }, 60_000);
});

describe("loadSyscallMap", () => {
  it("numbers syscalls the x86_64 way both ways", async () => {
    const map = await loadSyscallMap();
    expect(map.linux.get("read")).toBe(0);
    expect(map.linux.get("getpid")).toBe(39);
    expect(map.byNr.get(231)).toBe("exit_group");
    expect(map.musl).toBe("1.2.3");
  });

  it("lists what libc.a exports, every export resolved, and no internal hidden names", async () => {
    const map = await loadSyscallMap();
    expect(map.exports.size).toBeGreaterThan(1600);
    expect(map.exports.has("printf")).toBe(true);
    expect(map.exports.has("fts_open")).toBe(true); // Debian adds musl-fts to libc.a
    expect(map.exports.has("__stdio_write")).toBe(false); // hidden
    expect([...map.functions.keys()].every((f) => map.exports.has(f))).toBe(true);
    for (const names of map.functions.values()) for (const s of names) expect(map.linux.has(s), s).toBe(true);
  });

  it("gives the syscalls a user expects of common functions", async () => {
    const { functions: f, startup } = await loadSyscallMap();
    // musl's stdio writes with writev (__stdio_write) and asks ioctl(TIOCGWINSZ) for stdout
    expect(f.get("printf")).toEqual(expect.arrayContaining(["ioctl", "writev"]));
    expect(f.get("malloc")).toEqual(expect.arrayContaining(["brk", "mmap"]));
    expect(f.get("fork")?.some((s) => s === "fork" || s === "clone")).toBe(true);
    expect(f.get("getpid")).toEqual(["getpid"]);
    expect(f.get("fopen")).toContain("open");
    expect(f.get("epoll_wait")).toContain("epoll_pwait");
    expect(f.get("strlen")).toEqual([]);
    expect(startup).toEqual(expect.arrayContaining(["arch_prctl", "set_tid_address", "exit_group"]));
  });
});
