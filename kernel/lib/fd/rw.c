/* read/write and their vector and positioned forms. */
#include <linux/uio.h>
#include <asm-generic/fcntl.h>
#include "fd-impl.h"
#include "syscall.h"
#include "uaccess.h"

static long do_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  if (!f->ops->read) return -EINVAL;
  if (!n && !f->ops->datagram) return 0;
  if (user_bad(buf, n)) return -EFAULT;
  return file_drained(f, f->ops->read(f, buf, n, pos), n, 0);
}

static long do_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  if (!f->ops->write) return -EINVAL;
  if (!n && !f->ops->datagram) return 0;
  if (user_bad(buf, n)) return -EFAULT;
  return file_drained(f, f->ops->write(f, buf, n, pos), n, 1);
}

SYSCALL_DEFINE(read, int fd, void *buf, size_t n) {
  struct file *f = fd_readable(fd);
  return f ? do_read(f, buf, n, &f->pos) : -EBADF;
}

SYSCALL_DEFINE(write, int fd, const void *buf, size_t n) {
  struct file *f = fd_writable(fd);
  return f ? do_write(f, buf, n, &f->pos) : -EBADF;
}

/* A datagram call moves a message or fails; only its failure (EAGAIN) drains. */
static long datagram_result(struct file *f, long r, int out) { return r < 0 ? file_drained(f, r, 1, out) : r; }

static long check_iov(const struct iovec *iov, int cnt) {
  if (cnt < 0 || cnt > UIO_MAXIOV) return -EINVAL;
  if (cnt && user_bad(iov, cnt * sizeof *iov)) return -EFAULT;
  return 0;
}

SYSCALL_DEFINE(readv, int fd, const struct iovec *iov, int cnt) {
  struct file *f = fd_readable(fd);
  if (!f) return -EBADF;
  long total = 0, err = check_iov(iov, cnt);
  if (err) return err;
  if (f->ops->readv) return datagram_result(f, f->ops->readv(f, iov, cnt), 0);
  for (int i = 0; i < cnt; i++) {
    long r = do_read(f, iov[i].iov_base, iov[i].iov_len, &f->pos);
    if (r < 0) return total ? total : r;
    total += r;
    if ((size_t)r < iov[i].iov_len) break;
  }
  return total;
}

SYSCALL_DEFINE(writev, int fd, const struct iovec *iov, int cnt) {
  struct file *f = fd_writable(fd);
  if (!f) return -EBADF;
  long total = 0, err = check_iov(iov, cnt);
  if (err) return err;
  if (f->ops->writev) return datagram_result(f, f->ops->writev(f, iov, cnt), 1);
  for (int i = 0; i < cnt; i++) {
    long r = do_write(f, iov[i].iov_base, iov[i].iov_len, &f->pos);
    if (r < 0) return total ? total : r;
    total += r;
    if ((size_t)r < iov[i].iov_len) break;
  }
  return total;
}

SYSCALL_DEFINE(pread64, int fd, void *buf, size_t n, long off) {
  struct file *f = fd_readable(fd);
  if (!f) return -EBADF;
  if (!f->ops->lseek) return -ESPIPE;
  if (off < 0) return -EINVAL;
  uint64_t pos = off;
  return do_read(f, buf, n, &pos);
}

SYSCALL_DEFINE(pwrite64, int fd, const void *buf, size_t n, long off) {
  struct file *f = fd_writable(fd);
  if (!f) return -EBADF;
  if (!f->ops->lseek) return -ESPIPE;
  if (off < 0) return -EINVAL;
  uint64_t pos = off;
  return do_write(f, buf, n, &pos);
}

long fd_read_at(int fd, void *buf, size_t n, uint64_t off) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if ((f->flags & O_ACCMODE) == O_WRONLY) return -EACCES;
  if (!f->ops->lseek || !f->ops->read) return -ENODEV;
  long total = 0;
  while ((size_t)total < n) {
    uint64_t pos = off + total;
    long r = f->ops->read(f, (char *)buf + total, n - total, &pos);
    if (r < 0) return total ? total : r;
    if (r == 0) break;
    total += r;
  }
  return total;
}

SYSCALL_DEFINE(lseek, int fd, long off, int whence) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (!f->ops->lseek) return -ESPIPE;
  if (whence < 0 || whence > 4) return -EINVAL;
  return f->ops->lseek(f, off, whence);
}
