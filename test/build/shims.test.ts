// The shim stage: a syscall the kernel lacks is a stub by default (the app
// sees ENOSYS and the run reports it) and a fake returning success when the
// port recipe says so; both decisions are in the report with their reasons.
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSource } from "../../src/pipeline.js";
import { decideShims, shimsVariable } from "../../src/shim/index.js";
import type { Report } from "../../src/report/types.js";
import { autoport, fixture, tempDir } from "../helpers/cli.js";

const reportWith = (names: Array<[string, number, "missing" | "implemented"]>) =>
  ({ syscalls: names.map(([name, nr, status]) => ({ name, nr, status, via: [], layer: "source" })) }) as unknown as Report;

describe("decideShims", () => {
  it("fakes only where success is honest, stubs the rest, lets the recipe decide", () => {
    const r = reportWith([["flock", 73, "missing"], ["futex", 202, "missing"], ["acct", 163, "missing"], ["read", 0, "implemented"]]);
    const plans = decideShims(r, { overrides: { acct: { action: "fake", why: "no accounting here" } }, overridesFrom: "ports/x/port.json" });
    expect(plans.map((p) => [p.name, p.action, p.from])).toEqual([
      ["flock", "fake", "default"],
      ["acct", "fake", "ports/x/port.json"],
      ["futex", "stub", "default"],
    ]);
    expect(plans.every((p) => p.reason.length > 10)).toBe(true);
    // default stubs stay with the kernel (ENOSYS plus a run-time report)
    expect(shimsVariable(plans)).toBe("flock:fake:0 acct:fake:0");
  });
});

describe("shims in the image", () => {
  const run = (dir: string) => autoport(["run", dir], { input: "" });

  it("by default acct is a stub: ENOSYS and a report on stderr", async () => {
    const out = join(tempDir(), "out");
    const built = await buildSource(fixture("shim-acct"), { out, portsDir: tempDir() });
    const acct = built.report.build!.shims.find((s) => s.name === "acct")!;
    expect(acct.action).toBe("stub");
    const r = await run(out);
    expect(r.stdout).toBe("acct ret=-1 errno=Function not implemented\n");
    expect(r.stderr).toContain("acct (syscall 163)");
  });

  it("port.json makes it a fake: success, no report, and the report says why", async () => {
    const ports = tempDir();
    mkdirSync(join(ports, "shim-acct"));
    writeFileSync(join(ports, "shim-acct", "port.json"), JSON.stringify({ shims: { acct: { action: "fake", why: "process accounting has nowhere to go" } } }));
    const out = join(tempDir(), "out");
    const built = await buildSource(fixture("shim-acct"), { out, portsDir: ports });
    const acct = built.report.build!.shims.find((s) => s.name === "acct")!;
    expect(acct).toMatchObject({ action: "fake", from: "ports/shim-acct/port.json", reason: "process accounting has nowhere to go" });
    expect(built.report.build!.glueLines).toBeGreaterThan(0);
    const r = await run(out);
    expect(r.stdout).toBe("acct ret=0 errno=0\n");
    expect(r.stderr).toBe("");
  });
});
