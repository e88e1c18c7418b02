/* The working directory and the file creation mask. getcwd rebuilds the path
 * by finding each directory's name in its parent, so it stays right after
 * renames. */
#include "vfs-impl.h"
#include "uaccess.h"

struct find_sink {
  struct dirent_sink s;
  uint64_t ino;
  char name[NAME_MAX + 1];
  size_t len;
  int found;
};

static int find_emit(struct dirent_sink *s, const char *name, size_t len, uint64_t ino, unsigned type, uint64_t next) {
  (void)type, (void)next;
  struct find_sink *f = (struct find_sink *)s;
  if (f->found || ino != f->ino || (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
    return 0;
  kmemcpy(f->name, name, len);
  f->len = len;
  f->found = 1;
  return 0;
}

static int name_in(struct vnode *dir, uint64_t ino, struct find_sink *fs) {
  void *h = NULL;
  if (!dir->ops->readdir) return -ENOENT;
  if (dir->ops->open) {
    int r = dir->ops->open(dir, O_RDONLY | O_DIRECTORY, &h);
    if (r < 0) return r;
  }
  fs->s.emit = find_emit;
  fs->ino = ino;
  fs->found = 0;
  uint64_t cookie = 0, before;
  int r = 0;
  do {
    before = cookie;
    r = dir->ops->readdir(dir, h, &cookie, &fs->s);
  } while (r >= 0 && !fs->found && cookie != before);
  if (dir->ops->close) dir->ops->close(dir, h);
  return r < 0 ? r : fs->found ? 0 : -ENOENT;
}

SYSCALL_DEFINE(getcwd, char *buf, size_t size) {
  if (user_bad(buf, size)) return -EFAULT;
  char *tmp = kzalloc(PATH_MAX);
  struct find_sink *fs = kzalloc(sizeof *fs);
  if (!tmp || !fs) { kfree(tmp); kfree(fs); return -ENOMEM; }
  size_t at = PATH_MAX - 1; /* tmp[at..] holds the path built so far, NUL-terminated */
  struct vnode *v = vfs_cwd, *root = vfs_root();
  long r = 0;
  for (;;) {
    while (v != root && v == v->mnt->root && v->mnt->mountpoint) v = v->mnt->mountpoint;
    if (v == root) break;
    if (!v->parent) { r = -ENOENT; break; }
    r = name_in(v->parent, v->ino, fs);
    if (r < 0) break;
    if (fs->len + 1 > at) { r = -ENAMETOOLONG; break; }
    at -= fs->len;
    kmemcpy(tmp + at, fs->name, fs->len);
    tmp[--at] = '/';
    v = v->parent;
  }
  if (r == 0 && at == PATH_MAX - 1) tmp[--at] = '/';
  size_t n = PATH_MAX - at; /* with the NUL */
  if (r == 0 && size < n) r = -ERANGE;
  if (r == 0) {
    kmemcpy(buf, tmp + at, n);
    r = (long)n;
  }
  kfree(tmp);
  kfree(fs);
  return r;
}

static long set_cwd(struct vnode *v) {
  if (v->type != S_IFDIR) {
    vnode_put(v);
    return -ENOTDIR;
  }
  vnode_put(vfs_cwd);
  vfs_cwd = v;
  return 0;
}

SYSCALL_DEFINE(chdir, const char *upath) {
  struct vnode *v;
  int r = lookup_user_dir(upath, &v);
  return r < 0 ? r : set_cwd(v);
}

SYSCALL_DEFINE(fchdir, int fd) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return -ENOTDIR;
  return set_cwd(vnode_get(v));
}

SYSCALL_DEFINE(umask, unsigned mask) {
  unsigned old = vfs_umask;
  vfs_umask = mask & 0777;
  return old;
}
