// Files for the app: --file HOST:GUEST at build time goes into initrd.cpio;
// --share HOST:GUEST at run time is a 9p share; a missing file is the app's
// own error, as natively.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { autoport, fixture, tempDir } from "../helpers/cli.js";

const d = tempDir("autoport-files-");
const out = join(d, "cat");

beforeAll(async () => {
  writeFileSync(join(d, "motd"), "from the initrd\n");
  const r = await autoport(["build", fixture("cat-file"), "-o", out, "--file", `${join(d, "motd")}:/etc/motd`]);
  if (r.exitCode !== 0) throw new Error(r.stderr);
}, 120_000);

describe("files", () => {
  it("--file puts a host file into the initrd at its guest path", async () => {
    expect(existsSync(join(out, "initrd.cpio"))).toBe(true);
    const r = await autoport(["run", out, "--", "/etc/motd"], { input: "" });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe("from the initrd\n");
  });

  it("--share reads a host folder over 9p", async () => {
    const share = join(d, "share");
    mkdirSync(share);
    writeFileSync(join(share, "a.txt"), "shared bytes\n");
    const r = await autoport(["run", "--share", `${share}:/data`, out, "--", "/data/a.txt"], { input: "" });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe("shared bytes\n");
  });

  it("a missing file is the app's error and status", async () => {
    const r = await autoport(["run", out, "--", "/no/such/file"], { input: "" });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("/no/such/file: No such file or directory\n");
  });
});
