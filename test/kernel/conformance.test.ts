// Differential conformance: fixtures/conformance prints one line per
// (syscall, case); built natively with musl-gcc -static and run on Linux, and
// built into an image and booted, it must print the same thing. Also checks
// the program covers every syscall the tested modules claim.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { join } from "node:path";
import { boot, buildImage, buildKernel, fixture } from "./boot.js";
import { loadKernelTable, selectModules } from "../../src/manifests/index.js";

const modules = "time random epoll";
const stdin = "conformance-stdin\n";
let native = "";
let guest: Awaited<ReturnType<typeof boot>>;
let image = "";

beforeAll(async () => {
  const kernel = await buildKernel(modules);
  image = await buildImage(kernel, modules, "conformance");
  const exe = join(kernel, "conformance-native");
  await execa("musl-gcc", ["-static", "-O2", fixture("conformance"), "-o", exe]);
  // stdin and stdout real pipes (Node's own stdio pipes are sockets), as in the guest
  native = (await execa("sh", ["-c", 'printf "%s" "$1" | "$0" | cat', exe, stdin], { stripFinalNewline: false, timeout: 30_000 })).stdout;
  guest = await boot(image, { stdin });
});

describe("conformance", () => {
  it("prints the same lines natively and in the guest", () => {
    expect(native.split("\n").length).toBeGreaterThan(150);
    expect(guest.stdout).toBe(native);
    expect(guest.records.at(-1)).toBe("@exit 0");
  });

  it("has a success and an error case for every syscall the modules claim", async () => {
    const table = await loadKernelTable();
    const selected = selectModules(table, modules.split(" "));
    const lines = native.split("\n").map((l) => l.split(" "));
    const missing: string[] = [];
    for (const m of table.modules.filter((m) => selected.includes(m.name))) {
      for (const [name, status] of Object.entries(m.syscalls)) {
        if (status === "stub") continue;
        const mine = lines.filter((l) => l[0] === name);
        const ok = mine.some((l) => l.includes("errno=0")) || (name.startsWith("exit") && native.includes(`${name === "exit" ? "exit_group" : name} success`));
        const err = mine.some((l) => /errno=(E[A-Z]+|none)$/.test(l.join(" ")));
        if (!ok || !err) missing.push(`${name}${ok ? "" : " (no success)"}${err ? "" : " (no error)"}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("answers terminal ioctls only on the fds autoport.tty names", async () => {
    const r = await boot(image, { stdin, append: "autoport.tty=3 autoport.winsize=40x120" });
    expect(r.stdout).toContain("ioctl tcgets-not-tty ret=0 errno=0\n"); // fd 1 is now a terminal
    expect(r.stdout).toContain("ioctl tcgets-stdin-not-tty ret=0 errno=0\n");
    expect(r.stdout).toContain("ioctl tiocgwinsz-not-tty ret=-1 errno=ENOTTY\n"); // fd 2 is not
  });
});
