// A small batch on the local pool: every output is written, failures are
// recorded without stopping the batch, --resume skips finished apps, and the
// page renders to a picture that is not blank.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { autoport, fixture, tempDir, type CliResult } from "../helpers/cli.js";
import { screenshot } from "../../src/batch/png.js";
import { pngStats } from "./png-read.js";

const APPS = ["hello", "forker", "echo-server", "no-sources"].map((a) => fixture("batch", a));
const UNKNOWN_PKG = "debian:no-such-package-autoport";

describe("autoport batch on the local pool", () => {
  const out = join(tempDir(), "out");
  const cache = tempDir();
  let first: CliResult;
  let summary: any;

  beforeAll(async () => {
    first = await autoport(["batch", ...APPS, UNKNOWN_PKG, "-o", out, "--jobs", "2"], { env: { XDG_CACHE_HOME: cache } });
    summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
  });

  it("finishes with exit 0 and writes every output", () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.exitCode).toBe(0);
    for (const f of ["summary.json", "summary.md", "index.html", "heatmap.svg", "heatmap.png"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(first.stdout).toContain("5 apps: 3 ok, 2 failed, 0 skipped");
  });

  it("records each app with status, stage and reason, failures included", () => {
    expect(summary.version).toBe(1);
    const rows = Object.fromEntries(summary.apps.map((a: any) => [a.name, a]));
    expect(summary.apps.map((a: any) => a.name)).toEqual(["hello", "forker", "echo-server", "no-sources", "no-such-package-autoport"]);
    for (const n of ["hello", "forker", "echo-server"]) expect(rows[n]).toMatchObject({ status: "ok", stage: "analyze", reason: null });
    expect(rows["no-sources"]).toMatchObject({ status: "failed", stage: "source" });
    expect(rows["no-sources"].reason).toContain("holds no C sources");
    expect(rows["no-such-package-autoport"]).toMatchObject({ status: "failed", stage: "source", code: "UNKNOWN_PACKAGE" });
    // the fork in forker.c is a place to port by hand; the others have none
    expect(rows.forker.manual).toBeGreaterThan(0);
    expect(summary.totals.forkUsers).toContain("forker");
    expect(rows.hello.manual).toBe(0);
    for (const n of Object.keys(rows)) expect(existsSync(join(out, "apps", `${n}.json`)), n).toBe(true);
    expect(existsSync(join(out, "apps", "hello.report.json"))).toBe(true);
    expect(summary.published.map((p: any) => p.published)).toEqual(expect.arrayContaining(["3 of 30 (a 146-syscall kernel)", "192 across 30", "25 of 30"]));
  });

  it("writes summary.md and a self-contained index.html naming every app and reason", () => {
    const md = readFileSync(join(out, "summary.md"), "utf8");
    expect(md).toMatch(/\| forker \| .* \| ok \| analyze \|/);
    expect(md).toContain("## Implement these syscalls next");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("holds no C sources");
    expect(html).not.toMatch(/<script|<link |src="http/);
    for (const n of ["hello", "forker", "echo-server", "no-sources"]) expect(html).toContain(n);
  });

  it("shows the page in headless chromium as a picture that is not blank", async () => {
    const shot = join(tempDir(), "page.png");
    expect(await screenshot(join(out, "index.html"), shot, 1000, 800)).toBeNull();
    const page = pngStats(readFileSync(shot));
    expect(page.width).toBe(1000);
    expect(page.colors).toBeGreaterThan(8);
    expect(page.inked).toBeGreaterThan(0.01);
    const map = pngStats(readFileSync(join(out, "heatmap.png")));
    expect(map.colors).toBeGreaterThan(4);
    expect(map.inked).toBeGreaterThan(0.01);
  });

  it("logs plain lines when stderr is not a terminal", () => {
    expect(first.stderr).toMatch(/^autoport batch: \[5\/5\] /m);
    expect(first.stderr).not.toContain("\x1b[");
  });

  it("--resume skips apps whose result file exists and redoes the others", async () => {
    const before = statSync(join(out, "apps", "hello.json")).mtimeMs;
    rmSync(join(out, "apps", "forker.json"));
    const again = await autoport(["batch", ...APPS, UNKNOWN_PKG, "-o", out, "--resume"], { env: { XDG_CACHE_HOME: cache } });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toMatch(/hello: ok.*from an earlier run/);
    expect(again.stderr).toMatch(/forker: started/);
    expect(again.stderr).not.toMatch(/hello: started/);
    expect(statSync(join(out, "apps", "hello.json")).mtimeMs).toBe(before);
    expect(existsSync(join(out, "apps", "forker.json"))).toBe(true);
    const s2 = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(s2.apps.map((a: any) => [a.name, a.status])).toEqual(summary.apps.map((a: any) => [a.name, a.status]));
  });

  it("kills an app's job at --timeout and records it, and the batch goes on", async () => {
    const o2 = join(tempDir(), "out");
    const r = await autoport(["batch", fixture("batch", "hello"), "-o", o2, "--timeout", "1"], { env: { AUTOPORT_BATCH_TEST_DELAY_MS: "20000" } });
    expect(r.exitCode).toBe(0);
    const row = JSON.parse(readFileSync(join(o2, "summary.json"), "utf8")).apps[0];
    expect(row).toMatchObject({ name: "hello", status: "failed", stage: "analyze", reason: "timed out after 1 s" });
  });
});

describe("autoport batch --stage build", () => {
  it("builds each app in the sandbox and keeps the analysis; a failure is recorded with its reason", async () => {
    const out = join(tempDir(), "out");
    const r = await autoport(["batch", fixture("batch", "hello"), fixture("batch", "no-sources"), "-o", out, "--stage", "build"]);
    expect(r.exitCode).toBe(0);
    const [hello, none] = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).apps;
    expect(none).toMatchObject({ status: "failed", stage: "source" });
    expect(hello.syscalls.required).toBeGreaterThan(0);
    if (hello.status === "failed") {
      // the build stage is another team's; its failure must still say why
      expect(hello.stage).toBe("build");
      expect(hello.reason).toMatch(/\w{4}/);
    } else {
      expect(hello).toMatchObject({ status: "ok", stage: "build", reason: null });
      expect(existsSync(join(out, "work", "hello", "out", "image.elf"))).toBe(true);
      expect(hello.sandbox).toMatch(/^bwrap: no network|^no sandbox: /);
    }
  }, 240_000);
});

describe("autoport batch --stage boot", () => {
  it("boots the built image under QEMU and records how the app ended", async () => {
    const out = join(tempDir(), "out");
    const r = await autoport(["batch", fixture("batch", "hello"), "-o", out, "--stage", "boot"]);
    expect(r.exitCode).toBe(0);
    const [hello] = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).apps;
    // hello prints a line and exits 0 in the guest
    expect(hello).toMatchObject({ name: "hello", status: "ok", stage: "boot", reason: null });
  }, 240_000);
});
