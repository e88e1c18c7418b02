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

/* select/pselect6: the same scan over fd_set bitmaps (bits of unsigned long). */
#define NFDBITS 64
static int fdset_has(const unsigned long *s, int fd) { return s && (s[fd / NFDBITS] >> (fd % NFDBITS)) & 1; }

static long do_select(int n, unsigned long *in, unsigned long *out, unsigned long *ex, long timeout_ns) {
  if (n < 0 || n > FD_MAX) return -EINVAL;
  size_t words = (size_t)(n + NFDBITS - 1) / NFDBITS;
  if ((in && user_bad(in, words * 8)) || (out && user_bad(out, words * 8)) || (ex && user_bad(ex, words * 8))) return -EFAULT;
  unsigned long rin[FD_MAX / NFDBITS] = {0}, rout[FD_MAX / NFDBITS] = {0}, rex[FD_MAX / NFDBITS] = {0};
  for (int fd = 0; fd < n; fd++)
    if ((fdset_has(in, fd) || fdset_has(out, fd) || fdset_has(ex, fd)) && !fd_get(fd)) return -EBADF;
  uint64_t deadline = timeout_ns > 0 ? clock_monotonic_ns() + timeout_ns : 0;
  for (;;) {
    int ready = 0;
    for (int fd = 0; fd < n; fd++) {
      short want = (fdset_has(in, fd) ? POLLIN : 0) | (fdset_has(out, fd) ? POLLOUT : 0) | (fdset_has(ex, fd) ? POLLPRI : 0);
      if (!want) continue;
      struct pollfd_k p = {fd, want, 0};
      scan(&p, 1);
      unsigned long bit = 1UL << (fd % NFDBITS);
      if (p.revents & (POLLIN | POLLHUP | POLLERR) && (want & POLLIN)) rin[fd / NFDBITS] |= bit, ready++;
      if (p.revents & (POLLOUT | POLLERR) && (want & POLLOUT)) rout[fd / NFDBITS] |= bit, ready++;
      if (p.revents & POLLPRI && (want & POLLPRI)) rex[fd / NFDBITS] |= bit, ready++;
    }
    uint64_t now = clock_monotonic_ns();
    if (ready || timeout_ns == 0 || (timeout_ns > 0 && now >= deadline)) {
      for (size_t w = 0; w < words; w++) {
        if (in) in[w] = rin[w];
        if (out) out[w] = rout[w];
        if (ex) ex[w] = rex[w];
      }
      return ready;
    }
    uint64_t next = now + 1000000;
    plat_idle_until(timeout_ns > 0 && deadline < next ? deadline : next);
  }
}

struct timeval_k { long tv_sec, tv_usec; };

SYSCALL_DEFINE(select, int n, unsigned long *in, unsigned long *out, unsigned long *ex, struct timeval_k *tv) {
  if (tv && user_bad(tv, sizeof *tv)) return -EFAULT;
  if (tv && (tv->tv_sec < 0 || tv->tv_usec < 0)) return -EINVAL;
  long ns = tv ? tv->tv_sec * 1000000000L + (tv->tv_usec % 1000000) * 1000L + tv->tv_usec / 1000000 * 1000000000L : -1;
  long r = do_select(n, in, out, ex, ns);
  if (tv && r >= 0) tv->tv_sec = 0, tv->tv_usec = 0; /* Linux reports the time left; a wait ends ready or at the deadline */
  return r;
}

SYSCALL_DEFINE(pselect6, int n, unsigned long *in, unsigned long *out, unsigned long *ex, const struct __kernel_timespec *ts, const unsigned long *sig) {
  if (ts && user_bad(ts, sizeof *ts)) return -EFAULT;
  if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)) return -EINVAL;
  if (sig && (user_bad(sig, 16) || (sig[0] && sig[1] != 8))) return -EINVAL; /* {sigset pointer, size} */
  return do_select(n, in, out, ex, ts ? ts->tv_sec * 1000000000L + ts->tv_nsec : -1);
}
