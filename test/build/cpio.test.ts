// The initrd writer: a newc archive that GNU cpio lists and unpacks to the same files.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initrdOf } from "../../src/image/index.js";
import { tempDir } from "../helpers/cli.js";

describe("initrd.cpio", () => {
  it("holds the rootfs tree and --file entries with their parents; cpio unpacks it byte for byte", () => {
    const d = tempDir();
    const rootfs = join(d, "rootfs");
    mkdirSync(join(rootfs, "etc"), { recursive: true });
    writeFileSync(join(rootfs, "etc", "motd"), "hi\n");
    symlinkSync("motd", join(rootfs, "etc", "issue"));
    const extra = join(d, "data.bin");
    writeFileSync(extra, Buffer.from([0, 1, 2, 255, 10, 13]));
    const archive = join(d, "initrd.cpio");
    writeFileSync(archive, initrdOf(rootfs, [{ host: extra, guest: "/var/lib/app/data.bin" }]));
    const listing = execFileSync("cpio", ["-it", "--quiet", "-F", archive]).toString().trim().split("\n");
    expect(listing).toEqual(["etc", "etc/issue", "etc/motd", "var", "var/lib", "var/lib/app", "var/lib/app/data.bin"]);
    const out = join(d, "out");
    mkdirSync(out);
    execFileSync("cpio", ["-id", "--quiet", "-F", archive], { cwd: out });
    expect(readFileSync(join(out, "etc", "motd"), "utf8")).toBe("hi\n");
    expect(readFileSync(join(out, "var/lib/app/data.bin"))).toEqual(readFileSync(extra));
    expect(execFileSync("readlink", [join(out, "etc", "issue")]).toString().trim()).toBe("motd");
  });
});
