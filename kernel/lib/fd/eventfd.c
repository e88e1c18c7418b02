/* eventfd: a 64-bit counter behind a descriptor. Nothing else runs, so a
 * blocking read of a zero counter (or a write that would overflow it) could
 * never finish: it fails with EDEADLK instead of hanging; non-blocking
 * descriptors get EAGAIN as on Linux. */
#include <linux/fcntl.h>
#include <asm-generic/poll.h>
#include "fd-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define EFD_SEMAPHORE 1
#define EVENTFD_MAX 64

struct eventfd { uint64_t count; int semaphore, used; };
static struct eventfd pool[EVENTFD_MAX];

static long ev_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  struct eventfd *e = f->priv;
  if (n < 8) return -EINVAL;
  if (!e->count) return (f->flags & O_NONBLOCK) ? -EAGAIN : -EDEADLK;
  uint64_t v = e->semaphore ? 1 : e->count;
  e->count -= v;
  *(uint64_t *)buf = v;
  return 8;
}

static long ev_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  struct eventfd *e = f->priv;
  if (n < 8) return -EINVAL;
  uint64_t v = *(const uint64_t *)buf;
  if (v == ~0ULL) return -EINVAL;
  if (v > 0xfffffffffffffffeULL - e->count) return (f->flags & O_NONBLOCK) ? -EAGAIN : -EDEADLK;
  e->count += v;
  return 8;
}

static short ev_poll(struct file *f, short events) {
  struct eventfd *e = f->priv;
  short r = POLLOUT | POLLWRNORM;
  if (e->count) r |= POLLIN | POLLRDNORM;
  return r & events;
}

static void ev_release(struct file *f) { *(struct eventfd *)f->priv = (struct eventfd){0}; }

static const struct file_ops eventfd_ops = {.read = ev_read, .write = ev_write, .poll = ev_poll, .release = ev_release};

SYSCALL_DEFINE(eventfd2, unsigned initval, int flags) {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | EFD_SEMAPHORE)) return -EINVAL;
  struct eventfd *e = 0;
  for (int i = 0; i < EVENTFD_MAX && !e; i++)
    if (!pool[i].used) e = &pool[i];
  if (!e) return -ENFILE;
  struct file *f = file_alloc(&eventfd_ops, e, O_RDWR | (flags & O_NONBLOCK));
  if (!f) return -ENFILE;
  *e = (struct eventfd){.count = initval, .semaphore = flags & EFD_SEMAPHORE, .used = 1};
  int fd = fd_install(f, 0, (flags & O_CLOEXEC) != 0);
  if (fd < 0) file_put(f);
  return fd;
}

SYSCALL_DEFINE(eventfd, unsigned initval) { return sys_eventfd2(initval, 0); }
