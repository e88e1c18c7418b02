/* Clocks from the calibrated TSC (plat/qemu/clock.c). CLOCK_REALTIME is the
 * RTC at boot plus the monotonic time; settimeofday is not offered. */
#include <linux/time.h>
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"
#include "time-impl.h"

long time_clock_ns(int clock, uint64_t *ns) {
  switch (clock) {
  case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE: case CLOCK_TAI:
    *ns = clock_realtime_boot_ns() + clock_monotonic_ns();
    return 0;
  case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
  case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID: /* one CPU, always ours */
    *ns = clock_monotonic_ns();
    return 0;
  default:
    return -EINVAL;
  }
}

SYSCALL_DEFINE(clock_gettime, int clock, struct __kernel_timespec *ts) {
  uint64_t ns;
  long err = time_clock_ns(clock, &ns);
  if (err) return err;
  if (user_bad(ts, sizeof *ts)) return -EFAULT;
  ts->tv_sec = ns / 1000000000, ts->tv_nsec = ns % 1000000000;
  return 0;
}

SYSCALL_DEFINE(clock_getres, int clock, struct __kernel_timespec *ts) {
  uint64_t ns;
  long err = time_clock_ns(clock, &ns);
  if (err) return err;
  if (ts && user_bad(ts, sizeof *ts)) return -EFAULT;
  if (ts) ts->tv_sec = 0, ts->tv_nsec = 1;
  return 0;
}

SYSCALL_DEFINE(gettimeofday, struct __kernel_old_timeval *tv, struct timezone *tz) {
  uint64_t ns;
  if ((tv && user_bad(tv, sizeof *tv)) || (tz && user_bad(tz, sizeof *tz))) return -EFAULT;
  time_clock_ns(CLOCK_REALTIME, &ns);
  if (tv) tv->tv_sec = ns / 1000000000, tv->tv_usec = ns % 1000000000 / 1000;
  if (tz) tz->tz_minuteswest = 0, tz->tz_dsttime = 0;
  return 0;
}

SYSCALL_DEFINE(time, long *t) {
  uint64_t ns;
  if (t && user_bad(t, sizeof *t)) return -EFAULT;
  time_clock_ns(CLOCK_REALTIME, &ns);
  if (t) *t = ns / 1000000000;
  return ns / 1000000000;
}
