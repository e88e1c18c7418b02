/* The stat family and statfs. */
#include "vfs-impl.h"
#include "uaccess.h"

int vnode_getattr(struct vnode *v, struct kstat *st) {
  kmemset(st, 0, sizeof *st);
  st->dev = v->mnt ? v->mnt->dev : 0;
  st->ino = v->ino;
  st->mode = v->type | 0644;
  st->nlink = 1;
  st->blksize = 4096;
  int r = v->ops->getattr ? v->ops->getattr(v, st) : 0;
  if (r == 0 && !st->blocks) st->blocks = (st->size + 511) / 512;
  return r;
}

int vnode_setattr(struct vnode *v, const struct vattr *a) {
  if (!v->ops->setattr) return -EPERM;
  return v->ops->setattr(v, a);
}

/* Linux x86_64 struct stat. */
struct user_stat {
  uint64_t dev, ino, nlink;
  uint32_t mode, uid, gid, pad0;
  uint64_t rdev;
  int64_t size, blksize, blocks;
  int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
  int64_t unused[3];
};

void kstat_to_user(const struct kstat *st, void *ust) {
  struct user_stat u = {
    .dev = st->dev, .ino = st->ino, .nlink = st->nlink,
    .mode = st->mode, .uid = st->uid, .gid = st->gid,
    .rdev = st->rdev, .size = (int64_t)st->size, .blksize = (int64_t)st->blksize, .blocks = (int64_t)st->blocks,
    .atime = st->atime.sec, .atime_ns = st->atime.nsec,
    .mtime = st->mtime.sec, .mtime_ns = st->mtime.nsec,
    .ctime = st->ctime.sec, .ctime_ns = st->ctime.nsec,
  };
  kmemcpy(ust, &u, sizeof u);
}

/* Any descriptor: vfs files fully, others (console, pipes) through fd's stat op. */
static int stat_fd(int fd, void *ust) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct kstat st;
  struct vnode *v = vfs_file_vnode(f);
  int r;
  if (v) {
    r = vnode_getattr(v, &st);
  } else {
    struct kstat_lite l = {0};
    r = f->ops->stat ? (int)f->ops->stat(f, &l) : 0;
    kmemset(&st, 0, sizeof st);
    st.mode = l.mode;
    st.size = l.size;
    st.ino = l.ino;
    st.rdev = l.rdev;
    st.blksize = l.blksize ? l.blksize : 4096;
    st.nlink = l.nlink ? l.nlink : 1;
    st.dev = l.dev ? l.dev : 1;
    st.uid = l.uid;
    st.gid = l.gid;
    st.blocks = l.blocks;
    st.atime = (struct ktimespec){l.atime, l.atime_ns};
    st.mtime = (struct ktimespec){l.mtime, l.mtime_ns};
    st.ctime = (struct ktimespec){l.ctime, l.ctime_ns};
  }
  if (r == 0) kstat_to_user(&st, ust);
  return r;
}

static long stat_at(int dirfd, const char *upath, void *ust, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) return -EINVAL;
  if (user_bad(ust, 144)) return -EFAULT;
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  if (!path[0] && (flags & AT_EMPTY_PATH)) {
    kfree(path);
    return dirfd == AT_FDCWD ? stat_at(dirfd, ".", ust, 0) : stat_fd(dirfd, ust);
  }
  struct vnode *v;
  r = vfs_lookup_at(dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &v);
  kfree(path);
  if (r < 0) return r;
  struct kstat st;
  r = vnode_getattr(v, &st);
  vnode_put(v);
  if (r == 0) kstat_to_user(&st, ust);
  return r;
}

SYSCALL_DEFINE(stat, const char *path, void *st) { return stat_at(AT_FDCWD, path, st, 0); }
SYSCALL_DEFINE(lstat, const char *path, void *st) { return stat_at(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW); }
SYSCALL_DEFINE(newfstatat, int dirfd, const char *path, void *st, int flags) { return stat_at(dirfd, path, st, flags); }

/* Linux x86_64 struct statfs. */
struct user_statfs {
  int64_t type, bsize;
  uint64_t blocks, bfree, bavail, files, ffree;
  int32_t fsid[2];
  int64_t namelen, frsize, flags, spare[4];
};

static long statfs_vnode(struct vnode *v, void *ubuf) {
  struct kstatfs s = {.bsize = 4096, .namelen = NAME_MAX, .frsize = 4096};
  int r = v->ops->statfs ? v->ops->statfs(v, &s) : 0;
  if (r < 0) return r;
  struct user_statfs u = {
    .type = (int64_t)s.type, .bsize = (int64_t)s.bsize, .blocks = s.blocks, .bfree = s.bfree, .bavail = s.bavail,
    .files = s.files, .ffree = s.ffree, .fsid = {(int32_t)(v->mnt ? v->mnt->dev : 0), 0},
    .namelen = (int64_t)s.namelen, .frsize = (int64_t)(s.frsize ? s.frsize : s.bsize), .flags = (int64_t)s.flags,
  };
  kmemcpy(ubuf, &u, sizeof u);
  return 0;
}

SYSCALL_DEFINE(statfs, const char *upath, void *buf) {
  if (user_bad(buf, sizeof(struct user_statfs))) return -EFAULT;
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  struct vnode *v;
  r = vfs_lookup(path, LOOKUP_FOLLOW, &v);
  kfree(path);
  if (r < 0) return r;
  long ret = statfs_vnode(v, buf);
  vnode_put(v);
  return ret;
}

SYSCALL_DEFINE(fstatfs, int fd, void *buf) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (user_bad(buf, sizeof(struct user_statfs))) return -EFAULT;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) { /* pipes and the console live on Linux's internal pipefs/devpts */
    struct user_statfs u = {.type = 0x50495045, .bsize = 4096, .namelen = NAME_MAX, .frsize = 4096};
    kmemcpy(buf, &u, sizeof u);
    return 0;
  }
  return statfs_vnode(v, buf);
}
