/* open, openat, creat. Permission bits are recorded but not enforced: the
 * app runs as root, as it does when run natively under autoport's tests. */
#include "vfs-impl.h"

static int create_at(int dirfd, const char *path, uint32_t mode, struct vnode **out) {
  struct vnode *dir;
  const char *name;
  size_t len;
  int r = vfs_lookup_parent_at(dirfd, path, &dir, &name, &len);
  if (r < 0) return r;
  if (len == 0 || name[len] == '/') r = -EISDIR;
  else if (!dir->ops->create) r = -EACCES;
  else r = dir->ops->create(dir, name, len, mode & ~vfs_umask & S_IALLUGO, out);
  vnode_put(dir);
  return r;
}

static long open_at(int dirfd, const char *upath, int flags, uint32_t mode) {
  if ((flags & O_TMPFILE) == O_TMPFILE) return -EOPNOTSUPP;
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  struct vnode *v = NULL;
  int created = 0;
  int excl = (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL);
  r = vfs_lookup_at(dirfd, path, (flags & O_NOFOLLOW) || excl ? 0 : LOOKUP_FOLLOW, &v);
  if (r == -ENOENT && (flags & O_CREAT) && path[0]) {
    r = create_at(dirfd, path, mode, &v);
    created = r == 0;
  } else if (r == 0 && excl) {
    vnode_put(v);
    r = -EEXIST;
  }
  kfree(path);
  if (r < 0) return r;
  int acc = flags & O_ACCMODE;
  if (v->type == S_IFLNK && !(flags & O_PATH)) r = -ELOOP;
  else if ((flags & O_DIRECTORY) && v->type != S_IFDIR) r = -ENOTDIR;
  else if (v->type == S_IFDIR && !(flags & O_PATH) && (acc != O_RDONLY || (flags & O_CREAT))) r = -EISDIR;
  else if (acc == O_ACCMODE && !(flags & O_PATH)) r = -EINVAL;
  else if ((flags & O_TRUNC) && v->type == S_IFREG && acc != O_RDONLY && !created) {
    struct vattr a = {.mask = VA_SIZE, .size = 0};
    r = vnode_setattr(v, &a);
  }
  if (r == 0) r = vfs_open_fd(v, flags);
  vnode_put(v);
  return r;
}

SYSCALL_DEFINE(open, const char *path, int flags, unsigned mode) { return open_at(AT_FDCWD, path, flags, mode); }
SYSCALL_DEFINE(openat, int dirfd, const char *path, int flags, unsigned mode) { return open_at(dirfd, path, flags, mode); }
SYSCALL_DEFINE(creat, const char *path, unsigned mode) {
  return open_at(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}
