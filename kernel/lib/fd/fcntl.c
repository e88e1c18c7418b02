/* fcntl and the generic ioctls; device ioctls go to the file's ops. */
#include <linux/fcntl.h>
#include <asm-generic/ioctls.h>
#include "fd-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME | FASYNC)

struct flock_k { short type, whence; long start, len; int pid; };

SYSCALL_DEFINE(fcntl, int fd, int cmd, unsigned long arg) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  switch (cmd) {
  case F_DUPFD: case F_DUPFD_CLOEXEC: {
    if ((long)arg < 0 || arg >= FD_MAX) return -EINVAL;
    int nfd = fd_install(f, (int)arg, cmd == F_DUPFD_CLOEXEC);
    if (nfd >= 0) f->refs++;
    return nfd;
  }
  case F_GETFD: return fd_table[fd].cloexec ? FD_CLOEXEC : 0;
  case F_SETFD: fd_table[fd].cloexec = (arg & FD_CLOEXEC) != 0; return 0;
  case F_GETFL: return f->flags;
  case F_SETFL: f->flags = (f->flags & ~SETFL_MASK) | (arg & SETFL_MASK); return 0;
  case F_GETLK: { /* one process: nothing else can hold a lock */
    struct flock_k *l = (struct flock_k *)arg;
    if (user_bad(l, sizeof *l)) return -EFAULT;
    if (l->type != F_RDLCK && l->type != F_WRLCK && l->type != F_UNLCK) return -EINVAL;
    l->type = F_UNLCK;
    return 0;
  }
  case F_SETLK: case F_SETLKW: {
    struct flock_k *l = (struct flock_k *)arg;
    if (user_bad(l, sizeof *l)) return -EFAULT;
    if (l->type != F_RDLCK && l->type != F_WRLCK && l->type != F_UNLCK) return -EINVAL;
    return 0;
  }
  default: return -EINVAL;
  }
}

SYSCALL_DEFINE(ioctl, int fd, unsigned long req, unsigned long arg) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  switch (req) {
  case FIOCLEX: fd_table[fd].cloexec = 1; return 0;
  case FIONCLEX: fd_table[fd].cloexec = 0; return 0;
  case FIONBIO:
    if (user_bad((void *)arg, sizeof(int))) return -EFAULT;
    f->flags = *(int *)arg ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
    return 0;
  default:
    return f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
  }
}
