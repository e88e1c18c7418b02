/* Attributes: chmod, chown, utimensat (utimes, futimesat), truncate, access.
 * The app is root, so access() grants read and write and wants an x bit for
 * X_OK, as Linux does. */
#include "vfs-impl.h"
#include "uaccess.h"

/* Looks up path (or takes dirfd itself for an empty path with AT_EMPTY_PATH or a NULL path). */
static int fd_target(int dirfd, struct vnode **out) {
  if (dirfd == AT_FDCWD) return dirfd_vnode(dirfd, out);
  struct file *f = fd_get(dirfd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return -EINVAL;
  *out = vnode_get(v);
  return 0;
}

static int target_at(int dirfd, const char *upath, int follow, int empty_ok, struct vnode **out) {
  if (!upath && empty_ok) return fd_target(dirfd, out); /* utimensat(fd, NULL, ...) */
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  if (!path[0] && empty_ok) {
    kfree(path);
    return fd_target(dirfd, out);
  }
  r = vfs_lookup_at(dirfd, path, follow ? LOOKUP_FOLLOW : 0, out);
  kfree(path);
  return r;
}

static long setattr_and_put(struct vnode *v, struct vattr *a) {
  int r = vnode_setattr(v, a);
  vnode_put(v);
  return r;
}

static long chmod_v(struct vnode *v, unsigned mode) {
  struct vattr a = {.mask = VA_MODE, .mode = mode & S_IALLUGO};
  return setattr_and_put(v, &a);
}

/* Linux's fchmodat has no flags argument (musl handles AT_SYMLINK_NOFOLLOW itself). */
SYSCALL_DEFINE(fchmodat, int dirfd, const char *path, unsigned mode) {
  struct vnode *v;
  int r = target_at(dirfd, path, 1, 0, &v);
  return r < 0 ? r : chmod_v(v, mode);
}
SYSCALL_DEFINE(chmod, const char *path, unsigned mode) { return sys_fchmodat(AT_FDCWD, path, mode); }
SYSCALL_DEFINE(fchmod, int fd, unsigned mode) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return 0; /* pipes and the console: nothing to keep */
  return chmod_v(vnode_get(v), mode);
}

static long chown_v(struct vnode *v, unsigned uid, unsigned gid) {
  struct vattr a = {.mask = 0, .uid = uid, .gid = gid};
  if (uid != (unsigned)-1) a.mask |= VA_UID;
  if (gid != (unsigned)-1) a.mask |= VA_GID;
  return setattr_and_put(v, &a);
}

SYSCALL_DEFINE(fchownat, int dirfd, const char *path, unsigned uid, unsigned gid, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct vnode *v;
  int r = target_at(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), (flags & AT_EMPTY_PATH) != 0, &v);
  return r < 0 ? r : chown_v(v, uid, gid);
}
SYSCALL_DEFINE(chown, const char *path, unsigned uid, unsigned gid) { return sys_fchownat(AT_FDCWD, path, uid, gid, 0); }
SYSCALL_DEFINE(lchown, const char *path, unsigned uid, unsigned gid) {
  return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}
SYSCALL_DEFINE(fchown, int fd, unsigned uid, unsigned gid) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return 0;
  return chown_v(vnode_get(v), uid, gid);
}

int times_to_vattr(const struct ktimespec *ts, struct vattr *a) {
  struct ktimespec now;
  vfs_now(&now);
  a->mask = 0;
  for (int i = 0; i < 2; i++) {
    struct ktimespec t = ts ? ts[i] : (struct ktimespec){0, UTIME_NOW};
    if (t.nsec == UTIME_OMIT) continue;
    if (t.nsec == UTIME_NOW) t = now;
    else if (t.nsec < 0 || t.nsec > 999999999) return -EINVAL;
    if (i == 0) { a->atime = t; a->mask |= VA_ATIME; }
    else { a->mtime = t; a->mask |= VA_MTIME; }
  }
  return 0;
}

SYSCALL_DEFINE(utimensat, int dirfd, const char *path, const struct ktimespec *times, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  if (times && user_bad(times, 2 * sizeof *times)) return -EFAULT;
  struct vattr a = {0};
  int r = times_to_vattr(times, &a);
  if (r < 0) return r;
  struct vnode *v;
  r = target_at(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), 1, &v);
  if (r < 0) return r;
  if (!a.mask) { vnode_put(v); return 0; }
  return setattr_and_put(v, &a);
}

/* utimes and futimesat: microseconds, NULL for now, as utimensat without flags. */
struct ktimeval { int64_t sec, usec; };

SYSCALL_DEFINE(futimesat, int dirfd, const char *path, const struct ktimeval *tv) {
  struct ktimespec ts[2];
  if (tv) {
    if (user_bad(tv, 2 * sizeof *tv)) return -EFAULT;
    for (int i = 0; i < 2; i++) {
      if (tv[i].usec < 0 || tv[i].usec >= 1000000) return -EINVAL;
      ts[i] = (struct ktimespec){tv[i].sec, tv[i].usec * 1000};
    }
  }
  struct vattr a = {0};
  int r = times_to_vattr(tv ? ts : 0, &a);
  if (r < 0) return r;
  struct vnode *v;
  r = target_at(dirfd, path, 1, 0, &v);
  return r < 0 ? r : setattr_and_put(v, &a);
}
SYSCALL_DEFINE(utimes, const char *path, const struct ktimeval *tv) { return sys_futimesat(AT_FDCWD, path, tv); }

static long truncate_v(struct vnode *v, long len) {
  if (len < 0) { vnode_put(v); return -EINVAL; }
  if (v->type == S_IFDIR) { vnode_put(v); return -EISDIR; }
  if (v->type != S_IFREG) { vnode_put(v); return -EINVAL; }
  struct vattr a = {.mask = VA_SIZE, .size = (uint64_t)len};
  return setattr_and_put(v, &a);
}

SYSCALL_DEFINE(truncate, const char *path, long len) {
  struct vnode *v;
  int r = target_at(AT_FDCWD, path, 1, 0, &v);
  return r < 0 ? r : truncate_v(v, len);
}
SYSCALL_DEFINE(ftruncate, int fd, long len) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v || v->type != S_IFREG || (f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_PATH)) return -EINVAL;
  return truncate_v(vnode_get(v), len);
}

static long access_at(int dirfd, const char *path, int mode, int flags) {
  if (mode & ~(R_OK | W_OK | X_OK)) return -EINVAL;
  if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) return -EINVAL;
  struct vnode *v;
  int r = target_at(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), (flags & AT_EMPTY_PATH) != 0, &v);
  if (r < 0) return r;
  if (mode & X_OK) {
    struct kstat st;
    r = vnode_getattr(v, &st);
    if (r == 0 && v->type != S_IFDIR && !(st.mode & 0111)) r = -EACCES;
  }
  vnode_put(v);
  return r;
}

SYSCALL_DEFINE(access, const char *path, int mode) { return access_at(AT_FDCWD, path, mode, 0); }
SYSCALL_DEFINE(faccessat, int dirfd, const char *path, int mode) { return access_at(dirfd, path, mode, 0); }
SYSCALL_DEFINE(faccessat2, int dirfd, const char *path, int mode, int flags) { return access_at(dirfd, path, mode, flags); }
