/**
 * What a unikernel cannot do as Linux does: more processes, other programs,
 * SysV IPC, dynamic loading, identity changes, tracing, signals to others,
 * threads. Each hit becomes a ManualItem with a concrete hint.
 */
import { statusOf, type KernelTable } from "../manifests/index.js";
import type { ForkPattern, ManualItem, ManualKind } from "../report/types.js";

export const forkCalls = ["fork", "vfork", "_Fork", "clone"];

const execHint = "no second program exists in the image: build the helper in or drop the feature";
const sysvHint = "one process only: replace SysV IPC with in-process memory, locks or queues";
const identityHint = "a unikernel has one user and no other processes to guard against: make the call succeed as a no-op (fake) or drop the setting that asks for it (e.g. a `user` directive)";

const catalogue: Record<string, { kind: ManualKind; hint: string }> = {
  chroot: { kind: "identity", hint: "no process isolation: skip chroot (fake success) and point the app at its root path" },
  dlclose: { kind: "dlopen", hint: "the image is static: link the module in and call it directly" },
  dlopen: { kind: "dlopen", hint: "the image is static (musl's static dlopen always fails): link the module in and call it directly" },
  dlsym: { kind: "dlopen", hint: "the image is static: link the module in and call it directly" },
  execl: { kind: "exec", hint: execHint },
  execle: { kind: "exec", hint: execHint },
  execlp: { kind: "exec", hint: execHint },
  execv: { kind: "exec", hint: execHint },
  execve: { kind: "exec", hint: execHint },
  execvp: { kind: "exec", hint: execHint },
  execvpe: { kind: "exec", hint: execHint },
  fexecve: { kind: "exec", hint: execHint },
  initgroups: { kind: "identity", hint: identityHint },
  kill: { kind: "signal-other", hint: "only the app exists: signals to other pids fail with ESRCH (kill(getpid(), s) and raise() are fine; kill(pid, 0) probes report the process gone)" },
  killpg: { kind: "signal-other", hint: "there are no process groups: killpg fails with ESRCH; drop the call or signal the app itself" },
  msgctl: { kind: "sysv-ipc", hint: sysvHint },
  msgget: { kind: "sysv-ipc", hint: sysvHint },
  msgrcv: { kind: "sysv-ipc", hint: sysvHint },
  msgsnd: { kind: "sysv-ipc", hint: sysvHint },
  popen: { kind: "exec", hint: "popen runs /bin/sh, which the image lacks: do the work in-process or drop the feature" },
  posix_spawn: { kind: "spawn", hint: execHint },
  posix_spawnp: { kind: "spawn", hint: execHint },
  pthread_create: { kind: "threads", hint: "needs threads: clone with CLONE_VM|CLONE_THREAD, and futex" },
  ptrace: { kind: "ptrace", hint: "no debugger interface in the image: drop the feature (ptrace fails with ENOSYS)" },
  semctl: { kind: "sysv-ipc", hint: sysvHint },
  semget: { kind: "sysv-ipc", hint: sysvHint },
  semop: { kind: "sysv-ipc", hint: sysvHint },
  semtimedop: { kind: "sysv-ipc", hint: sysvHint },
  setegid: { kind: "identity", hint: identityHint },
  seteuid: { kind: "identity", hint: identityHint },
  setgid: { kind: "identity", hint: identityHint },
  setgroups: { kind: "identity", hint: identityHint },
  setregid: { kind: "identity", hint: identityHint },
  setresgid: { kind: "identity", hint: identityHint },
  setresuid: { kind: "identity", hint: identityHint },
  setreuid: { kind: "identity", hint: identityHint },
  setuid: { kind: "identity", hint: identityHint },
  shmat: { kind: "sysv-ipc", hint: sysvHint },
  shmctl: { kind: "sysv-ipc", hint: sysvHint },
  shmdt: { kind: "sysv-ipc", hint: sysvHint },
  shmget: { kind: "sysv-ipc", hint: sysvHint },
  system: { kind: "exec", hint: "system runs /bin/sh, which the image lacks: do the work in-process or drop the feature" },
};

export const manualNames = [...forkCalls, ...Object.keys(catalogue)];

export function manualOf(name: string): { kind: ManualKind; hint: string } | undefined {
  return forkCalls.includes(name) ? { kind: "fork", hint: forkHints.other } : catalogue[name];
}

export const forkHints: Record<ForkPattern, string> = {
  daemonize: "drop the fork: a unikernel is already detached, so run in the foreground and carry on as the child would (e.g. `daemonize no`, `daemon off`)",
  "worker-pool": "run one worker in the main process (e.g. nginx `master_process off` / `worker_processes 1`)",
  "snapshot-child": "run the child's work synchronously, or snapshot in a thread",
  "fork-exec": execHint,
  other: "a unikernel has one process: fork fails with ENOSYS; run what the child does in-process, or drop it",
};

/** Threads need clone (CLONE_VM|CLONE_THREAD) and futex to do their job. */
export function kernelHasThreads(table: KernelTable): boolean {
  return ["clone", "futex"].every((s) => ["implemented", "partial"].includes(statusOf(table, s)));
}

/** The hint for threads on a kernel without them. */
export function threadsHint(): string {
  return `${catalogue.pthread_create.hint}; the kernel is single-threaded today, so pthread_create fails with EAGAIN`;
}

/** Whether a use of name needs porting on this kernel: threads do not once it has clone and futex. */
export function needsPorting(kind: ManualKind, table: KernelTable): boolean {
  return kind !== "threads" || !kernelHasThreads(table);
}

export const sortManual = (a: ManualItem, b: ManualItem) =>
  a.kind.localeCompare(b.kind) || a.symbol.localeCompare(b.symbol) || a.file.localeCompare(b.file) || a.line - b.line;
