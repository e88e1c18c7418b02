/* fallocate and fadvise64. Both file systems allocate on write, so
 * reserving space only has to make the file long enough. */
#include "vfs-impl.h"

#define FALLOC_FL_KEEP_SIZE 1

SYSCALL_DEFINE(fallocate, int fd, int mode, long off, long len) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (off < 0 || len <= 0) return -EINVAL;
  if (mode & ~FALLOC_FL_KEEP_SIZE) return -EOPNOTSUPP; /* punching and zeroing holes */
  if ((f->flags & O_ACCMODE) == O_RDONLY) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return -ESPIPE;
  if (v->type == S_IFDIR) return -EISDIR;
  if (v->type != S_IFREG) return -ENODEV;
  if (off + len < off) return -EFBIG;
  struct kstat st;
  int r = vnode_getattr(v, &st);
  if (r < 0 || (mode & FALLOC_FL_KEEP_SIZE) || (uint64_t)(off + len) <= st.size) return r;
  struct vattr a = {.mask = VA_SIZE, .size = (uint64_t)(off + len)};
  return vnode_setattr(v, &a);
}

/* Advice changes nothing here: there is no page cache to steer. */
SYSCALL_DEFINE(fadvise64, int fd, long off, long len, int advice) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (!vfs_file_vnode(f)) return -ESPIPE;
  if (advice < 0 || advice > 5) return -EINVAL;
  return 0;
}
