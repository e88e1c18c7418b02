/**
 * The analysis on a real tree: Debian's redis source. Runs only where
 * `apt-get source` works (deb-src enabled, network or a warm cache under
 * $XDG_CACHE_HOME/autoport); elsewhere it is skipped with the reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isAutoportError } from "../../src/errors.js";
import { analyzeSource } from "../../src/pipeline.js";
import type { Report } from "../../src/report/types.js";

let report: Report | undefined;
let why = "";

beforeAll(async () => {
  try {
    report = (await analyzeSource("debian:redis")).report;
  } catch (e) {
    if (!isAutoportError(e)) throw e;
    why = `${e.code}: ${e.message}`;
  }
}, 300_000);

describe("debian:redis", () => {
  it("finds redis's forks with the right patterns", (ctx) => {
    if (!report) return ctx.skip(why);
    const fork = (fn: string) => report!.manual.find((m) => m.kind === "fork" && m.function === fn)?.pattern;
    expect(fork("daemonize")).toBe("daemonize");
    expect(fork("redisFork")).toBe("snapshot-child");
    expect(fork("rdbSaveBackground")).toBe("snapshot-child");
    expect(fork("sentinelRunPendingScripts")).toBe("fork-exec");
  });

  it("sees libc through calls, values and macros, and reaches the syscalls redis is known to need", (ctx) => {
    if (!report) return ctx.skip(why);
    const names = new Set(report.libc.map((u) => u.name));
    for (const f of ["fsync", "rename", "epoll_wait", "accept", "fork", "pthread_create"]) expect(names, f).toContain(f);
    const kinds = new Set(report.libc.flatMap((u) => u.kinds));
    expect([...kinds].sort()).toEqual(["call", "macro", "value"]);
    const syscalls = new Set(report.syscalls.map((s) => s.name));
    for (const s of ["epoll_wait", "fsync", "rename", "accept", "arch_prctl", "set_tid_address"]) expect(syscalls, s).toContain(s);
    expect(report.coverage.required).toBe(report.syscalls.length);
    expect(report.files).toBeGreaterThan(400);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
});
