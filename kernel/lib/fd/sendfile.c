/* sendfile: copies through a kernel buffer with the two files' own read and
 * write ops, so any readable file can feed any writable one. */
#include <linux/fcntl.h>
#include "fd-impl.h"
#include "syscall.h"
#include "uaccess.h"

SYSCALL_DEFINE(sendfile, int out_fd, int in_fd, long *offset, size_t count) {
  struct file *in = fd_readable(in_fd), *out = fd_writable(out_fd);
  if (!in || !out) return -EBADF;
  if (!in->ops->read || !out->ops->write) return -EINVAL;
  if (offset && user_bad(offset, sizeof *offset)) return -EFAULT;
  if (offset && !in->ops->lseek) return -ESPIPE;
  if (offset && *offset < 0) return -EINVAL;
  if (out->flags & O_APPEND) return -EINVAL; /* as Linux */
  uint64_t pos = offset ? (uint64_t)*offset : in->pos;
  static char buf[4096]; /* RAM is scarce at small --mem; a page a step is enough */
  long total = 0;
  while ((size_t)total < count) {
    size_t chunk = count - total < sizeof buf ? count - total : sizeof buf;
    uint64_t before = pos;
    long r = in->ops->read(in, buf, chunk, &pos);
    if (r <= 0) { if (r < 0 && !total) total = r; break; }
    long w = out->ops->write(out, buf, (size_t)r, &out->pos);
    if (w < 0) { pos = before; if (!total) total = w; break; }
    if (w < r) { pos = before + w; total += w; break; } /* the rest stays unread */
    total += w;
  }
  if (offset) *offset = (long)pos;
  else in->pos = pos;
  return total;
}
