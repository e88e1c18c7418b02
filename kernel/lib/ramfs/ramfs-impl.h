/* ramfs internals. A node embeds its vnode; directories hold entries in
 * creation order, each with a sequence number that serves as the readdir
 * cookie, so removing entries during a listing skips nothing. File data is a
 * growable array of pages (NULL = a hole that reads as zeros).
 *
 * Lifetime: the tree holds no vnode reference. A node is freed when it has
 * no links (nlink 0) and no references (vnode refs 0). */
#pragma once
#include "fs-abi.h"
#include "kheap.h"
#include "kstring.h"
#include "page.h"
#include "syscall.h"
#include "vfs.h"

struct rdirent {
  struct rdirent *next;
  struct rnode *node;
  uint64_t seq;
  size_t len;
  char name[];
};

struct rnode {
  struct vnode v;
  uint32_t mode, uid, gid;
  uint64_t nlink, size;
  struct ktimespec atime, mtime, ctime;
  /* directories */
  struct rdirent *first, *last;
  uint64_t next_seq;
  /* regular files */
  uint8_t **pages;
  size_t npages; /* capacity of `pages` */
  /* symlinks */
  char *target;
};

#define RNODE(vp) ((struct rnode *)(vp))
#define COOKIE_FIRST 3 /* 1 = ".", 2 = "..", then entries */

extern const struct vnode_ops ramfs_ops;
struct rnode *rnode_new(struct vfs_mount *m, uint32_t mode);
void rnode_touch(struct rnode *n, int what); /* 1 = mtime+ctime, 2 = ctime only */
void rnode_maybe_free(struct rnode *n);
int rfile_resize(struct rnode *n, uint64_t size);
long rfile_read(struct vnode *v, void *h, void *buf, size_t len, uint64_t off);
long rfile_write(struct vnode *v, void *h, const void *buf, size_t len, uint64_t off);

struct rdirent *rdir_find(struct rnode *dir, const char *name, size_t len);
int rdir_add(struct rnode *dir, const char *name, size_t len, struct rnode *n);
void rdir_remove(struct rnode *dir, struct rdirent *e);

int ramfs_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out);
int ramfs_create(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct vnode **out);
int ramfs_mkdir(struct vnode *dir, const char *name, size_t len, uint32_t mode);
int ramfs_symlink(struct vnode *dir, const char *name, size_t len, const char *target);
int ramfs_link(struct vnode *dir, const char *name, size_t len, struct vnode *target);
int ramfs_unlink(struct vnode *dir, const char *name, size_t len, int rmdir);
int ramfs_rename(struct vnode *odir, const char *on, size_t ol, struct vnode *ndir, const char *nn, size_t nl, unsigned flags);
int ramfs_readdir(struct vnode *v, void *h, uint64_t *cookie, struct dirent_sink *sink);
