// The vfs and ramfs code compiled for the host (with ASan and UBSan) and
// driven through its syscall handlers: paths, "..", symlinks, renames under
// the cwd, removal during a listing, sparse truncation, hard links, flock,
// cpio unpacking. Also the 9P codec and the virtqueue ring bookkeeping
// against a simulated device, past the 16-bit index wrap.
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const hostDir = fileURLToPath(new URL("./host/", import.meta.url));

describe("vfs on the host", () => {
  it("passes every check in test/kernel/host", async () => {
    const out = await mkdtemp(join(tmpdir(), "autoport-vfs-host-"));
    const r = await execa("make", ["-s", "-C", hostDir, `O=${out}`, "run"], { reject: false, all: true });
    expect(r.all).not.toContain("FAIL");
    expect(r.all?.match(/^ok \(0 failures\)$/gm)).toHaveLength(2);
    expect(r.exitCode).toBe(0);
  });
});
