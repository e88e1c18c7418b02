// Batch jobs run node with --max-old-space-size, and Node refuses V8 heap
// flags in a worker's execArgv: the parse workers must still start (every
// app of `autoport batch --jobs 1` on a multi-core machine failed on this).
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { bin, fixture, root } from "../helpers/cli.js";

describe("autoport analyze under a heap limit", () => {
  it("parses on worker threads when node runs with --max-old-space-size", async () => {
    const r = await execa("node", ["--max-old-space-size=512", bin, "analyze", fixture("make-lib"), "--jobs", "2"], { cwd: root, reject: false });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/kernel coverage: \d+\/\d+/);
  });
});
