// The host side of the guest/host contract, against stand-in guests that write
// fixed bytes to COM1, COM2 and debugcon: no kernel needed, real QEMU (TCG).
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { autoport as cli, bin, isOneLineError, tempDir } from "../helpers/cli.js";
import { scriptGuest } from "./guest.js";

// stdin is read whole when it is not a terminal: give it an end
const autoport: typeof cli = (args, opts = {}) => cli(args, { input: "", ...opts });
const guest = (steps: Parameters<typeof scriptGuest>[1]) => scriptGuest(tempDir("autoport-guest-"), steps);

describe("autoport run: streams and exit status", () => {
  it("COM1 is stdout, COM2 is stderr, byte for byte; @exit N is the exit status; diagnostics stay hidden", async () => {
    const bytes = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0x41, 0x0a]);
    const img = guest([["com1", "out 1\n"], ["com2", "err 1\n"], ["com1", bytes], ["debugcon", "boot log line\n@main\n@exit 3\n"]]);
    const r = await execa("node", [bin, "run", img], { input: "", encoding: "buffer", reject: false, stripFinalNewline: false });
    expect(r.exitCode).toBe(3);
    expect(Buffer.from(r.stdout)).toEqual(Buffer.concat([Buffer.from("out 1\n"), bytes]));
    expect(Buffer.from(r.stderr).toString()).toBe("err 1\n");
  });

  it("--verbose shows the accelerator choice and the boot log on stderr only", async () => {
    const img = guest([["com1", "x\n"], ["debugcon", "boot log line\n@exit 0\n"]]);
    const r = await autoport(["run", "--verbose", img]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("x\n");
    expect(r.stderr).toMatch(/using (TCG|KVM)/);
    expect(r.stderr).toContain("boot log line");
  });

  it("a fault gives 128+signal and the fault report on stderr", async () => {
    const img = guest([["debugcon", "page fault at 0x0\n@fault signal=11 vector=14 addr=0x0 rip=0x401000 sym=main+0x4\n"]]);
    const r = await autoport(["run", img]);
    expect(r.exitCode).toBe(139);
    expect(r.stderr).toContain("signal=11");
    expect(r.stderr).toContain("sym=main+0x4");
    expect(r.stdout).toBe("");
  });

  it("an unsupported syscall is reported on stderr with name and number", async () => {
    const img = guest([["debugcon", "@unsupported name=flock nr=73\n@exit 0\n"]]);
    const r = await autoport(["run", img]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("flock (syscall 73)");
  });

  it("stdin that stays open is waited for, with a notice after 3 s; the guest boots at its end", async () => {
    const img = guest([["com1", "booted\n"], ["debugcon", "@exit 0\n"]]);
    const run = execa("node", [bin, "run", img], { reject: false });
    await new Promise((ok) => setTimeout(ok, 4000));
    run.stdin!.end("late input");
    const r = await run;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("booted");
    expect(r.stderr).toMatch(/^autoport: waiting for the end of stdin: .*< \/dev\/null\)$/);
  });

  it("--timeout stops a guest that never ends: 124", async () => {
    const img = guest([["com1", "started\n"], ["spin", ""]]);
    const t0 = Date.now();
    const r = await autoport(["run", "--timeout", "1", img]);
    expect(r.exitCode).toBe(124);
    expect(r.stdout).toBe("started\n");
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a guest that stops without an exit record is a failure of the VM: 125 and its diagnostics", async () => {
    const img = guest([["debugcon", "kernel panic: out of memory\n"]]);
    const r = await autoport(["run", img]);
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toContain("kernel panic: out of memory");
    expect(r.stderr).toContain("without the app's exit status");
  });
});

describe("autoport run: bad input is one line and 125", () => {
  it("a missing image", async () => {
    const r = await autoport(["run", "/no/such/image.elf"]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
  });

  it("a folder without a finished build", async () => {
    const d = tempDir();
    writeFileSync(join(d, "build.log"), "cc: error\n");
    const r = await autoport(["run", d]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("build.log");
  });

  it("a file that is not an image", async () => {
    const d = tempDir();
    writeFileSync(join(d, "image.elf"), "not an elf");
    const r = await autoport(["run", join(d, "image.elf")]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
  });

  it("--share on an image without the 9p driver names the rebuild", async () => {
    const img = guest([["debugcon", "@exit 0\n"]]);
    const share = tempDir();
    mkdirSync(join(share, "sub"));
    const r = await autoport(["run", "--share", `${share}:/data`, img]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/no 9p .*driver.*rebuild/);
  });

  it("--mem below 2 MiB is refused at once (the guest could never start)", async () => {
    const img = guest([["debugcon", "@exit 0\n"]]);
    const r = await autoport(["run", "--mem", "1", img]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain("--mem 1 is too small");
  });

    it("--publish on an image without the network modules names the rebuild; a malformed --publish is a usage error", async () => {
    const img = guest([["debugcon", "@exit 0\n"]]);
    const r = await autoport(["run", "--publish", "18080:80", img]);
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/no network driver.*rebuild/);
    const bad = await autoport(["run", "--publish", "80", img]);
    expect(bad.exitCode).toBe(125);
    expect(isOneLineError(bad.stderr)).toBe(true);
    expect(bad.stderr).toContain("--publish takes HOSTPORT:GUESTPORT");
  });

    it("QEMU refusing to start (an ELF without the PVH note) is 125 with QEMU's reason", async () => {
    const d = tempDir();
    copyFileSync("/usr/bin/true", join(d, "image.elf"));
    const r = await autoport(["run", join(d, "image.elf")]);
    expect(r.stderr).toContain("PVH");
    expect(r.exitCode).toBe(125);
    expect(isOneLineError(r.stderr)).toBe(true);
  });
});
