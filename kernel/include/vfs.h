/* The virtual file system: vnodes, mounts, path lookup, and the file
 * descriptors that refer to files (through fd.h's device interface).
 *
 * A file system supplies a `struct vnode_ops`; any op it leaves NULL answers
 * with the Linux error for "not supported here" (EPERM, EINVAL, ENOTDIR ...).
 * Names passed to ops are (pointer, length), never NUL-terminated, never "."
 * or "..", never containing '/'. Every op returns 0 or a byte count, or -errno. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct vnode;
struct file;
struct vfs_mount;

struct ktimespec { int64_t sec; int64_t nsec; };

/* What stat reports (the fields of Linux's struct stat). */
struct kstat {
  uint64_t dev, ino, nlink;
  uint32_t mode, uid, gid;
  uint64_t rdev, size, blksize, blocks;
  struct ktimespec atime, mtime, ctime;
};

/* Fields to change in setattr; `mask` says which are valid. */
#define VA_MODE 1
#define VA_UID 2
#define VA_GID 4
#define VA_SIZE 8
#define VA_ATIME 16
#define VA_MTIME 32
struct vattr {
  unsigned mask;
  uint32_t mode, uid, gid; /* mode: permission bits only */
  uint64_t size;
  struct ktimespec atime, mtime;
};

struct kstatfs {
  uint64_t type, bsize, blocks, bfree, bavail, files, ffree, namelen, frsize, flags;
};

/* readdir hands entries to a sink; the sink returns nonzero when it is full
 * (the entry was not taken, and the cookie must stay at that entry). */
struct dirent_sink {
  int (*emit)(struct dirent_sink *s, const char *name, size_t len, uint64_t ino, unsigned type, uint64_t next_cookie);
};

struct vnode_ops {
  int (*lookup)(struct vnode *dir, const char *name, size_t len, struct vnode **out);
  /* Creates a regular file (mode = permission bits) and returns it. */
  int (*create)(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct vnode **out);
  int (*mkdir)(struct vnode *dir, const char *name, size_t len, uint32_t mode);
  int (*symlink)(struct vnode *dir, const char *name, size_t len, const char *target);
  int (*link)(struct vnode *dir, const char *name, size_t len, struct vnode *target);
  /* Removes a non-directory (rmdir = 0) or an empty directory (rmdir = 1). */
  int (*unlink)(struct vnode *dir, const char *name, size_t len, int rmdir);
  /* Linux rename semantics; flags = RENAME_NOREPLACE (the only one vfs passes). */
  int (*rename)(struct vnode *odir, const char *oname, size_t olen, struct vnode *ndir, const char *nname,
                size_t nlen, unsigned flags);
  long (*readlink)(struct vnode *v, char *buf, size_t n);
  int (*getattr)(struct vnode *v, struct kstat *st);
  int (*setattr)(struct vnode *v, const struct vattr *a);
  /* Per-open state: open may set *handle; read/write/readdir/fsync get it back. */
  int (*open)(struct vnode *v, int flags, void **handle);
  void (*close)(struct vnode *v, void *handle);
  long (*read)(struct vnode *v, void *handle, void *buf, size_t n, uint64_t off);
  long (*write)(struct vnode *v, void *handle, const void *buf, size_t n, uint64_t off);
  /* Emits entries from *cookie on ("." and ".." included); 0 at the end or when the sink is full. */
  int (*readdir)(struct vnode *v, void *handle, uint64_t *cookie, struct dirent_sink *sink);
  int (*fsync)(struct vnode *v, void *handle, int datasync);
  int (*statfs)(struct vnode *v, struct kstatfs *st);
  /* Readiness for poll (POLLIN/POLLOUT bits); NULL = always ready. */
  short (*poll)(struct vnode *v, void *handle, short events);
  long (*ioctl)(struct vnode *v, void *handle, unsigned long req, unsigned long arg);
  /* The last reference is gone. */
  void (*release)(struct vnode *v);
};

struct vnode {
  const struct vnode_ops *ops;
  struct vfs_mount *mnt;     /* the file system instance it belongs to */
  struct vnode *parent;      /* directories: parent within the same fs, NULL at its root (the fs decides whether it holds a reference) */
  struct vfs_mount *covered; /* a file system mounted on this directory, or NULL */
  int refs;
  uint32_t type;             /* S_IFMT bits, fixed for the vnode's life */
  uint64_t ino;
  void *priv;
};

struct vfs_mount {
  struct vnode *root;
  struct vnode *mountpoint; /* NULL for the root file system */
  uint64_t dev;
  const char *fstype;
  void *priv;
};

/* Reference counting. vnode_put calls ops->release when the count drops to 0. */
static inline struct vnode *vnode_get(struct vnode *v) { v->refs++; return v; }
void vnode_put(struct vnode *v);
/* Fills ino/dev/... common fields for a fresh vnode (refs = 1). */
void vnode_init(struct vnode *v, const struct vnode_ops *ops, struct vfs_mount *m, uint32_t type, uint64_t ino);

/* Mounts: a new mount whose root the caller creates; then attach it at path
 * (directories are created as needed). The first mount at "/" is the root. */
struct vfs_mount *vfs_mount_new(const char *fstype);
int vfs_mount_at(struct vfs_mount *m, const char *path);
struct vnode *vfs_root(void);

/* Lookup from the cwd or an absolute path. flags: LOOKUP_FOLLOW follows a
 * final symlink. Returns a new reference in *out. */
#define LOOKUP_FOLLOW 1
int vfs_lookup(const char *path, int flags, struct vnode **out);
int vfs_lookup_at(int dirfd, const char *path, int flags, struct vnode **out);
/* The parent directory and last component (points into path; may be "" for "/"). */
int vfs_lookup_parent_at(int dirfd, const char *path, struct vnode **dir, const char **name, size_t *len);

/* Kernel-side file operations (initrd unpacking, mounts). */
int vfs_mkdir(const char *path, uint32_t mode);
int vfs_mkdir_p(const char *path, uint32_t mode); /* with missing parents; existing is fine */
int vfs_write_file(const char *path, uint32_t mode, const void *data, size_t n);
int vfs_symlink(const char *target, const char *path);

/* The vnode behind a descriptor that vfs opened (NULL for others: pipes, console). */
struct vnode *vfs_file_vnode(struct file *f);
/* Opens v as a new file (flags as for open). */
int vfs_open_vnode(struct vnode *v, int flags, struct file **out);

/* Wall clock for timestamps. */
void vfs_now(struct ktimespec *t);
/* Initrd: unpacks a newc cpio archive into the root file system. */
int vfs_unpack_cpio(const void *data, size_t size);
