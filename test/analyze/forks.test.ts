import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeTree } from "../../src/analyze/index.js";
import type { ManualItem } from "../../src/report/types.js";
import { smallKernel, smallMap } from "./small-map.js";

const fixtures = join(import.meta.dirname, "../../fixtures/analyze");

async function forksOf(dir: string): Promise<ManualItem[]> {
  const root = join(fixtures, dir);
  const report = await analyzeTree({ app: dir, spec: root, kind: "folder", root }, { jobs: 1, syscallMap: await smallMap(), kernel: smallKernel() });
  return report.manual.filter((m) => m.kind === "fork");
}

describe("fork patterns, each with its hint", () => {
  it("daemonize: the parent exits (if and switch forms, and through a helper that hands the pid back, as Debian's nginx patch does)", async () => {
    const items = await forksOf("fork-daemonize");
    expect(items.map((m) => [m.symbol, m.function, m.line, m.pattern])).toEqual([
      ["become_daemon", "start", 24, "daemonize"],
      ["fork", "daemonize", 7, "daemonize"],
      ["fork", "detach", 14, "daemonize"],
      ["fork", "become_daemon", 10, "daemonize"],
    ]);
    expect(items[3].hint).toMatch(/become_daemon wraps fork and returns the pid; its callers: start \(patched.c:24\) daemonize/);
    expect(items[1].hint).toMatch(/^drop the fork: a unikernel is already detached.*\(the parent branch calls exit\(\)\)$/);
  });

  it("worker-pool: the child runs a function-pointer parameter, or forks happen in a loop", async () => {
    const items = await forksOf("fork-worker-pool");
    expect(items.map((m) => [m.function, m.pattern])).toEqual([
      ["spawn_process", "worker-pool"],
      ["start_workers", "worker-pool"],
    ]);
    expect(items[0].hint).toMatch(/^run one worker in the main process.*proc\(\), a function-pointer parameter/);
    expect(items[1].hint).toMatch(/fork inside a for loop/);
  });

  it("snapshot-child through a wrapper: the wrapper's callers decide, both sites are listed", async () => {
    const items = await forksOf("fork-snapshot-child");
    expect(items.map((m) => [m.symbol, m.file, m.function, m.pattern])).toEqual([
      ["appFork", "save.c", "saveBackground", "snapshot-child"],
      ["fork", "server.c", "appFork", "snapshot-child"],
    ]);
    expect(items[0].hint).toMatch(/^run the child's work synchronously, or snapshot in a thread \(appFork is a fork wrapper; the child ends in exitFromChild\(\)/);
    expect(items[1].hint).toMatch(/appFork wraps fork and returns the pid; its callers: saveBackground \(save.c:12\) snapshot-child/);
  });

  it("fork-exec: the child calls exec", async () => {
    const items = await forksOf("fork-exec");
    expect(items.map((m) => [m.function, m.pattern])).toEqual([["run_script", "fork-exec"]]);
    expect(items[0].hint).toBe("no second program exists in the image: build the helper in or drop the feature (the child calls execve())");
  });

  it("other: still a site and a hint", async () => {
    const items = await forksOf("fork-other");
    expect(items).toEqual([
      { symbol: "fork", kind: "fork", pattern: "other", file: "other.c", line: 6, function: "split", hint: expect.stringMatching(/^a unikernel has one process.*\(the result is not tested here\)$/) },
    ]);
  });
});
