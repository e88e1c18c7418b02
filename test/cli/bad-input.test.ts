// Every kind of bad input gets one line naming the problem and what to do, exit 2, no stack.
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { autoport, fixture, isOneLineError, tempDir } from "../helpers/cli.js";

describe("analyze rejects bad input with one line and exit 2", () => {
  it("a missing path", async () => {
    const r = await autoport(["analyze", "/no/such/app"]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("/no/such/app does not exist");
  });

  it("a folder with no C sources", async () => {
    const d = tempDir();
    writeFileSync(join(d, "README"), "no code here\n");
    const r = await autoport(["analyze", d]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("holds no C sources");
  });

  it("a corrupt tarball", async () => {
    const d = tempDir();
    const tgz = join(d, "broken-1.0.tar.gz");
    writeFileSync(tgz, Buffer.from("this is not gzip data at all, just text pretending"));
    const r = await autoport(["analyze", tgz], { env: { XDG_CACHE_HOME: join(d, "cache") } });
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("is not a readable tarball");
    // nothing half-unpacked is left in the cache to be taken for a tree later
    expect(existsSync(join(d, "cache", "autoport", "tarballs"))).toBe(true);
    const again = await autoport(["analyze", tgz], { env: { XDG_CACHE_HOME: join(d, "cache") } });
    expect(again.exitCode).toBe(2);
  });

  it("an unknown Debian package", async () => {
    const d = tempDir();
    const r = await autoport(["analyze", "debian:no-such-package-autoport"], { env: { XDG_CACHE_HOME: d } });
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/no source package named no-such-package-autoport|deb-src/);
  });

  it("a file that is not text", async () => {
    const d = tempDir();
    const bin = join(d, "blob.c");
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const r = await autoport(["analyze", bin]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("neither a folder, a tarball nor a C file");
  });

  it("an unwritable output path", async () => {
    const d = tempDir();
    const file = join(d, "a-file");
    writeFileSync(file, "x");
    const out = join(file, "report.json"); // a path below a regular file: ENOTDIR even as root
    const r = await autoport(["analyze", fixture("tiny"), "--json", out]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`cannot write ${out}`);
  });

  it("an unknown command flag", async () => {
    const r = await autoport(["analyze", fixture("tiny"), "--frobnicate"]);
    expect(r.exitCode).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
  });

  it("no arguments prints usage and exits 2", async () => {
    const r = await autoport([]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain("usage: autoport");
  });
});

describe("sources", () => {
  it("a tarball unpacks into the cache and is reused", async () => {
    const d = tempDir();
    const src = join(d, "src", "tiny-1.0");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "main.c"), "#include <stdio.h>\nint main(void){ puts(\"hi\"); return 0; }\n");
    const { execa } = await import("execa");
    await execa("tar", ["-czf", join(d, "tiny-1.0.tar.gz"), "-C", join(d, "src"), "tiny-1.0"]);
    const { resolveSource } = await import("../../src/source/index.js");
    process.env.XDG_CACHE_HOME = join(d, "cache");
    const a = await resolveSource(join(d, "tiny-1.0.tar.gz"));
    const b = await resolveSource(join(d, "tiny-1.0.tar.gz"));
    expect(a.kind).toBe("tarball");
    expect(a.app).toBe("tiny-1.0");
    expect(a.root.endsWith("/tiny-1.0")).toBe(true);
    expect(existsSync(join(a.root, "main.c"))).toBe(true);
    expect(b.root).toBe(a.root);
  });

  it("a single C file is a tree of one file", async () => {
    const { resolveSource } = await import("../../src/source/index.js");
    const t = await resolveSource(fixture("tiny", "main.c"));
    expect(t.kind).toBe("file");
    expect(t.only).toBe("main.c");
    expect(t.app).toBe("main");
  });
});
