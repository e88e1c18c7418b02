/* One process, pid 1, running as root (as an init would). set*id change the
 * ids the way they would for a privileged process. */
#include "process-impl.h"
#include "syscall.h"
#include "uaccess.h"

struct process_ids process_ids;

SYSCALL_DEFINE(getpid, void) { return PROCESS_PID; }
SYSCALL_DEFINE(getppid, void) { return PROCESS_PPID; }
SYSCALL_DEFINE(getuid, void) { return process_ids.uid; }
SYSCALL_DEFINE(geteuid, void) { return process_ids.euid; }
SYSCALL_DEFINE(getgid, void) { return process_ids.gid; }
SYSCALL_DEFINE(getegid, void) { return process_ids.egid; }

SYSCALL_DEFINE(setuid, unsigned uid) {
  if ((int)uid == -1) return -EINVAL;
  if (process_ids.euid != 0 && uid != process_ids.uid && uid != process_ids.suid) return -EPERM;
  if (process_ids.euid == 0) process_ids.uid = process_ids.suid = uid;
  process_ids.euid = uid;
  return 0;
}

SYSCALL_DEFINE(setgid, unsigned gid) {
  if ((int)gid == -1) return -EINVAL;
  if (process_ids.euid != 0 && gid != process_ids.gid && gid != process_ids.sgid) return -EPERM;
  if (process_ids.euid == 0) process_ids.gid = process_ids.sgid = gid;
  process_ids.egid = gid;
  return 0;
}

SYSCALL_DEFINE(getpgid, int pid) { return pid == 0 || pid == PROCESS_PID ? PROCESS_PID : -ESRCH; }
SYSCALL_DEFINE(getsid, int pid) { return pid == 0 || pid == PROCESS_PID ? PROCESS_PID : -ESRCH; }
/* The first setsid succeeds (as for a process started by a shell, which is
 * not a group leader); afterwards we lead our session and it fails. */
static int session_leader;

SYSCALL_DEFINE(getpgrp, void) { return PROCESS_PID; }

/* Only our own group exists; a session leader may not move, as on Linux. */
SYSCALL_DEFINE(setpgid, int pid, int pgid) {
  if (pgid < 0) return -EINVAL;
  if (pid != 0 && pid != PROCESS_PID) return -ESRCH;
  if (session_leader) return -EPERM;
  return pgid == 0 || pgid == PROCESS_PID ? 0 : -EPERM;
}

/* Supplementary groups: kept for getgroups, used for nothing else. */
#define GROUPS_MAX 64
static unsigned groups[GROUPS_MAX];
static int ngroups;

SYSCALL_DEFINE(getgroups, int size, unsigned *list) {
  if (size < 0) return -EINVAL;
  if (size == 0) return ngroups;
  if (size < ngroups) return -EINVAL;
  if (ngroups && user_bad(list, ngroups * sizeof *list)) return -EFAULT;
  for (int i = 0; i < ngroups; i++) list[i] = groups[i];
  return ngroups;
}

SYSCALL_DEFINE(setgroups, int size, const unsigned *list) {
  if (process_ids.euid != 0) return -EPERM;
  if (size < 0 || size > 65536) return -EINVAL;
  if (size > GROUPS_MAX) return -ENOMEM; /* Linux takes 65536; a unikernel app needs a handful */
  if (size && user_bad(list, size * sizeof *list)) return -EFAULT;
  for (int i = 0; i < size; i++) groups[i] = list[i];
  ngroups = size;
  return 0;
}

/* setres[ug]id: -1 keeps an id; without root each new id must be one of the
 * three current ones, as on Linux. */
#define KEEP ((unsigned)-1)
static int one_of(unsigned id, unsigned a, unsigned b, unsigned c) { return id == KEEP || id == a || id == b || id == c; }

static long set_three(unsigned *real, unsigned *eff, unsigned *saved, unsigned r, unsigned e, unsigned s) {
  if (process_ids.euid != 0 && !(one_of(r, *real, *eff, *saved) && one_of(e, *real, *eff, *saved) && one_of(s, *real, *eff, *saved)))
    return -EPERM;
  if (r != KEEP) *real = r;
  if (e != KEEP) *eff = e;
  if (s != KEEP) *saved = s;
  return 0;
}

SYSCALL_DEFINE(setresuid, unsigned r, unsigned e, unsigned s) {
  return set_three(&process_ids.uid, &process_ids.euid, &process_ids.suid, r, e, s);
}
SYSCALL_DEFINE(setresgid, unsigned r, unsigned e, unsigned s) {
  return set_three(&process_ids.gid, &process_ids.egid, &process_ids.sgid, r, e, s);
}

/* setre[ug]id: the saved id takes the new effective one when the real id is
 * set, or when the effective one changes to other than the real one. */
static long set_two(unsigned *real, unsigned *eff, unsigned *saved, unsigned r, unsigned e) {
  if (process_ids.euid != 0 && (!one_of(r, *real, *eff, *real) || !one_of(e, *real, *eff, *saved))) return -EPERM;
  unsigned old_real = *real;
  if (r != KEEP) *real = r;
  if (e != KEEP) *eff = e;
  if (r != KEEP || (e != KEEP && e != old_real)) *saved = *eff;
  return 0;
}

SYSCALL_DEFINE(setreuid, unsigned r, unsigned e) { return set_two(&process_ids.uid, &process_ids.euid, &process_ids.suid, r, e); }
SYSCALL_DEFINE(setregid, unsigned r, unsigned e) { return set_two(&process_ids.gid, &process_ids.egid, &process_ids.sgid, r, e); }

SYSCALL_DEFINE(getresuid, unsigned *r, unsigned *e, unsigned *s) {
  if (user_bad(r, 4) || user_bad(e, 4) || user_bad(s, 4)) return -EFAULT;
  *r = process_ids.uid, *e = process_ids.euid, *s = process_ids.suid;
  return 0;
}

SYSCALL_DEFINE(getresgid, unsigned *r, unsigned *e, unsigned *s) {
  if (user_bad(r, 4) || user_bad(e, 4) || user_bad(s, 4)) return -EFAULT;
  *r = process_ids.gid, *e = process_ids.egid, *s = process_ids.sgid;
  return 0;
}
SYSCALL_DEFINE(setsid, void) {
  if (session_leader) return -EPERM;
  session_leader = 1;
  return PROCESS_PID;
}
