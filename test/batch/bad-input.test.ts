// When the whole run cannot go on: one line naming the problem, exit 2, fast.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { execa } from "execa";
import { autoport, bin, fixture, isOneLineError, tempDir } from "../helpers/cli.js";

describe("batch rejects what it cannot run", () => {
  it("an unknown app name (not a folder, not a set's app, not a Debian package)", async () => {
    const r = await autoport(["batch", fixture("batch", "hello"), "no-such-app-autoport", "-o", join(tempDir(), "o")]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("unknown app no-such-app-autoport");
  });

  it("an unknown app set", async () => {
    const r = await autoport(["batch", "--set", "nope", "-o", join(tempDir(), "o")]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("unknown app set nope; use one of cli, popcon");
  });

  it("an unreachable queue, for batch and for worker, in seconds", async () => {
    // port 1 (tcpmux) is closed on any machine we run on; a "free" port could be
    // taken meanwhile by the queue test's redis-server, which runs in parallel
    const port = 1;
    const t0 = Date.now();
    const r = await autoport(["batch", fixture("batch", "hello"), "-o", join(tempDir(), "o"), "--queue", `redis://127.0.0.1:${port}`]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`cannot reach the queue at redis://127.0.0.1:${port} (ECONNREFUSED)`);
    const w = await autoport(["worker", "--queue", `redis://127.0.0.1:${port}`]);
    expect(w.exitCode).toBe(2);
    expect(isOneLineError(w.stderr)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it("a full disk in the output folder stops the batch with a clear message", async () => {
    // a 16 KiB tmpfs over the output folder, in a mount namespace of bwrap's own
    const dir = tempDir();
    const r = await execa(
      "bwrap",
      ["--dev-bind", "/", "/", "--size", "16384", "--tmpfs", dir, "--", "node", bin, "batch", ...["hello", "forker", "echo-server"].map((a) => fixture("batch", a)), "-o", join(dir, "out")],
      { reject: false },
    );
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr.split("\n").filter((l) => !l.startsWith("autoport batch:")).join("\n"))).toBe(true);
    expect(r.stderr).toContain(`the disk holding ${join(dir, "out")} is full (ENOSPC)`);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
