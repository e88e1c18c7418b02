// autoport port --run and `autoport <source>`: build, then boot with the app's
// output and status as autoport's own; the report names the program taken.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { autoport, fixture, tempDir } from "../helpers/cli.js";

describe("autoport port", () => {
  it("--target picks one of several programs, --run boots it with the arguments after --", async () => {
    const out = join(tempDir(), "greet");
    const r = await autoport(["port", fixture("make-lib"), "-o", out, "--target", "greet", "--run", "--", "unikernel"], { input: "" });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe("hello, unikernel\n");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.build).toMatchObject({ target: "greet", targetFrom: "--target", system: "make" });
    expect(report.build.candidates.sort()).toEqual(["greet", "tool"]);
  });

  it("`autoport <source> -o DIR -- ARGS` is port --run: the app's exit status is autoport's", async () => {
    const out = join(tempDir(), "exit3");
    const r = await autoport([fixture("exit3"), "-o", out], { input: "" });
    expect(r.exitCode, r.stderr).toBe(3);
  });

  it("without --run it prints where the image is and what it holds", async () => {
    const out = join(tempDir(), "hello");
    const r = await autoport(["port", fixture("hello"), "-o", out]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${out}/image.elf: hello`);
    expect(r.stdout).toContain("kernel modules:");
  });
});
