/**
 * Wiring the app's fds 0/1/2 (design.md §7 "Console"): COM1 carries stdout
 * (and a terminal stdin), COM2 stderr, each written by QEMU straight into
 * autoport's own fd so bytes and their order stay exactly as the app wrote
 * them. QEMU gets our stdout and stderr as its fds 3 and 4; a file, pipe or
 * terminal is reopened through /proc/self/fd (append, never truncate), a
 * socket is handed over as is (it cannot be reopened).
 */
import { fstatSync } from "node:fs";
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
  const fds: HostFds = { stdin: fdKind(0), stdout: fdKind(1), stderr: fdKind(2) };
  const tty = [process.stdout, process.stderr].find((s) => s.isTTY);
  if (tty) fds.winsize = { rows: tty.rows || 24, cols: tty.columns || 80 };
  else if (fds.stdin === "tty") fds.winsize = { rows: 24, cols: 80 };
  return fds;
}

/** autoport.tty: bit 0 stdin, bit 1 stdout, bit 2 stderr are terminals. */
export function ttyMask(f: HostFds): number {
  return (f.stdin === "tty" ? 1 : 0) | (f.stdout === "tty" ? 2 : 0) | (f.stderr === "tty" ? 4 : 0);
}

/** A chardev writing to QEMU's fd `qemuFd`, which is the host fd of kind `kind`. */
export function outputChardev(id: string, kind: FdKind, qemuFd: number): string {
  if (kind === "closed") return `null,id=${id}`;
  if (kind === "socket") return `socket,id=${id},fd=${qemuFd}`;
  return `file,id=${id},path=/proc/self/fd/${qemuFd},append=on`;
}

export type StdioEntry = "pipe" | "ignore" | "inherit" | number;

export interface ConsolePlan {
  com1: string;
  com2: string;
  /** QEMU's fds 0..4 for child_process.spawn */
  stdio: StdioEntry[];
  stdinSource: "serial" | "fwcfg" | "null";
}

/** stdin: a terminal streams through COM1; anything else was read whole and goes over fw_cfg. */
export function planConsole(f: HostFds): ConsolePlan {
  const com2 = outputChardev("com2", f.stderr, 4);
  const stdinSource = f.stdin === "tty" ? "serial" : f.stdin === "closed" ? "null" : "fwcfg";
  if (f.stdin === "tty") {
    // QEMU's stdio chardev reads its fd 0 and writes its fd 1: give it ours
    return { com1: "stdio,id=com1", com2, stdio: [0, 1, "pipe", 1, 2], stdinSource };
  }
  return {
    com1: outputChardev("com1", f.stdout, 3),
    com2,
    stdio: ["ignore", "pipe", "pipe", f.stdout === "closed" ? "ignore" : 1, f.stderr === "closed" ? "ignore" : 2],
    stdinSource,
  };
}
