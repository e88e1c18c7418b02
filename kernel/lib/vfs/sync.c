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

/* Every byte already reached its file system (see above): a range sync is a
 * data sync of the whole file, which is at least as strong. */
#define SYNC_FILE_RANGE_ALL 7
SYSCALL_DEFINE(sync_file_range, int fd, long off, long n, unsigned flags) {
  if (flags & ~(unsigned)SYNC_FILE_RANGE_ALL) return -EINVAL;
  if (off < 0 || n < 0 || off + n < off) return -EINVAL;
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return -ESPIPE;
  if (v->type != S_IFREG && v->type != S_IFDIR && v->type != S_IFLNK) return -ESPIPE;
  return flags ? sync_fd(fd, 1) : 0;
}

/* No page cache: nothing to read ahead into. */
SYSCALL_DEFINE(readahead, int fd, long off, size_t n) {
  struct file *f = fd_get(fd);
  if (!f || (f->flags & O_ACCMODE) == O_WRONLY) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v || v->type != S_IFREG) return -EINVAL;
  return 0;
}
