/* vfs internals shared by its syscall families. */
#pragma once
#include "fd.h"
#include "fs-abi.h"
#include "kheap.h"
#include "kstring.h"
#include "syscall.h"
#include "vfs.h"

/* An open file: the `priv` of a struct file whose ops are vfs_file_ops. */
struct vfile {
  struct vnode *v;
  void *handle; /* the file system's per-open state */
  int path_only; /* O_PATH: no I/O */
};
extern const struct file_ops vfs_file_ops;

/* Process-wide state (one process). */
extern struct vnode *vfs_cwd;
extern unsigned vfs_umask;

/* Copies a path from the app into a kernel buffer of PATH_MAX bytes
 * (ENAMETOOLONG, ENOENT for ""). Free with kfree. */
int copy_path(const char *upath, char **out);
/* The directory at an app's path, symlinks followed (ENOTDIR when it is not
 * one). Returns a reference. */
int lookup_user_dir(const char *upath, struct vnode **out);
/* The directory a *at call starts from: cwd for AT_FDCWD, else the
 * descriptor's directory (EBADF, ENOTDIR). Returns a reference. */
int dirfd_vnode(int dirfd, struct vnode **out);
/* The vfile behind fd, or NULL (then *err says why: EBADF or EINVAL). */
struct vfile *vfile_of(int fd, int *err);

int vnode_getattr(struct vnode *v, struct kstat *st);
int vnode_setattr(struct vnode *v, const struct vattr *a);
/* Opens v and installs a descriptor; returns the fd or -errno. */
int vfs_open_fd(struct vnode *v, int flags);
/* Fills Linux's struct stat at user pointer. */
void kstat_to_user(const struct kstat *st, void *ust);
/* Resolves a ktimespec array argument (utimensat) into a vattr. */
int times_to_vattr(const struct ktimespec *ts, struct vattr *a);
/* Drops flock state held by an open file (on close). */
void flock_release(struct vfile *vf);
