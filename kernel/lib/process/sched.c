/* One CPU (CPU 0), and a nice value that is remembered but changes nothing. */
#include "process-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define PRIO_PROCESS 0
#define PRIO_USER 2
static int nice_value;

SYSCALL_DEFINE(sched_getaffinity, int pid, unsigned long len, unsigned long *mask) {
  if (pid != 0 && pid != PROCESS_PID) return -ESRCH;
  if (len == 0 || (len & 7)) return -EINVAL;
  if (user_bad(mask, 8)) return -EFAULT;
  *mask = 1; /* the kernel writes one word: that is all of cpumask_size() */
  return 8;
}

SYSCALL_DEFINE(sched_setaffinity, int pid, unsigned long len, const unsigned long *mask) {
  if (pid != 0 && pid != PROCESS_PID) return -ESRCH;
  if (len < 8 || user_bad(mask, 8)) return len < 8 ? -EINVAL : -EFAULT;
  return (*mask & 1) ? 0 : -EINVAL; /* must include CPU 0, the only one */
}

static int valid_who(int which, int who) {
  if (which < PRIO_PROCESS || which > PRIO_USER) return -EINVAL;
  if (which == PRIO_USER) return who == 0 || (unsigned)who == process_ids.uid ? 0 : -ESRCH;
  return who == 0 || who == PROCESS_PID ? 0 : -ESRCH;
}

SYSCALL_DEFINE(getcpu, unsigned *cpu, unsigned *node, void *cache) {
  if ((cpu && user_bad(cpu, 4)) || (node && user_bad(node, 4))) return -EFAULT;
  if (cpu) *cpu = 0;
  if (node) *node = 0;
  return 0;
}

/* The raw syscall returns 20 - nice (never negative), as Linux does. */
SYSCALL_DEFINE(getpriority, int which, int who) {
  int err = valid_who(which, who);
  return err ? err : 20 - nice_value;
}

SYSCALL_DEFINE(setpriority, int which, int who, int nice) {
  int err = valid_who(which, who);
  if (err) return err;
  if (nice < -20) nice = -20;
  if (nice > 19) nice = 19;
  nice_value = nice;
  return 0;
}
