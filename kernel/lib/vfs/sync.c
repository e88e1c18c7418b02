/* fsync and friends: a file system's fsync op makes the data durable (9p
 * forwards it to the host); ramfs has nothing to do. */
#include "vfs-impl.h"

static long sync_fd(int fd, int datasync) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return -EINVAL; /* pipes, the console */
  struct vfile *vf = f->priv;
  if (vf->path_only) return -EBADF;
  return v->ops->fsync ? v->ops->fsync(v, vf->handle, datasync) : 0;
}

SYSCALL_DEFINE(fsync, int fd) { return sync_fd(fd, 0); }
SYSCALL_DEFINE(fdatasync, int fd) { return sync_fd(fd, 1); }
SYSCALL_DEFINE(sync, void) { return 0; } /* every write already reached its file system */
SYSCALL_DEFINE(syncfs, int fd) { return fd_get(fd) ? 0 : -EBADF; }
