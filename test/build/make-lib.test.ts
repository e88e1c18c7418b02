// The build stage runs an app's own Makefile through the wrapper: musl, static,
// and a record of every object, so the same objects can be linked with the kernel.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildApp } from "../../src/build/index.js";
import { fixture, tempDir } from "../helpers/cli.js";

describe("build of a Makefile project with a static library and two programs", () => {
  it("records objects, picks the target, and the native musl program runs", async () => {
    const work = tempDir();
    const log = join(work, "build.log");
    const r = await buildApp({ root: fixture("make-lib"), app: "make-lib", workDir: work, logFile: log, target: "greet" });
    expect(r.system).toBe("make");
    expect(r.target).toBe("greet");
    expect(r.targetFrom).toBe("--target");
    expect(r.candidates.sort()).toEqual(["greet", "tool"]);
    // main.o then the library found through -L. -lgreet; libm is musl's and left to libc.a
    expect(r.objects.map((o) => basename(o))).toEqual(["main.o", "libgreet.a"]);
    expect(r.unresolvedLibs).toEqual([]);
    // the wrapper linked natively, statically, against musl
    expect(execFileSync(r.program, ["musl"]).toString()).toBe("hello, musl\n");
    const headers = execFileSync("readelf", ["-lh", r.program]).toString();
    expect(headers).toContain("EXEC (Executable file)"); // not PIE
    expect(headers).not.toContain("INTERP"); // static: no dynamic loader
    expect(readFileSync(log, "utf8")).toContain("make -j");
  });

  it("a program linked straight from sources gets its objects compiled separately", async () => {
    const work = tempDir();
    const r = await buildApp({ root: fixture("make-lib"), app: "make-lib", workDir: work, logFile: join(work, "build.log"), target: "tool" });
    expect(r.objects).toHaveLength(1);
    expect(r.objects[0]).toMatch(/tool\.o$/);
    expect(execFileSync("nm", [r.objects[0]!]).toString()).toMatch(/ T main\n/);
  });

  it("a failing Makefile is a BUILD_FAILED error naming the log", async () => {
    const work = tempDir();
    const log = join(work, "build.log");
    const err = await buildApp({ root: fixture("make-fails"), app: "make-fails", workDir: work, logFile: log }).catch((e) => e);
    expect(err.code).toBe("BUILD_FAILED");
    expect(err.hint).toContain(log);
    expect(readFileSync(log, "utf8")).toContain("broken.c");
  });
});
