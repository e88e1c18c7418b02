/** A small libc -> syscall map and kernel table, so analysis tests do not depend on musl-libc.json. */
import { tableOf, type KernelTable } from "../../src/manifests/index.js";
import { loadSyscallMap, type SyscallMap } from "../../src/syscall-map/index.js";

const functions: Record<string, string[]> = {
  __errno_location: [],
  fchmod: ["fchmod"],
  rmdir: ["rmdir"],
  chroot: ["chroot"],
  close: ["close"],
  dlopen: [],
  dlsym: [],
  execve: ["execve"],
  exit: ["exit", "exit_group"],
  fork: ["fork"],
  free: ["munmap"],
  getpid: ["getpid"],
  kill: ["kill"],
  memcpy: [],
  open: ["open"],
  popen: ["pipe2", "wait4"],
  posix_spawn: ["clone", "wait4"],
  printf: ["writev"],
  pthread_create: ["clone", "mmap"],
  ptrace: ["ptrace"],
  putchar: ["writev"],
  puts: ["writev"],
  read: ["read"],
  setsid: ["setsid"],
  setuid: ["setuid"],
  shmget: ["shmget"],
  system: ["clone", "wait4"],
  waitpid: ["wait4"],
  write: ["write"],
  _exit: ["exit_group"],
};

export async function smallMap(): Promise<SyscallMap> {
  const real = await loadSyscallMap();
  return {
    ...real,
    functions: new Map(Object.entries(functions)),
    exports: new Set(Object.keys(functions)),
    startup: ["arch_prctl", "exit_group", "set_tid_address"],
  };
}

export function smallKernel(): KernelTable {
  return tableOf([
    { name: "fd", summary: "", requires: [], sources: [], syscalls: { read: "implemented", write: "implemented", writev: "partial", close: "implemented", open: "stub" } },
    { name: "proc", summary: "", requires: [], sources: [], syscalls: { exit_group: "implemented", arch_prctl: "implemented", set_tid_address: "fake", getpid: "fake" } },
  ]);
}
