/* One process, pid 1, running as root (as an init would). set*id change the
 * ids the way they would for a privileged process. */
#include "process-impl.h"
#include "syscall.h"

struct process_ids process_ids;

SYSCALL_DEFINE(getpid, void) { return PROCESS_PID; }
SYSCALL_DEFINE(getppid, void) { return PROCESS_PPID; }
SYSCALL_DEFINE(gettid, void) { return PROCESS_PID; }
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
SYSCALL_DEFINE(setsid, void) {
  if (session_leader) return -EPERM;
  session_leader = 1;
  return PROCESS_PID;
}
