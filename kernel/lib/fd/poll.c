/* poll/ppoll over the devices' readiness. Devices raise no interrupts, so
 * waiting halts for a millisecond at a time and polls again. */
#include <asm-generic/poll.h>
#include <linux/time.h>
#include "fd-impl.h"
#include "io.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"

struct pollfd_k { int fd; short events, revents; };

static int scan(struct pollfd_k *p, unsigned long n) {
  int ready = 0;
  for (unsigned long i = 0; i < n; i++) {
    p[i].revents = 0;
    if (p[i].fd < 0) continue;
    struct file *f = fd_get(p[i].fd);
    short want = p[i].events | POLLERR | POLLHUP;
    if (!f) p[i].revents = POLLNVAL;
    else p[i].revents = f->ops->poll ? f->ops->poll(f, want) & want : p[i].events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
    if (p[i].revents) ready++;
  }
  return ready;
}

static long do_poll(struct pollfd_k *p, unsigned long n, long timeout_ns) {
  if (n > FD_MAX) return -EINVAL;
  if (n && user_bad(p, n * sizeof *p)) return -EFAULT;
  uint64_t deadline = timeout_ns > 0 ? clock_monotonic_ns() + timeout_ns : 0;
  for (;;) {
    int ready = scan(p, n);
    if (ready || timeout_ns == 0) return ready;
    uint64_t now = clock_monotonic_ns();
    if (timeout_ns > 0 && now >= deadline) return 0;
    /* devices raise no interrupts yet: look again every millisecond */
    uint64_t next = now + 1000000;
    plat_idle_until(timeout_ns > 0 && deadline < next ? deadline : next);
  }
}

SYSCALL_DEFINE(poll, struct pollfd_k *p, unsigned long n, int timeout_ms) {
  return do_poll(p, n, timeout_ms < 0 ? -1 : timeout_ms * 1000000L);
}

SYSCALL_DEFINE(ppoll, struct pollfd_k *p, unsigned long n, const struct __kernel_timespec *ts, const void *sigmask, size_t sigsetsize) {
  if (sigmask && sigsetsize != 8) return -EINVAL;
  if (ts && user_bad(ts, sizeof *ts)) return -EFAULT;
  if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)) return -EINVAL;
  return do_poll(p, n, ts ? ts->tv_sec * 1000000000L + ts->tv_nsec : -1);
}
