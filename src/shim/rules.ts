/**
 * Default decisions for syscalls the kernel lacks. "fake" only where success
 * is honest in a one-process, one-user unikernel with a RAM file system; the
 * rest are stubs: the app sees ENOSYS, as on a Linux kernel built without it.
 */
export interface Rule {
  action: "stub" | "fake";
  value?: number;
  why: string;
}

const ONE_PROCESS = "one process: nothing else can contend for the lock";
const NO_DISK = "files live in RAM or on the host share, which the host keeps";
const ONE_USER = "the app is the only user (uid 0); ownership and ids cannot be refused";
const ADVICE = "advice only: ignoring it changes speed, not results";

export const FAKE_RULES: Record<string, Rule> = {
  flock: { action: "fake", why: ONE_PROCESS },
  fsync: { action: "fake", why: NO_DISK },
  fdatasync: { action: "fake", why: NO_DISK },
  sync: { action: "fake", why: NO_DISK },
  syncfs: { action: "fake", why: NO_DISK },
  sync_file_range: { action: "fake", why: NO_DISK },
  madvise: { action: "fake", why: ADVICE },
  fadvise64: { action: "fake", why: ADVICE },
  readahead: { action: "fake", why: ADVICE },
  mlock: { action: "fake", why: "no swap: memory is always resident" },
  munlock: { action: "fake", why: "no swap: memory is always resident" },
  mlockall: { action: "fake", why: "no swap: memory is always resident" },
  munlockall: { action: "fake", why: "no swap: memory is always resident" },
  chown: { action: "fake", why: ONE_USER },
  fchown: { action: "fake", why: ONE_USER },
  lchown: { action: "fake", why: ONE_USER },
  fchownat: { action: "fake", why: ONE_USER },
  setuid: { action: "fake", why: ONE_USER },
  setgid: { action: "fake", why: ONE_USER },
  setreuid: { action: "fake", why: ONE_USER },
  setregid: { action: "fake", why: ONE_USER },
  setresuid: { action: "fake", why: ONE_USER },
  setresgid: { action: "fake", why: ONE_USER },
  setgroups: { action: "fake", why: ONE_USER },
  setpriority: { action: "fake", why: "one process: there is no one to be nicer to" },
  sched_setaffinity: { action: "fake", why: "one CPU: every mask that includes it is already in effect" },
  setsid: { action: "fake", value: 1, why: "the app is already the leader of its only session (pid 1)" },
  setpgid: { action: "fake", why: "the app is already the leader of its only process group" },
  prctl: { action: "fake", why: "the options apps set (names, dumpable) have no effect in a unikernel" },
  sigaltstack: { action: "fake", why: "faults end the app with a report, so a signal stack is never used" },
};

export const STUB_WHY = "no honest success without an implementation: the app gets ENOSYS, as from a Linux kernel built without it";
