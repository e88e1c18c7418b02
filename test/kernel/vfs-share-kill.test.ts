// A file written and fsynced on a 9p share is on the host even when QEMU is
// killed right afterwards (SIGKILL, no clean exit): nothing waits in the guest.
// On both machines: microvm (virtio-mmio) and pc (legacy virtio-pci).
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildImage, buildKernel } from "./boot.js";

let image = "";
beforeAll(async () => {
  const kernel = await buildKernel("vfs time");
  image = await buildImage(kernel, "vfs time", "share-kill");
});

describe("host share", () => {
  it.each([
    ["microvm", "virtio-9p-device"],
    ["pc", "virtio-9p-pci"],
  ])("keeps fsynced data when QEMU is killed (-M %s)", async (machine, device) => {
    const dir = await mkdtemp(join(tmpdir(), "autoport-share-kill-"));
    const share = join(dir, "share");
    await mkdir(share);
    await writeFile(join(dir, "argv"), "share-kill\0/data/nested/kill.txt\0");
    await mkdir(join(share, "nested"));
    const out = join(dir, "out");
    const qemu = execa("qemu-system-x86_64", [
      "-M", machine, "-accel", "tcg", "-cpu", "max", "-m", "64M", "-nographic", "-no-reboot", "-nodefaults",
      "-serial", `file:${out}`, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-debugcon", `file:${join(dir, "diag")}`,
      "-fw_cfg", `name=opt/autoport/argv,file=${join(dir, "argv")}`,
      "-fsdev", `local,id=fs0,path=${share},security_model=none`, "-device", `${device},fsdev=fs0,mount_tag=share0`,
      "-kernel", image, "-append", "autoport.mount=share0:/data",
    ], { reject: false });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(existsSync(out) && readFileSync(out, "latin1").includes("synced\n"))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    qemu.kill("SIGKILL");
    const r = await qemu;
    expect(r.signal).toBe("SIGKILL"); // it did not exit on its own
    expect(readFileSync(out, "latin1").endsWith("synced\n")).toBe(true); // on pc, SeaBIOS writes to the serial port first
    expect(await readFile(join(share, "nested", "kill.txt"), "utf8")).toBe("committed before the kill\n");
  });
});
