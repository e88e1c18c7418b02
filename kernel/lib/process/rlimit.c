/* Resource limits are remembered and reported, not enforced (there is one
 * process and its memory is all of RAM). */
#include <linux/resource.h>
#include "syscall.h"
#include "uaccess.h"

#define INF (~0UL)
static struct rlimit64_k { unsigned long cur, max; } limits[RLIM_NLIMITS] = {
    [RLIMIT_CPU] = {INF, INF}, [RLIMIT_FSIZE] = {INF, INF}, [RLIMIT_DATA] = {INF, INF},
    [RLIMIT_STACK] = {APP_STACK_MAX, INF}, [RLIMIT_CORE] = {0, INF}, [RLIMIT_RSS] = {INF, INF},
    [RLIMIT_NPROC] = {1, 1}, [RLIMIT_NOFILE] = {1024, 1024}, [RLIMIT_MEMLOCK] = {INF, INF},
    [RLIMIT_AS] = {INF, INF}, [RLIMIT_LOCKS] = {INF, INF}, [RLIMIT_SIGPENDING] = {0, 0},
    [RLIMIT_MSGQUEUE] = {819200, 819200}, [RLIMIT_NICE] = {0, 0}, [RLIMIT_RTPRIO] = {0, 0},
    [RLIMIT_RTTIME] = {INF, INF},
};

SYSCALL_DEFINE(prlimit64, int pid, unsigned res, const struct rlimit64_k *set, struct rlimit64_k *old) {
  if (pid != 0 && pid != 1) return -ESRCH;
  if (res >= RLIM_NLIMITS) return -EINVAL;
  if ((set && user_bad(set, sizeof *set)) || (old && user_bad(old, sizeof *old))) return -EFAULT;
  if (set && set->cur > set->max) return -EINVAL;
  if (old) *old = limits[res];
  if (set) limits[res] = *set;
  return 0;
}

SYSCALL_DEFINE(getrlimit, unsigned res, struct rlimit64_k *old) { return sys_prlimit64(0, res, 0, old); }
SYSCALL_DEFINE(setrlimit, unsigned res, const struct rlimit64_k *set) { return sys_prlimit64(0, res, set, 0); }
