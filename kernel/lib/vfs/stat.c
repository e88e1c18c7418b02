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
static int getattr_fd(int fd, struct kstat *st) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (v) return vnode_getattr(v, st);
  struct kstat_lite l = {0};
  int r = f->ops->stat ? (int)f->ops->stat(f, &l) : 0;
  kmemset(st, 0, sizeof *st);
  st->mode = l.mode;
  st->size = l.size;
  st->ino = l.ino;
  st->rdev = l.rdev;
  st->blksize = l.blksize ? l.blksize : 4096;
  st->nlink = l.nlink ? l.nlink : 1;
  st->dev = l.dev ? l.dev : 1;
  st->uid = l.uid;
  st->gid = l.gid;
  st->blocks = l.blocks;
  st->atime = (struct ktimespec){l.atime, l.atime_ns};
  st->mtime = (struct ktimespec){l.mtime, l.mtime_ns};
  st->ctime = (struct ktimespec){l.ctime, l.ctime_ns};
  return r;
}

/* The attributes behind (dirfd, path) as the *at calls name a file: an
 * empty path with AT_EMPTY_PATH is dirfd itself. */
static int getattr_at(int dirfd, const char *upath, int flags, struct kstat *st) {
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  if (!path[0] && (flags & AT_EMPTY_PATH)) {
    kfree(path);
    return dirfd == AT_FDCWD ? getattr_at(dirfd, ".", 0, st) : getattr_fd(dirfd, st);
  }
  struct vnode *v;
  r = vfs_lookup_at(dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &v);
  kfree(path);
  if (r < 0) return r;
  r = vnode_getattr(v, st);
  vnode_put(v);
  return r;
}

static long stat_at(int dirfd, const char *upath, void *ust, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) return -EINVAL;
  if (user_bad(ust, sizeof(struct user_stat))) return -EFAULT;
  struct kstat st;
  int r = getattr_at(dirfd, upath, flags, &st);
  if (r == 0) kstat_to_user(&st, ust);
  return r;
}

SYSCALL_DEFINE(stat, const char *path, void *st) { return stat_at(AT_FDCWD, path, st, 0); }
SYSCALL_DEFINE(lstat, const char *path, void *st) { return stat_at(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW); }
SYSCALL_DEFINE(newfstatat, int dirfd, const char *path, void *st, int flags) { return stat_at(dirfd, path, st, flags); }

/* Linux's struct statx (include/uapi/linux/stat.h); no birth time, so
 * STATX_BTIME stays out of the mask. */
struct user_statx_time { int64_t sec; uint32_t nsec; int32_t reserved; };
struct user_statx {
  uint32_t mask, blksize;
  uint64_t attributes;
  uint32_t nlink, uid, gid;
  uint16_t mode, spare0;
  uint64_t ino, size, blocks, attributes_mask;
  struct user_statx_time atime, btime, ctime, mtime;
  uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
  uint64_t mnt_id;
  uint32_t dio_mem_align, dio_offset_align;
  uint64_t spare3[12];
};
#define STATX_BASIC 0x7ffU         /* type, mode, nlink, uid, gid, times, ino, size, blocks */
#define STATX_RESERVED 0x80000000U
#define AT_STATX_SYNC_TYPE 0x6000  /* FORCE_SYNC | DONT_SYNC: all the same here */

/* dev_t's major and minor as glibc and Linux split them */
static uint32_t dev_major(uint64_t d) { return (uint32_t)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffULL)); }
static uint32_t dev_minor(uint64_t d) { return (uint32_t)((d & 0xff) | ((d >> 12) & ~0xffULL)); }

SYSCALL_DEFINE(statx, int dirfd, const char *path, int flags, unsigned mask, void *ubuf) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)) return -EINVAL;
  if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX_RESERVED)) return -EINVAL;
  if (user_bad(ubuf, sizeof(struct user_statx))) return -EFAULT;
  struct kstat st;
  int r = getattr_at(dirfd, path, flags, &st);
  if (r < 0) return r;
  struct user_statx u = {
    .mask = STATX_BASIC, .blksize = (uint32_t)st.blksize, .nlink = (uint32_t)st.nlink,
    .uid = st.uid, .gid = st.gid, .mode = (uint16_t)st.mode, .ino = st.ino, .size = st.size, .blocks = st.blocks,
    .atime = {st.atime.sec, (uint32_t)st.atime.nsec, 0}, .ctime = {st.ctime.sec, (uint32_t)st.ctime.nsec, 0},
    .mtime = {st.mtime.sec, (uint32_t)st.mtime.nsec, 0},
    .rdev_major = dev_major(st.rdev), .rdev_minor = dev_minor(st.rdev),
    .dev_major = dev_major(st.dev), .dev_minor = dev_minor(st.dev),
  };
  kmemcpy(ubuf, &u, sizeof u);
  return 0;
}

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
