/* One CPU (CPU 0); a nice value and a scheduling policy that are remembered
 * but change nothing: threads are cooperative (the thread module). */
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

/* Scheduling policies: Linux's numbers; real-time ones take priorities 1..99. */
enum { SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, SCHED_IDLE = 5, SCHED_RESET_ON_FORK = 0x40000000 };
static int policy = SCHED_OTHER, rt_priority;

static int policy_max(int p) { return p == SCHED_FIFO || p == SCHED_RR ? 99 : 0; }
static int policy_known(int p) { return p >= SCHED_OTHER && p <= SCHED_IDLE && p != 4; }
static int priority_fits(int p, int prio) { return prio >= (policy_max(p) ? 1 : 0) && prio <= policy_max(p); }

SYSCALL_DEFINE(sched_get_priority_max, int p) { return policy_known(p) ? policy_max(p) : -EINVAL; }
SYSCALL_DEFINE(sched_get_priority_min, int p) { return policy_known(p) ? (policy_max(p) ? 1 : 0) : -EINVAL; }

static int self_or(int pid) { return pid < 0 ? -EINVAL : pid == 0 || pid == PROCESS_PID ? 0 : -ESRCH; }

SYSCALL_DEFINE(sched_getscheduler, int pid) {
  int err = self_or(pid);
  return err ? err : policy;
}

SYSCALL_DEFINE(sched_getparam, int pid, int *param) {
  if (!param) return -EINVAL;
  int err = self_or(pid);
  if (err) return err;
  if (user_bad(param, sizeof *param)) return -EFAULT;
  *param = rt_priority;
  return 0;
}

SYSCALL_DEFINE(sched_setscheduler, int pid, int p, const int *param) {
  if (!param || pid < 0) return -EINVAL;
  p &= ~SCHED_RESET_ON_FORK;
  if (!policy_known(p)) return -EINVAL;
  if (user_bad(param, sizeof *param)) return -EFAULT;
  int prio = *param, err = self_or(pid);
  if (err) return err;
  if (!priority_fits(p, prio)) return -EINVAL;
  policy = p, rt_priority = prio; /* root may take any policy */
  return 0;
}

SYSCALL_DEFINE(sched_setparam, int pid, const int *param) {
  if (!param || pid < 0) return -EINVAL;
  if (user_bad(param, sizeof *param)) return -EFAULT;
  int prio = *param, err = self_or(pid);
  if (err) return err;
  if (!priority_fits(policy, prio)) return -EINVAL;
  rt_priority = prio;
  return 0;
}
