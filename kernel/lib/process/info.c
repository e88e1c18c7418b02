/* Process and system information: usage counts, memory, the process name. */
#include <linux/kernel.h>
#include <linux/prctl.h>
#include <linux/resource.h>
#include <linux/times.h>
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"

#define CLK_TCK 100

/* All time is the app's user time: it owns the CPU. */
SYSCALL_DEFINE(getrusage, int who, struct rusage *ru) {
  if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD) return -EINVAL;
  if (user_bad(ru, sizeof *ru)) return -EFAULT;
  kmemset(ru, 0, sizeof *ru);
  if (who != RUSAGE_CHILDREN) {
    uint64_t us = clock_monotonic_ns() / 1000;
    ru->ru_utime.tv_sec = us / 1000000, ru->ru_utime.tv_usec = us % 1000000;
  }
  return 0;
}

SYSCALL_DEFINE(times, struct tms *t) {
  uint64_t ticks = clock_monotonic_ns() / (1000000000 / CLK_TCK);
  if (t) {
    if (user_bad(t, sizeof *t)) return -EFAULT;
    *t = (struct tms){.tms_utime = ticks};
  }
  return (long)ticks;
}

SYSCALL_DEFINE(sysinfo, struct sysinfo *si) {
  if (user_bad(si, sizeof *si)) return -EFAULT;
  kmemset(si, 0, sizeof *si);
  si->uptime = clock_monotonic_ns() / 1000000000;
  si->totalram = pages_total_count() * PAGE_SIZE;
  si->freeram = pages_free_count() * PAGE_SIZE;
  si->procs = 1;
  si->mem_unit = 1;
  return 0;
}

static char comm[16] = "app";
static int dumpable = 1;

SYSCALL_DEFINE(prctl, int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5) {
  switch (option) {
  case PR_SET_NAME:
    if (user_bad((void *)a2, 1)) return -EFAULT;
    kmemset(comm, 0, sizeof comm);
    for (int i = 0; i < 15 && ((char *)a2)[i]; i++) comm[i] = ((char *)a2)[i];
    return 0;
  case PR_GET_NAME:
    if (user_bad((void *)a2, sizeof comm)) return -EFAULT;
    kmemcpy((void *)a2, comm, sizeof comm);
    return 0;
  case PR_SET_DUMPABLE:
    if (a2 > 1) return -EINVAL;
    dumpable = (int)a2;
    return 0;
  case PR_GET_DUMPABLE: return dumpable;
  case PR_SET_PDEATHSIG: return a2 > 64 ? -EINVAL : 0; /* our parent never dies */
  case PR_SET_NO_NEW_PRIVS: return a2 == 1 && !a3 && !a4 && !a5 ? 0 : -EINVAL;
  case PR_GET_NO_NEW_PRIVS: return 0;
  default: return -EINVAL;
  }
}
