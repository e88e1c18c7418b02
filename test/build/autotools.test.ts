// issue 4: an autoconf project builds with ./configure CC=cc && make through
// the wrapper (configure's probes link natively against musl, and are not
// taken for the program), and the image runs it.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { autoport, fixture, tempDir } from "../helpers/cli.js";

describe("autoport build of an autoconf project", () => {
  it("configures, builds, links hello-at with the kernel and runs it", async () => {
    const d = tempDir();
    const src = join(d, "autotools-hello");
    cpSync(fixture("autotools-hello"), src, { recursive: true });
    execFileSync("autoconf", [], { cwd: src });
    execFileSync("autoheader", [], { cwd: src });
    const out = join(d, "out");
    const b = await autoport(["build", src, "-o", out]);
    expect(b.exitCode, b.stderr).toBe(0);
    const log = readFileSync(join(out, "build.log"), "utf8");
    expect(log).toContain("./configure CC=cc");
    expect(log).toMatch(/checking for fsync\.\.\. yes/);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.build.target).toBe("hello-at");
    expect(report.build.system).toBe("configure");
    expect(report.build.candidates).toEqual(["hello-at"]); // no conftest
    const r = await autoport(["run", out], { input: "" });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("autotools hello: sqrt(16)=4, fsync\n");
  });
});
