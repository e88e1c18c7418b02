// Differential conformance for files: fixtures/conformance-files prints one
// line per (syscall, case) on a scratch folder, a host share and /dev. Built
// natively with musl-gcc -static and run on Linux, and built into an image
// with the vfs, devfs, pipe and 9p modules and booted with an initrd and a
// virtio-9p share, it must print the same thing. The share is then checked
// from the host: what the guest wrote and fsynced is there.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { mkdtemp, mkdir, readFile, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildImage, buildKernel, fixture } from "./boot.js";
import { bootWithFiles, packInitrd } from "./vfs-boot.js";
import { loadKernelTable } from "../../src/manifests/index.js";

const modules = "vfs pipe"; // vfs brings ramfs, devfs, 9p and virtio
const initrdText = "from the initrd\n";
let native = "";
let guest: Awaited<ReturnType<typeof bootWithFiles>>;
let guestShare = "";

beforeAll(async () => {
  const kernel = await buildKernel(modules);
  const image = await buildImage(kernel, modules, "conformance-files");
  const work = await mkdtemp(join(tmpdir(), "autoport-vfs-conf-"));

  const exe = join(work, "native");
  await execa("musl-gcc", ["-static", "-O2", fixture("conformance-files"), "-o", exe]);
  await mkdir(join(work, "native-share"));
  await writeFile(join(work, "initrd.txt"), initrdText);
  // stdout a real pipe, as the console looks in the guest (node's own stdio pipes are sockets)
  const argv = [exe, join(work, "scratch"), join(work, "native-share"), join(work, "initrd.txt")];
  native = (await execa("sh", ["-c", '"$@" | cat', "sh", ...argv], { stripFinalNewline: false })).stdout;

  await mkdir(join(work, "root", "etc"), { recursive: true });
  await writeFile(join(work, "root", "etc", "conformance.txt"), initrdText);
  const initrd = await packInitrd(join(work, "root"), join(work, "initrd.cpio"));
  guestShare = join(work, "guest-share");
  await mkdir(guestShare);
  guest = await bootWithFiles(image, {
    args: ["conformance-files", "/tmp/scratch", "/data", "/etc/conformance.txt"],
    initrd,
    shares: [{ tag: "share0", host: guestShare, guest: "/data" }],
  });
});

describe("file conformance", () => {
  it("prints the same lines natively and in the guest", () => {
    expect(native.split("\n").length).toBeGreaterThan(350);
    expect(native).not.toContain("setup failed");
    expect(native).toContain("open initrd-file ret=1 errno=0\n");
    expect(guest.stdout).toBe(native);
    expect(guest.records.at(-1)).toBe("@exit 0");
  });

  it("leaves on the host share what the guest wrote and fsynced", async () => {
    expect(await readFile(join(guestShare, "kept.txt"), "utf8")).toBe("kept\n");
    expect((await readdir(guestShare)).sort()).toEqual(["d", "f1", "kept.txt", "l1", "l2", "l4", "l5"]);
    expect(await readFile(join(guestShare, "f1"), "latin1")).toBe("ab\0");
  });

  it("has a success and an error case for every syscall vfs and pipe claim", async () => {
    const table = await loadKernelTable();
    const lines = native.split("\n").map((l) => l.split(" "));
    const missing: string[] = [];
    for (const m of table.modules.filter((m) => m.name === "vfs" || m.name === "pipe")) {
      for (const [name, status] of Object.entries(m.syscalls)) {
        if (status === "stub") continue;
        const mine = lines.filter((l) => l[0] === name);
        const ok = mine.some((l) => l.at(-1) === "errno=0");
        const err = mine.some((l) => /^errno=(E[A-Z]+|none)$/.test(l.at(-1) ?? ""));
        if (!ok || !err) missing.push(`${name}${ok ? "" : " (no success)"}${err ? "" : " (no error)"}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
