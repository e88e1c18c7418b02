/* epoll over the devices' poll op: an epoll instance is itself a file; a
 * wait scans its items (level-triggered, EPOLLET reports a bit only when it
 * newly becomes ready or after the app left that side drained (EAGAIN or
 * a short read or write),
 * EPOLLONESHOT disarms after one report) and halts a millisecond between
 * scans, as poll does. */
#include <linux/eventpoll.h>
#include <linux/fcntl.h>
#include <asm-generic/poll.h>
#include "epoll-impl.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"
#include "uaccess.h"

struct epoll_event_k { uint32_t events; uint64_t data; } __attribute__((packed));

static short ep_poll(struct file *f, short events);
static void ep_release(struct file *f) { pages_free(f->priv, EPOLL_PAGES); }
static const struct file_ops epoll_ops = {.poll = ep_poll, .release = ep_release};

static struct epoll *epoll_of(int fd, long *err) {
  struct file *f = fd_get(fd);
  *err = !f ? -EBADF : f->ops != &epoll_ops ? -EINVAL : 0;
  return *err ? 0 : f->priv;
}

static long create(int cloexec) {
  struct epoll *ep = pages_alloc(EPOLL_PAGES);
  if (!ep) return -ENOMEM;
  struct file *f = file_alloc(&epoll_ops, ep, O_RDWR);
  if (!f) { pages_free(ep, EPOLL_PAGES); return -ENFILE; }
  int fd = fd_install(f, 0, cloexec);
  if (fd < 0) file_put(f);
  return fd;
}

SYSCALL_DEFINE(epoll_create, int size) { return size <= 0 ? -EINVAL : create(0); }
SYSCALL_DEFINE(epoll_create1, int flags) { return flags & ~O_CLOEXEC ? -EINVAL : create(flags != 0); }

static struct epoll_item *find(struct epoll *ep, int fd, struct file *f) {
  for (size_t i = 0; i < EPOLL_MAX_ITEMS; i++) {
    struct epoll_item *it = &ep->items[i];
    if (it->file && (!it->file->refs || it->file->gen != it->gen)) *it = (struct epoll_item){0}; /* released */
    if (it->file == f && it->fd == fd) return it;
  }
  return 0;
}

SYSCALL_DEFINE(epoll_ctl, int epfd, int op, int fd, const struct epoll_event_k *ev) {
  long err;
  struct epoll *ep = epoll_of(epfd, &err);
  if (!ep) return err;
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (fd == epfd || f->ops == &epoll_ops) return -EINVAL; /* no loops to worry about: nesting is refused */
  if (!f->ops->poll) return -EPERM;                       /* regular files, as on Linux */
  if (op != EPOLL_CTL_DEL && user_bad(ev, sizeof *ev)) return -EFAULT;
  struct epoll_item *it = find(ep, fd, f);
  switch (op) {
  case EPOLL_CTL_ADD:
    if (it) return -EEXIST;
    it = find(ep, 0, 0);
    if (!it) return -ENOSPC;
    *it = (struct epoll_item){.file = f, .gen = f->gen, .fd = fd, .events = ev->events, .data = ev->data, .drained_in = f->drained_in, .drained_out = f->drained_out};
    return 0;
  case EPOLL_CTL_MOD:
    if (!it) return -ENOENT;
    it->events = ev->events, it->data = ev->data, it->last = 0;
    return 0;
  case EPOLL_CTL_DEL:
    if (!it) return -ENOENT;
    *it = (struct epoll_item){0};
    return 0;
  default:
    return -EINVAL;
  }
}

/* One scan: fills out (up to max) and returns how many items are ready. */
static int scan(struct epoll *ep, struct epoll_event_k *out, int max, int report) {
  int n = 0;
  for (size_t i = 0; i < EPOLL_MAX_ITEMS && n < max; i++) {
    struct epoll_item *it = &ep->items[i];
    if (!it->file) continue;
    if (!it->file->refs || it->file->gen != it->gen) { *it = (struct epoll_item){0}; continue; } /* released */
    uint32_t want = (it->events & 0xffff) | EPOLLERR | EPOLLHUP;
    uint32_t now = (uint32_t)(uint16_t)it->file->ops->poll(it->file, (short)want) & want;
    if (!(it->events & 0xffff) && !(it->events & EPOLLONESHOT)) now &= EPOLLERR | EPOLLHUP;
    if (it->events == 0) now = 0; /* disarmed one-shot */
    /* A side the app drained (EAGAIN, a short read or write) since the last scan is new again when ready. */
    uint32_t last = it->last;
    if (it->drained_in != it->file->drained_in) last &= ~(uint32_t)(EPOLLIN | EPOLLRDNORM | EPOLLRDHUP);
    if (it->drained_out != it->file->drained_out) last &= ~(uint32_t)(EPOLLOUT | EPOLLWRNORM);
    uint32_t fresh = (it->events & EPOLLET) ? now & ~last : now;
    if (report) it->last = now, it->drained_in = it->file->drained_in, it->drained_out = it->file->drained_out;
    if (!fresh) continue;
    if (report) {
      out[n] = (struct epoll_event_k){fresh, it->data};
      if (it->events & EPOLLONESHOT) it->events = 0;
    }
    n++;
  }
  return n;
}

static short ep_poll(struct file *f, short events) {
  return scan(f->priv, 0, 1, 0) ? (events & (POLLIN | POLLRDNORM)) : 0;
}

static long wait(int epfd, struct epoll_event_k *out, int max, int timeout_ms) {
  long err;
  if (max <= 0 || (unsigned)max > 0x7fffffff / sizeof *out) return -EINVAL;
  struct epoll *ep = epoll_of(epfd, &err);
  if (!ep) return err;
  if (user_bad(out, (unsigned long)max * sizeof *out)) return -EFAULT;
  uint64_t deadline = timeout_ms > 0 ? clock_monotonic_ns() + timeout_ms * 1000000ULL : 0;
  for (;;) {
    int n = scan(ep, out, max, 1);
    uint64_t now = clock_monotonic_ns();
    if (n || timeout_ms == 0 || (timeout_ms > 0 && now >= deadline)) return n;
    uint64_t next = now + 1000000;
    plat_idle_until(timeout_ms > 0 && deadline < next ? deadline : next);
  }
}

SYSCALL_DEFINE(epoll_wait, int epfd, struct epoll_event_k *out, int max, int timeout) { return wait(epfd, out, max, timeout); }

SYSCALL_DEFINE(epoll_pwait, int epfd, struct epoll_event_k *out, int max, int timeout, const void *sigmask, unsigned long setsize) {
  if (sigmask && setsize != 8) return -EINVAL;
  return wait(epfd, out, max, timeout);
}
