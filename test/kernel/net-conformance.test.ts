// Socket conformance: fixtures/net-conformance talks to itself over
// 127.0.0.1 and prints one line per (syscall, case); natively and in the
// guest (lwIP's loopback) the output must be the same, on microvm and on pc
// with a virtio-net NIC up. Also checks every syscall the socket module
// claims has a success and an error case.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { join } from "node:path";
import { boot, buildImage, buildKernel, fixture } from "./boot.js";
import { useLwip } from "./net-lwip.js";
import { loadKernelTable } from "../../src/manifests/index.js";

const modules = "socket epoll";
let native = "";
let image = "";

beforeAll(async () => {
  await useLwip();
  const kernel = await buildKernel(modules);
  image = await buildImage(kernel, modules, "net-conformance");
  const exe = join(kernel, "net-conformance-native");
  await execa("musl-gcc", ["-static", "-O2", fixture("net-conformance"), "-o", exe]);
  native = (await execa("sh", ["-c", '"$0" | cat', exe], { stripFinalNewline: false, timeout: 30_000 })).stdout;
}, 240_000);

describe("net conformance", () => {
  it("prints the same lines natively and in the guest over loopback", async () => {
    expect(native).toContain("bulk sent=300000 received=300000 same=1");
    const guest = await boot(image);
    expect(guest.stdout).toBe(native);
    expect(guest.records.at(-1)).toBe("@exit 0");
  });

  it("does the same on -M pc with a virtio-net NIC present", async () => {
    const guest = await boot(image, {
      machine: "pc",
      append: "autoport.verbose=1",
      qemu: ["-netdev", "user,id=n0,restrict=on", "-device", "virtio-net-pci,netdev=n0"],
    });
    expect(guest.diag).toContain("net: virtio-net up");
    expect(guest.stdout).toBe(native);
    expect(guest.records.at(-1)).toBe("@exit 0");
  });

  it("answers EDEADLK instead of hanging when only this process could end a wait", async () => {
    const kernel = await buildKernel("socket time");
    const img = await buildImage(kernel, "socket time", "net-deadlock");
    const r = await boot(img);
    expect(r.stdout).toBe(
      "accept ret=-1 errno=EDEADLK\nread ret=-1 errno=EDEADLK\nread-after-write ret=2\nrecv-udp ret=-1 errno=EDEADLK\n",
    );
    expect(r.records.at(-1)).toBe("@exit 0");
  }, 120_000);

  it("has a success and an error case for every syscall the socket module claims", async () => {
    const table = await loadKernelTable();
    const lines = native.split("\n");
    const missing: string[] = [];
    for (const [name, status] of Object.entries(table.modules.find((m) => m.name === "socket")!.syscalls)) {
      if (status === "stub") continue;
      const mine = lines.filter((l) => l.split(" ")[0] === name);
      const ok = mine.some((l) => l.includes("errno=0"));
      const err = mine.some((l) => /errno=E[A-Z]+$/.test(l));
      if (!ok || !err) missing.push(`${name}${ok ? "" : " (no success)"}${err ? "" : " (no error)"}`);
    }
    expect(missing).toEqual([]);
  });
});
