/**
 * Wiring the app's fds 0/1/2 (design.md §7 "Console"): COM1 carries stdout
 * (and a terminal stdin), COM2 stderr, each written by QEMU straight into
 * autoport's own fd so bytes and their order stay exactly as the app wrote
 * them. QEMU gets our stdout and stderr as its fds 3 and 4. A write-only fd
 * (a file, a pipe) is handed over through an fd set (-add-fd), so QEMU shares
 * its file offset with whoever else writes the same file (a shell's `> f`);
 * a terminal or a read-write fd is reopened through /proc/self/fd (offsets do
 * not matter there); a socket goes to a socket chardev as is.
 */
import { fstatSync, readFileSync } from "node:fs";
import { isatty } from "node:tty";
import type { FdKind, HostFds } from "./types.js";

export function fdKind(fd: number): FdKind {
  try {
    if (isatty(fd)) return "tty";
    const st = fstatSync(fd);
    if (st.isSocket()) return "socket";
    if (st.isFIFO()) return "fifo";
    if (st.isFile()) return "file";
    return "chardev";
  } catch {
    return "closed";
  }
}

export function hostFds(): HostFds {
  const fds: HostFds = { stdin: fdKind(0), stdout: fdKind(1), stderr: fdKind(2), writeOnly: [accessMode(1) === 1, accessMode(2) === 1] };
  const tty = [process.stdout, process.stderr].find((s) => s.isTTY);
  if (tty) fds.winsize = { rows: tty.rows || 24, cols: tty.columns || 80 };
  else if (fds.stdin === "tty") fds.winsize = { rows: 24, cols: 80 };
  return fds;
}

/** autoport.tty: bit 0 stdin, bit 1 stdout, bit 2 stderr are terminals. */
export function ttyMask(f: HostFds): number {
  return (f.stdin === "tty" ? 1 : 0) | (f.stdout === "tty" ? 2 : 0) | (f.stderr === "tty" ? 4 : 0);
}

/** O_ACCMODE of one of our fds (0 read, 1 write, 2 read-write), from /proc/self/fdinfo. */
export function accessMode(fd: number): number {
  try {
    const m = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, "latin1"));
    return m ? parseInt(m[1]!, 8) & 3 : 2;
  } catch {
    return 2;
  }
}

/**
 * A chardev writing to QEMU's fd `qemuFd`, which is the host fd of kind
 * `kind`; `fdset` is the fd set number to use when the fd is write-only.
 */
export function outputChardev(id: string, kind: FdKind, qemuFd: number, writeOnly: boolean, fdset: number): { chardev: string; addFd?: string } {
  if (kind === "closed") return { chardev: `null,id=${id}` };
  if (kind === "socket") return { chardev: `socket,id=${id},fd=${qemuFd}` };
  // append=on: never O_TRUNC (a shared fd would lose what the shell wrote before)
  if (writeOnly && kind !== "tty") return { chardev: `file,id=${id},path=/dev/fdset/${fdset},append=on`, addFd: `fd=${qemuFd},set=${fdset}` };
  return { chardev: `file,id=${id},path=/proc/self/fd/${qemuFd},append=on` };
}

export type StdioEntry = "pipe" | "ignore" | "inherit" | number;

export interface ConsolePlan {
  com1: string;
  com2: string;
  /** -add-fd values */
  addFds: string[];
  /** QEMU's fds 0..4 for child_process.spawn */
  stdio: StdioEntry[];
  stdinSource: "serial" | "fwcfg" | "null";
}

/** stdin: a terminal streams through COM1; anything else was read whole and goes over fw_cfg. */
export function planConsole(f: HostFds): ConsolePlan {
  const wo = f.writeOnly ?? [false, false];
  const err = outputChardev("com2", f.stderr, 4, wo[1], 2);
  const stdinSource = f.stdin === "tty" ? "serial" : f.stdin === "closed" ? "null" : "fwcfg";
  if (f.stdin === "tty") {
    // QEMU's stdio chardev reads its fd 0 and writes its fd 1: give it ours
    return { com1: "stdio,id=com1", com2: err.chardev, addFds: err.addFd ? [err.addFd] : [], stdio: [0, 1, "pipe", 1, 2], stdinSource };
  }
  const out = outputChardev("com1", f.stdout, 3, wo[0], 1);
  return {
    com1: out.chardev,
    com2: err.chardev,
    addFds: [out.addFd, err.addFd].filter((a): a is string => !!a),
    stdio: ["ignore", "pipe", "pipe", f.stdout === "closed" ? "ignore" : 1, f.stderr === "closed" ? "ignore" : 2],
    stdinSource,
  };
}
