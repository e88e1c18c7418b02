/* Directories: getdents64, mkdir, rmdir, unlink, rename and their *at forms. */
#include "vfs-impl.h"
#include "uaccess.h"

static int is_dot(const char *n, size_t len) { return (len == 1 && n[0] == '.') || (len == 2 && n[0] == '.' && n[1] == '.'); }

struct dents_sink {
  struct dirent_sink s;
  uint8_t *buf;
  size_t size, used;
};

/* struct linux_dirent64: ino, off, reclen, type, name, padded to 8 bytes. */
static int emit_dent(struct dirent_sink *s, const char *name, size_t len, uint64_t ino, unsigned type, uint64_t next) {
  struct dents_sink *d = (struct dents_sink *)s;
  size_t rec = (19 + len + 1 + 7) & ~(size_t)7;
  if (d->used + rec > d->size) return 1;
  uint8_t *p = d->buf + d->used;
  kmemset(p, 0, rec);
  kmemcpy(p, &ino, 8);
  kmemcpy(p + 8, &next, 8);
  uint16_t r16 = (uint16_t)rec;
  kmemcpy(p + 16, &r16, 2);
  p[18] = (uint8_t)type;
  kmemcpy(p + 19, name, len);
  d->used += rec;
  return 0;
}

SYSCALL_DEFINE(getdents64, int fd, void *buf, size_t count) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v || v->type != S_IFDIR) return -ENOTDIR;
  struct vfile *vf = f->priv;
  if (vf->path_only) return -EBADF;
  if (!v->ops->readdir) return -ENOTDIR;
  if (user_bad(buf, count)) return -EFAULT;
  struct dents_sink d = {{emit_dent}, buf, count, 0};
  uint64_t cookie = f->pos;
  int r = v->ops->readdir(v, vf->handle, &cookie, &d.s);
  if (r < 0) return r;
  f->pos = cookie;
  if (d.used == 0 && r > 0) return -EINVAL; /* the next entry does not fit */
  return (long)d.used;
}

/* mkdir in the kernel's own path space (path already copied in). */
static int mkdir_in(int dirfd, const char *path, uint32_t mode) {
  struct vnode *dir;
  const char *name;
  size_t len;
  int r = vfs_lookup_parent_at(dirfd, path, &dir, &name, &len);
  if (r < 0) return r;
  if (len == 0 || is_dot(name, len)) r = -EEXIST;
  else if (!dir->ops->mkdir) r = -EPERM;
  else r = dir->ops->mkdir(dir, name, len, mode);
  vnode_put(dir);
  return r;
}

static long mkdir_at(int dirfd, const char *upath, unsigned mode) {
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  r = mkdir_in(dirfd, path, mode & ~vfs_umask & S_IALLUGO);
  kfree(path);
  return r;
}

SYSCALL_DEFINE(mkdir, const char *path, unsigned mode) { return mkdir_at(AT_FDCWD, path, mode); }
SYSCALL_DEFINE(mkdirat, int dirfd, const char *path, unsigned mode) { return mkdir_at(dirfd, path, mode); }

int vfs_mkdir(const char *path, uint32_t mode) { return mkdir_in(AT_FDCWD, path, mode); }

/* Every missing directory along path (an existing one is fine). */
int vfs_mkdir_p(const char *path, uint32_t mode) {
  size_t n = kstrlen(path);
  char *buf = kzalloc(n + 1);
  if (!buf) return -ENOMEM;
  kmemcpy(buf, path, n);
  int r = 0;
  for (size_t i = 1; i <= n && r >= 0; i++) {
    if (buf[i] != '/' && buf[i] != 0) continue;
    char c = buf[i];
    buf[i] = 0;
    r = vfs_mkdir(buf, mode);
    if (r == -EEXIST) r = 0;
    buf[i] = c;
  }
  kfree(buf);
  return r;
}

/* A name that is a mount point cannot go away. */
static int busy(struct vnode *dir, const char *name, size_t len) {
  struct vnode *v;
  if (!dir->ops->lookup || dir->ops->lookup(dir, name, len, &v) < 0) return 0;
  int b = v->covered != NULL;
  vnode_put(v);
  return b;
}

static long remove_at(int dirfd, const char *upath, int rmdir) {
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  struct vnode *dir;
  const char *name;
  size_t len;
  r = vfs_lookup_parent_at(dirfd, path, &dir, &name, &len);
  if (r == 0) {
    if (len == 0) r = rmdir ? -EBUSY : -EISDIR;
    else if (is_dot(name, len)) r = !rmdir ? -EISDIR : len == 1 ? -EINVAL : -ENOTEMPTY;
    else if (!rmdir && name[len] == '/') r = -ENOTDIR;
    else if (busy(dir, name, len)) r = -EBUSY;
    else if (!dir->ops->unlink) r = -EPERM;
    else r = dir->ops->unlink(dir, name, len, rmdir);
    vnode_put(dir);
  }
  kfree(path);
  return r;
}

SYSCALL_DEFINE(unlink, const char *path) { return remove_at(AT_FDCWD, path, 0); }
SYSCALL_DEFINE(rmdir, const char *path) { return remove_at(AT_FDCWD, path, 1); }
SYSCALL_DEFINE(unlinkat, int dirfd, const char *path, int flags) {
  if (flags & ~AT_REMOVEDIR) return -EINVAL;
  return remove_at(dirfd, path, (flags & AT_REMOVEDIR) != 0);
}

static long rename_at(int odirfd, const char *uold, int ndirfd, const char *unew, unsigned flags) {
  if (flags & ~(unsigned)RENAME_NOREPLACE) return -EINVAL; /* EXCHANGE and WHITEOUT are not supported */
  char *op, *np;
  int r = copy_path(uold, &op);
  if (r < 0) return r;
  r = copy_path(unew, &np);
  if (r < 0) { kfree(op); return r; }
  struct vnode *od = NULL, *nd = NULL;
  const char *on, *nn;
  size_t ol, nl;
  r = vfs_lookup_parent_at(odirfd, op, &od, &on, &ol);
  if (r == 0) r = vfs_lookup_parent_at(ndirfd, np, &nd, &nn, &nl);
  if (r == 0) {
    if (ol == 0 || nl == 0 || is_dot(on, ol) || is_dot(nn, nl)) r = -EBUSY;
    else if (od->mnt != nd->mnt) r = -EXDEV;
    else if (busy(od, on, ol) || busy(nd, nn, nl)) r = -EBUSY;
    else if (!od->ops->rename) r = -EPERM;
    else r = od->ops->rename(od, on, ol, nd, nn, nl, flags);
  }
  vnode_put(od);
  vnode_put(nd);
  kfree(op);
  kfree(np);
  return r;
}

SYSCALL_DEFINE(rename, const char *old, const char *new) { return rename_at(AT_FDCWD, old, AT_FDCWD, new, 0); }
SYSCALL_DEFINE(renameat, int od, const char *old, int nd, const char *new) { return rename_at(od, old, nd, new, 0); }
SYSCALL_DEFINE(renameat2, int od, const char *old, int nd, const char *new, unsigned flags) {
  return rename_at(od, old, nd, new, flags);
}
