#include "random.h"
#include "syscall.h"
#include "uaccess.h"

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2
#define GRND_INSECURE 4

SYSCALL_DEFINE(getrandom, void *buf, size_t n, unsigned flags) {
  if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) return -EINVAL;
  if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE)) return -EINVAL;
  if (n > 33554431) n = 33554431; /* Linux returns at most 32 MiB - 1 per call */
  if (n && user_bad(buf, n)) return -EFAULT;
  random_fill(buf, n);
  return (long)n;
}
