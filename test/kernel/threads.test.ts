// POSIX threads on the cooperative scheduler (kernel/lib/thread):
// fixtures/threads prints the same transcript natively (real parallel
// threads, musl-gcc -static) and in the guest; fixtures/thread-deadlock
// checks that a deadlock ends the app with a report instead of hanging.
import { beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { join } from "node:path";
import { boot, buildImage, buildKernel, fixture } from "./boot.js";

const modules = "time";
let kernel = "";
let native = "";

beforeAll(async () => {
  kernel = await buildKernel(modules);
  const exe = join(kernel, "threads-native");
  await execa("musl-gcc", ["-static", "-O2", fixture("threads"), "-o", exe]);
  native = (await execa("sh", ["-c", '"$0" | cat', exe], { stripFinalNewline: false, timeout: 30_000 })).stdout;
});

describe("threads", () => {
  it("prints the same transcript natively and in the guest", async () => {
    const guest = await boot(await buildImage(kernel, modules, "threads"));
    expect(native).toContain("counter 4000\n");
    expect(native).toContain("wake order BCA\n");
    expect(native).toContain("poll let a thread run 3 steps\n");
    expect(native.trimEnd().split("\n").at(-1)).toBe("last thread done, main already gone");
    expect(guest.stdout).toBe(native);
    expect(guest.records.at(-1)).toBe("@exit 0");
  });

  it("ends a deadlocked app with a report instead of hanging", async () => {
    const guest = await boot(await buildImage(kernel, modules, "thread-deadlock"));
    expect(guest.stdout).toBe("fork-like clone ret=-1 errno=ENOSYS\njoining\n");
    expect(guest.records).toContain("@deadlock threads=2");
    expect(guest.records.at(-1)).toMatch(/^@fault signal=9 vector=-1 /);
  });
});
