/* Sleeping: nothing else can run, so a sleep halts the CPU until the APIC
 * timer fires (plat_idle_until). It always completes, so `rem` (which may
 * alias `req`, as in musl's usleep) is never written. */
#include <linux/time.h>
#include "io.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"
#include "time-impl.h"

static long sleep_until(int clock, uint64_t deadline) {
  uint64_t now;
  for (;;) {
    time_clock_ns(clock, &now);
    if (now >= deadline) return 0;
    plat_idle_until(clock == CLOCK_MONOTONIC ? deadline : clock_monotonic_ns() + (deadline - now));
  }
}

static int valid(const struct __kernel_timespec *ts) {
  return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000;
}

SYSCALL_DEFINE(clock_nanosleep, int clock, int flags, const struct __kernel_timespec *req, struct __kernel_timespec *rem) {
  uint64_t now;
  if (clock == CLOCK_THREAD_CPUTIME_ID) return -EINVAL;
  if (time_clock_ns(clock, &now)) return -EINVAL;
  if (user_bad(req, sizeof *req) || (rem && user_bad(rem, sizeof *rem))) return -EFAULT;
  if (!valid(req)) return -EINVAL;
  uint64_t ns = req->tv_sec * 1000000000ULL + req->tv_nsec;
  return sleep_until(clock, (flags & TIMER_ABSTIME) ? ns : now + ns);
}

SYSCALL_DEFINE(nanosleep, const struct __kernel_timespec *req, struct __kernel_timespec *rem) {
  if (user_bad(req, sizeof *req) || (rem && user_bad(rem, sizeof *rem))) return -EFAULT;
  if (!valid(req)) return -EINVAL;
  uint64_t now;
  time_clock_ns(CLOCK_MONOTONIC, &now);
  return sleep_until(CLOCK_MONOTONIC, now + req->tv_sec * 1000000000ULL + req->tv_nsec);
}
