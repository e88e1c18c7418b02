// autoport build + autoport run end to end on real QEMU (TCG): what a user of
// the CLI sees for a greeting, an exit status, a crash, an unsupported
// syscall and a program that never ends.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isOneLineError, tempDir } from "../helpers/cli.js";
import { buildFixture, run } from "./images.js";

const out = tempDir("autoport-port-");
const dirs: Record<string, string> = {};

beforeAll(async () => {
  for (const f of ["hello", "exit3", "crash-null", "unsupported-syscall", "spin"]) dirs[f] = await buildFixture(f, out);
}, 300_000);

describe("autoport build writes the output folder", () => {
  it("image.elf (stripped), image.debug.elf, report.{json,md,html}, build.log", () => {
    for (const f of ["image.elf", "image.debug.elf", "report.json", "report.md", "report.html", "build.log"]) {
      expect(existsSync(join(dirs.hello!, f)), f).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(dirs.hello!, "report.json"), "utf8"));
    expect(report.build.target).toBe("hello");
    expect(report.build.modules).toEqual(expect.arrayContaining(["mm", "fd", "process", "syscall"]));
    expect(report.build.imageBytes).toBeGreaterThan(10_000);
    expect(report.layers).toEqual(["source", "link", "image"]);
    // stripped: the debug image has the symbols, the image does not
    expect(readFileSync(join(dirs.hello!, "image.debug.elf")).includes("__libc_start_main")).toBe(true);
    expect(readFileSync(join(dirs.hello!, "image.elf")).length).toBeLessThan(readFileSync(join(dirs.hello!, "image.debug.elf")).length);
  });
});

describe("autoport run", () => {
  it("hello prints its greeting with the arguments and exits 0", async () => {
    const r = await run([dirs.hello!, "--", "a", "b"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("hello, a! argc=3 tls=42\nargv[0]=hello\nargv[1]=a\nargv[2]=b\n");
    expect(r.stderr).toBe("hello on stderr\n");
  });

  it("takes image.elf as well as the folder, and --env", async () => {
    const r = await run(["--env", "GREETING=Hi", join(dirs.hello!, "image.elf"), "--", "x"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Hi, x! argc=2 tls=42");
  });

  it("boots on -M pc as on microvm", async () => {
    const r = await run(["--machine", "pc", dirs.hello!, "--", "pc"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("hello, pc! argc=2 tls=42");
    expect(r.stderr).toBe("hello on stderr\n");
  });

  it("exit3 exits 3", async () => {
    expect((await run([dirs.exit3!])).exitCode).toBe(3);
  });

  it("crash-null exits 139 with the fault report on stderr", async () => {
    const r = await run([dirs["crash-null"]!]);
    expect(r.exitCode).toBe(139);
    expect(r.stdout).toBe("about to crash\n");
    expect(r.stderr).toMatch(/signal=11 vector=14 addr=0x0 .*sym=main\+0x/);
  });

  it("an unsupported syscall is named on stderr with its number; the app carries on", async () => {
    const r = await run([dirs["unsupported-syscall"]!]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("still running");
    expect(r.stderr).toContain("acct (syscall 163)");
  });

  it("--timeout 1 stops an app that never exits: 124", async () => {
    const r = await run(["--timeout", "1", dirs.spin!]);
    expect(r.exitCode).toBe(124);
    expect(r.stdout).toBe("spinning\n");
  });

  it("kill of autoport run stops the VM too: 143 for SIGTERM, and no QEMU left behind", async () => {
    const { bin } = await import("../helpers/cli.js");
    const child = spawn("node", [bin, "run", dirs.spin!], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    await new Promise<void>((started) => child.stdout!.on("data", (d: Buffer) => ((stdout += d), stdout.includes("spinning") && started())));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(code).toBe(143);
    const left = spawnSync("pgrep", ["-f", join(dirs.spin!, "image.elf")], { encoding: "utf8" });
    expect(left.stdout.trim()).toBe("");
  });
});

describe("autoport build of a failing build", () => {
  it("exits 2 with one line naming build.log, and leaves no report", async () => {
    const dir = join(out, "fails");
    const { autoport, fixture } = await import("../helpers/cli.js");
    const r = await autoport(["build", fixture("make-fails"), "-o", dir]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(join(dir, "build.log"));
    expect(readFileSync(join(dir, "build.log"), "utf8")).toContain("missing_function");
    expect(existsSync(join(dir, "report.json"))).toBe(false);
    // and run refuses the unfinished folder
    const again = await run([dir]);
    expect(again.exitCode).toBe(125);
  });
});
