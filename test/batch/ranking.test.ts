// The greedy ranking and the totals are what a kernel developer acts on: check them on known inputs.
import { describe, expect, it } from "vitest";
import { greedyRanking } from "../../src/batch/ranking.js";
import { summarize } from "../../src/batch/summary.js";
import type { AppResult } from "../../src/batch/types.js";
import type { SyscallStatus } from "../../src/report/types.js";

const app = (name: string, sys: Record<string, SyscallStatus>, extra: Partial<AppResult> = {}): AppResult => {
  const required = Object.entries(sys).map(([n, status]) => ({ name: n, status }));
  return {
    version: 1, name, source: `debian:${name}`, status: "ok", stage: "analyze", reason: null,
    syscalls: { required: required.length, covered: required.filter((r) => r.status !== "missing").length },
    manual: 0, manualKinds: {}, required, ms: 10, ...extra,
  };
};

describe("greedy ranking", () => {
  it("completes the cheapest app first and lists every app a step completes", () => {
    const missing = new Map([
      ["a", new Set(["epoll_wait", "accept4", "sendfile"])],
      ["b", new Set(["epoll_wait"])],
      ["c", new Set(["epoll_wait"])],
      ["d", new Set<string>()],
      ["e", new Set(["fork", "epoll_wait"])],
    ]);
    expect(greedyRanking(missing)).toEqual([
      { add: ["epoll_wait"], covers: ["b", "c"], coveredAfter: 3 },
      { add: ["fork"], covers: ["e"], coveredAfter: 4 },
      { add: ["accept4", "sendfile"], covers: ["a"], coveredAfter: 5 },
    ]);
  });

  it("is empty when every app is covered", () => {
    expect(greedyRanking(new Map([["x", new Set<string>()]]))).toEqual([]);
  });
});

describe("summary", () => {
  const results: AppResult[] = [
    app("nginx", { read: "implemented", fork: "missing", epoll_wait: "missing" }, { manualKinds: { fork: 2 }, manual: 2 }),
    app("redis", { read: "implemented", write: "fake" }),
    app("sqlite3", { read: "implemented", fcntl: "stub" }),
    { ...app("mutt", {}), status: "failed", stage: "source", reason: "fetch failed" },
    { ...app("influxdb", {}), status: "skipped", stage: "source", reason: "written in Go" },
  ];
  const s = summarize(results, { stage: "analyze", set: "popcon", kernelSyscalls: 146, generated: "2026-01-01T00:00:00Z" });

  it("counts apps, distinct syscalls, fully covered apps and fork users", () => {
    expect(s.totals).toEqual({
      apps: 5, ok: 3, failed: 1, skipped: 1, distinctSyscalls: 5,
      fullyCovered: ["redis", "sqlite3"], forkUsers: ["nginx"], kernelSyscalls: 146,
    });
    expect(s.syscallUse[0]).toEqual({ name: "read", apps: 3, status: "implemented" });
    expect(s.ranking).toEqual([{ add: ["epoll_wait", "fork"], covers: ["nginx"], coveredAfter: 3 }]);
  });

  it("keeps every app's row with status, stage and reason", () => {
    expect(s.apps.map((a) => [a.name, a.status, a.stage, a.reason])).toEqual([
      ["nginx", "ok", "analyze", null], ["redis", "ok", "analyze", null], ["sqlite3", "ok", "analyze", null],
      ["mutt", "failed", "source", "fetch failed"], ["influxdb", "skipped", "source", "written in Go"],
    ]);
    expect(s.apps[0]!.syscalls).toEqual({ required: 3, covered: 1 });
  });

  it("sets our counts beside the published ones", () => {
    const by = Object.fromEntries(s.published.map((p) => [p.what, p]));
    expect(by["apps fully covered by the kernel"]).toMatchObject({ published: "3 of 30 (a 146-syscall kernel)", ours: "2 of 3 analyzed (a 146-syscall kernel)" });
    expect(by["distinct syscalls across the apps"]).toMatchObject({ published: "192 across 30", ours: "5 across 3" });
    expect(by["apps that use fork"]).toMatchObject({ published: "25 of 30", ours: "1 of 3" });
    expect(by["nginx: syscalls found by static analysis"]).toMatchObject({ published: "108", ours: "3" });
  });
});

describe("results from an earlier run", () => {
  it("take the kernel's statuses of now, so one summary never mixes two kernels", async () => {
    const { withKernel } = await import("../../src/batch/result.js");
    const old = app("nginx", { read: "implemented", fork: "missing", epoll_wait: "missing" });
    const now = withKernel(old, (s) => (s === "epoll_wait" ? "implemented" : s === "fork" ? "missing" : "implemented"));
    expect(now.syscalls).toEqual({ required: 3, covered: 2 });
    expect(now.required.find((s) => s.name === "epoll_wait")!.status).toBe("implemented");
  });
});
