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

SYSCALL_DEFINE(getgroups, int size, unsigned *list) {
  if (size < 0) return -EINVAL;
  return 0; /* no supplementary groups */
}

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
