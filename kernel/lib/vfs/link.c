/* Symbolic and hard links. */
#include "vfs-impl.h"
#include "uaccess.h"

static long symlink_at(const char *utarget, int dirfd, const char *upath) {
  char *target, *path;
  int r = copy_path(utarget, &target);
  if (r < 0) return r;
  if (!target[0]) { kfree(target); return -ENOENT; }
  r = copy_path(upath, &path);
  if (r < 0) { kfree(target); return r; }
  struct vnode *dir;
  const char *name;
  size_t len;
  r = vfs_lookup_parent_at(dirfd, path, &dir, &name, &len);
  if (r == 0) {
    if (len == 0 || name[len] == '/') r = -EEXIST;
    else if (!dir->ops->symlink) r = -EPERM;
    else r = dir->ops->symlink(dir, name, len, target);
    vnode_put(dir);
  }
  kfree(target);
  kfree(path);
  return r;
}

SYSCALL_DEFINE(symlink, const char *target, const char *path) { return symlink_at(target, AT_FDCWD, path); }
SYSCALL_DEFINE(symlinkat, const char *target, int dirfd, const char *path) { return symlink_at(target, dirfd, path); }

int vfs_symlink(const char *target, const char *path) { return symlink_at(target, AT_FDCWD, path); }

static long link_at(int odirfd, const char *uold, int ndirfd, const char *unew, int flags) {
  if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  char *op, *np;
  int r = copy_path(uold, &op);
  if (r < 0) return r;
  r = copy_path(unew, &np);
  if (r < 0) { kfree(op); return r; }
  struct vnode *v = NULL, *dir = NULL;
  const char *name;
  size_t len;
  r = vfs_lookup_at(odirfd, op, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0, &v);
  if (r == 0) r = vfs_lookup_parent_at(ndirfd, np, &dir, &name, &len);
  if (r == 0) {
    if (v->type == S_IFDIR) r = -EPERM;
    else if (len == 0 || name[len] == '/') r = -EEXIST;
    else if (v->mnt != dir->mnt) r = -EXDEV;
    else if (!dir->ops->link) r = -EPERM;
    else r = dir->ops->link(dir, name, len, v);
  }
  vnode_put(v);
  vnode_put(dir);
  kfree(op);
  kfree(np);
  return r;
}

SYSCALL_DEFINE(link, const char *old, const char *new) { return link_at(AT_FDCWD, old, AT_FDCWD, new, 0); }
SYSCALL_DEFINE(linkat, int od, const char *old, int nd, const char *new, int flags) {
  return link_at(od, old, nd, new, flags);
}

static long readlink_at(int dirfd, const char *upath, char *buf, long size) {
  if (size <= 0) return -EINVAL;
  if (user_bad(buf, (unsigned long)size)) return -EFAULT;
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  struct vnode *v;
  r = vfs_lookup_at(dirfd, path, 0, &v);
  kfree(path);
  if (r < 0) return r;
  long n = v->type != S_IFLNK || !v->ops->readlink ? -EINVAL : v->ops->readlink(v, buf, (size_t)size);
  vnode_put(v);
  return n;
}

SYSCALL_DEFINE(readlink, const char *path, char *buf, long size) { return readlink_at(AT_FDCWD, path, buf, size); }
SYSCALL_DEFINE(readlinkat, int dirfd, const char *path, char *buf, long size) { return readlink_at(dirfd, path, buf, size); }
