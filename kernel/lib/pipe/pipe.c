/* pipe and pipe2: a 64 KiB ring shared by a read end and a write end.
 * A blocking read of an empty pipe whose writer is still open, or a blocking
 * write to a full one, waits while another thread can still run (it may be
 * the one to write or read); when none can, it could never finish: both
 * return EDEADLK instead of hanging. */
#include "fd.h"
#include "fs-abi.h"
#include "kheap.h"
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"
#include "thread.h"
#include "uaccess.h"

#define CAP (16 * PAGE_SIZE)
#define PIPE_BUF 4096

struct pipe {
  uint8_t *buf;
  size_t head, len; /* bytes live at buf[head .. head+len) modulo CAP */
  int readers, writers;
  uint64_t ino;
};

/* A blocking read or write that another thread may end: it lets the others
 * run (plat_idle_hook) and looks again, while one of them still can. */
static int may_wait(struct file *f) { return !(f->flags & O_NONBLOCK) && thread_others_may_run(); }
static void let_others_run(void) { plat_idle_until(clock_monotonic_ns() + 1000000); }

static long p_read(struct file *f, void *dst, size_t n, uint64_t *pos) {
  struct pipe *p = f->priv;
  if (n == 0) return 0;
  while (!p->len && p->writers && may_wait(f)) let_others_run();
  if (p->len == 0) {
    if (!p->writers) return 0;
    return (f->flags & O_NONBLOCK) ? -EAGAIN : -EDEADLK;
  }
  size_t done = 0;
  while (done < n && p->len) {
    size_t chunk = CAP - p->head;
    if (chunk > p->len) chunk = p->len;
    if (chunk > n - done) chunk = n - done;
    kmemcpy((uint8_t *)dst + done, p->buf + p->head, chunk);
    p->head = (p->head + chunk) % CAP;
    p->len -= chunk;
    done += chunk;
  }
  return (long)done;
}

static long p_write(struct file *f, const void *src, size_t n, uint64_t *pos) {
  struct pipe *p = f->priv;
  if (!p->readers) return -EPIPE;
  if (n == 0) return 0;
  size_t need = n <= PIPE_BUF ? n : 1; /* small writes are all or nothing */
  while (p->readers && CAP - p->len < need && may_wait(f)) let_others_run();
  if (!p->readers) return -EPIPE;
  size_t room = CAP - p->len;
  if (room == 0 || (n <= PIPE_BUF && room < n)) /* small writes are all or nothing */
    return (f->flags & O_NONBLOCK) ? -EAGAIN : -EDEADLK;
  size_t done = 0;
  while (done < n && p->len < CAP) {
    size_t tail = (p->head + p->len) % CAP;
    size_t chunk = CAP - tail;
    if (chunk > CAP - p->len) chunk = CAP - p->len;
    if (chunk > n - done) chunk = n - done;
    kmemcpy(p->buf + tail, (const uint8_t *)src + done, chunk);
    p->len += chunk;
    done += chunk;
  }
  return (long)done;
}

static short p_poll(struct file *f, short events) {
  struct pipe *p = f->priv;
  short r = 0;
  if ((f->flags & O_ACCMODE) == O_RDONLY) {
    if (p->len) r |= POLLIN | POLLRDNORM;
    if (!p->writers) r |= POLLHUP;
  } else {
    if (!p->readers) r |= POLLERR;
    else if (CAP - p->len >= PIPE_BUF) r |= POLLOUT | POLLWRNORM;
  }
  return r & (events | POLLHUP | POLLERR);
}

static long p_ioctl(struct file *f, unsigned long req, unsigned long arg) {
  struct pipe *p = f->priv;
  if (req == 0x541b) { /* FIONREAD */
    *(int *)arg = (int)p->len;
    return 0;
  }
  return -ENOTTY;
}

static long p_stat(struct file *f, struct kstat_lite *st) {
  struct pipe *p = f->priv;
  st->mode = S_IFIFO | 0600;
  st->size = 0;
  st->ino = p->ino;
  st->blksize = PAGE_SIZE;
  return 0;
}

static void p_release(struct file *f) {
  struct pipe *p = f->priv;
  if ((f->flags & O_ACCMODE) == O_RDONLY) p->readers--;
  else p->writers--;
  if (p->readers || p->writers) return;
  pages_free(p->buf, CAP / PAGE_SIZE);
  kfree(p);
}

static const struct file_ops pipe_ops = {
  .read = p_read, .write = p_write, .poll = p_poll, .ioctl = p_ioctl, .stat = p_stat, .release = p_release,
};

long sys_close(int fd);

SYSCALL_DEFINE(pipe2, int *fds, int flags) {
  static uint64_t next_ino = 1000;
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT)) return -EINVAL;
  if (user_bad(fds, 2 * sizeof *fds)) return -EFAULT;
  struct pipe *p = kzalloc(sizeof *p);
  if (!p) return -ENFILE;
  p->buf = pages_alloc(CAP / PAGE_SIZE);
  if (!p->buf) { kfree(p); return -ENFILE; }
  p->ino = next_ino++;
  int status = flags & O_NONBLOCK;
  struct file *r = file_alloc(&pipe_ops, p, O_RDONLY | status);
  struct file *w = r ? file_alloc(&pipe_ops, p, O_WRONLY | status) : NULL;
  if (r) p->readers = 1;
  if (w) p->writers = 1;
  if (!w) {
    if (r) file_put(r); /* frees p */
    else { pages_free(p->buf, CAP / PAGE_SIZE); kfree(p); }
    return -ENFILE;
  }
  int cloexec = (flags & O_CLOEXEC) != 0;
  int rfd = fd_install(r, 0, cloexec);
  if (rfd < 0) { file_put(r); file_put(w); return rfd; }
  int wfd = fd_install(w, 0, cloexec);
  if (wfd < 0) { sys_close(rfd); file_put(w); return wfd; }
  fds[0] = rfd;
  fds[1] = wfd;
  return 0;
}

SYSCALL_DEFINE(pipe, int *fds) { return sys_pipe2(fds, 0); }
