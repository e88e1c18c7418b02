// Pure pieces of the run stage: reading the diagnostics channel, the QEMU command line, the accelerator.
import { describe, expect, it } from "vitest";
import { parseDiagnostics, statusOf } from "../../src/run/diagnostics.js";
import { qemuArgs } from "../../src/run/qemu-args.js";
import { chooseAccel } from "../../src/run/accel.js";
import { planConsole, ttyMask } from "../../src/run/console.js";

describe("diagnostics transcript → exit status", () => {
  it("@exit N is the status; human lines are kept apart", () => {
    const o = parseDiagnostics("boot: 128 MiB\n@main\n@exit 42\n");
    expect(statusOf(o, false)).toBe(42);
    expect(o.sawMain).toBe(true);
    expect(o.text).toEqual(["boot: 128 MiB"]);
  });
  it("@fault signal=S is 128+S even after output", () => {
    expect(statusOf(parseDiagnostics("@main\n@fault signal=11 vector=14 addr=0x0 rip=0x1 sym=main+0x4\n"), false)).toBe(139);
    expect(statusOf(parseDiagnostics("@fault signal=8 vector=0 addr=0x0 rip=0x1 sym=f+0x0\n"), false)).toBe(136);
  });
  it("a timeout wins; no record at all is undefined (a VM failure)", () => {
    expect(statusOf(parseDiagnostics("@main\n"), true)).toBe(124);
    expect(statusOf(parseDiagnostics("@main\n"), false)).toBeUndefined();
  });
  it("@unsupported records keep name and number", () => {
    const o = parseDiagnostics("@unsupported name=flock nr=73\n@unsupported name=fork nr=57\n@exit 0\n");
    expect(o.unsupported.map((u) => [u.name, u.nr])).toEqual([["flock", 73], ["fork", 57]]);
  });
});

describe("QEMU arguments", () => {
  const base = {
    image: "/i.elf", machine: "microvm" as const, accel: "tcg" as const, memMiB: 64,
    com1: "file,id=com1,path=/proc/self/fd/3,append=on", com2: "null,id=com2", debugcon: "file:/d",
    cmdline: ["autoport.tty=0"], fwcfg: { "opt/autoport/argv": "/a" }, shares: [],
  };
  it("carries the contract: two serial ports, debugcon, debug-exit, no reboot, fw_cfg, -append", () => {
    const a = qemuArgs(base).join(" ");
    expect(a).toContain("-M microvm");
    expect(a).toContain("-no-reboot -nodefaults");
    expect(a).toContain("-serial chardev:com1");
    expect(a).toContain("isa-serial,chardev=com2,iobase=0x2f8");
    expect(a).toContain("-debugcon file:/d");
    expect(a).toContain("isa-debug-exit,iobase=0xf4,iosize=0x04");
    expect(a).toContain("-fw_cfg name=opt/autoport/argv,file=/a");
    expect(a).toContain("-accel tcg");
    expect(a).toContain("-append autoport.tty=0");
  });
  it("kvm means -enable-kvm -cpu host; shares are virtio-9p with their tags", () => {
    const a = qemuArgs({ ...base, accel: "kvm", shares: [{ tag: "share0", host: "/h" }] }).join(" ");
    expect(a).toContain("-enable-kvm -cpu host");
    expect(a).toContain("-fsdev local,id=share0,path=/h,security_model=none");
    expect(a).toContain("virtio-9p-device,fsdev=share0,mount_tag=share0");
  });
  it("--publish gives the guest a NIC on user networking, restricted, forwarding only from the host's loopback", () => {
    const none = qemuArgs(base).join(" ");
    expect(none).not.toContain("-netdev");
    const a = qemuArgs({ ...base, publish: [{ host: 8080, guest: 80 }, { host: 6380, guest: 6379 }] }).join(" ");
    expect(a).toContain("-netdev user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=tcp:127.0.0.1:6380-:6379");
    expect(a).toContain("-device virtio-net-device,netdev=net0");
    expect(qemuArgs({ ...base, machine: "pc", publish: [{ host: 1, guest: 2 }] }).join(" ")).toContain("-device virtio-net-pci,netdev=net0");
  });
});

describe("accelerator and console choices", () => {
  it("auto picks TCG on PVM and KVM on hardware virtualization", () => {
    expect(chooseAccel("auto", () => ({ usable: false, why: "PVM" })).accel).toBe("tcg");
    expect(chooseAccel("auto", () => ({ usable: true, why: "vmx" })).accel).toBe("kvm");
    expect(chooseAccel("kvm").accel).toBe("kvm");
  });
  it("a terminal stdin streams over COM1; a pipe goes over fw_cfg; sockets are handed over", () => {
    expect(planConsole({ stdin: "tty", stdout: "tty", stderr: "tty" }).com1).toBe("stdio,id=com1");
    const p = planConsole({ stdin: "fifo", stdout: "socket", stderr: "file" });
    expect(p.stdinSource).toBe("fwcfg");
    expect(p.com1).toBe("socket,id=com1,fd=3");
    expect(p.com2).toBe("file,id=com2,path=/proc/self/fd/4,append=on"); // read-write: reopened
    const w = planConsole({ stdin: "file", stdout: "file", stderr: "tty", writeOnly: [true, true] });
    // a write-only file is shared through an fd set (one file offset with the shell), never truncated
    expect(w.com1).toBe("file,id=com1,path=/dev/fdset/1,append=on");
    expect(w.addFds).toEqual(["fd=3,set=1"]);
    expect(w.com2).toBe("file,id=com2,path=/proc/self/fd/4,append=on");
    expect(ttyMask({ stdin: "tty", stdout: "file", stderr: "tty" })).toBe(5);
  });
});
