/* The descriptor table and the pool of open files. Several descriptors may
 * share one file (dup), which then shares its position and status flags. */
#include <asm-generic/fcntl.h>
#include "fd-impl.h"
#include "kstring.h"
#include "syscall.h"

#define FILE_MAX 512

struct fd_slot fd_table[FD_MAX];
static struct file files[FILE_MAX];

struct file *file_alloc(const struct file_ops *ops, void *priv, int flags) {
  for (int i = 0; i < FILE_MAX; i++) {
    if (files[i].refs) continue;
    files[i] = (struct file){.ops = ops, .priv = priv, .flags = flags, .refs = 1, .gen = files[i].gen + 1};
    return &files[i];
  }
  return 0;
}

void file_put(struct file *f) {
  if (--f->refs == 0 && f->ops->release) f->ops->release(f);
}

int fd_install(struct file *f, int minfd, int cloexec) {
  for (int fd = minfd < 0 ? 0 : minfd; fd < FD_MAX; fd++) {
    if (fd_table[fd].file) continue;
    fd_table[fd] = (struct fd_slot){f, cloexec};
    return fd;
  }
  return -EMFILE;
}

struct file *fd_get(int fd) { return fd >= 0 && fd < FD_MAX ? fd_table[fd].file : 0; }

struct file *fd_readable(int fd) {
  struct file *f = fd_get(fd);
  return f && (f->flags & O_ACCMODE) != O_WRONLY ? f : 0;
}

struct file *fd_writable(int fd) {
  struct file *f = fd_get(fd);
  return f && (f->flags & O_ACCMODE) != O_RDONLY ? f : 0;
}

long fd_close(int fd) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  fd_table[fd].file = 0;
  file_put(f);
  return 0;
}

void fd_init(void) { console_init(); }

SYSCALL_DEFINE(close, int fd) { return fd_close(fd); }

SYSCALL_DEFINE(dup, int old) {
  struct file *f = fd_get(old);
  if (!f) return -EBADF;
  int fd = fd_install(f, 0, 0);
  if (fd >= 0) f->refs++;
  return fd;
}

SYSCALL_DEFINE(dup3, int old, int new, int flags) {
  if (old == new || (flags & ~O_CLOEXEC)) return -EINVAL;
  struct file *f = fd_get(old);
  if (!f || new < 0 || new >= FD_MAX) return -EBADF;
  f->refs++;
  if (fd_table[new].file) fd_close(new);
  fd_table[new] = (struct fd_slot){f, (flags & O_CLOEXEC) != 0};
  return new;
}

SYSCALL_DEFINE(dup2, int old, int new) {
  if (old == new) return fd_get(old) ? new : -EBADF;
  return sys_dup3(old, new, 0);
}
