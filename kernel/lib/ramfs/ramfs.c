/* ramfs: the operations table, attributes and new instances. */
#include "ramfs-impl.h"
#include "ramfs.h"

#define RAMFS_MAGIC 0x858458f6

static int r_getattr(struct vnode *v, struct kstat *st) {
  struct rnode *n = RNODE(v);
  st->mode = n->mode;
  st->nlink = n->nlink;
  st->uid = n->uid;
  st->gid = n->gid;
  st->size = n->size;
  st->atime = n->atime;
  st->mtime = n->mtime;
  st->ctime = n->ctime;
  if ((n->mode & S_IFMT) == S_IFDIR) st->size = 4096;
  if (n->pages)
    for (size_t i = 0; i < n->npages; i++)
      if (n->pages[i]) st->blocks += PAGE_SIZE / 512;
  return 0;
}

static int r_setattr(struct vnode *v, const struct vattr *a) {
  struct rnode *n = RNODE(v);
  if (a->mask & VA_SIZE) {
    if ((n->mode & S_IFMT) != S_IFREG) return -EINVAL;
    int r = rfile_resize(n, a->size);
    if (r < 0) return r;
    rnode_touch(n, 1);
  }
  if (a->mask & VA_MODE) n->mode = (n->mode & S_IFMT) | (a->mode & S_IALLUGO);
  if (a->mask & VA_UID) n->uid = a->uid;
  if (a->mask & VA_GID) n->gid = a->gid;
  if (a->mask & VA_ATIME) n->atime = a->atime;
  if (a->mask & VA_MTIME) n->mtime = a->mtime;
  if (a->mask & (VA_MODE | VA_UID | VA_GID | VA_ATIME | VA_MTIME)) rnode_touch(n, 2);
  return 0;
}

static long r_readlink(struct vnode *v, char *buf, size_t len) {
  struct rnode *n = RNODE(v);
  size_t tl = kstrlen(n->target);
  if (len > tl) len = tl;
  kmemcpy(buf, n->target, len);
  return (long)len;
}

static int r_statfs(struct vnode *v, struct kstatfs *st) {
  (void)v;
  st->type = RAMFS_MAGIC;
  st->bsize = PAGE_SIZE;
  st->bfree = st->bavail = st->blocks = pages_free_count();
  return 0;
}

static void r_release(struct vnode *v) { rnode_maybe_free(RNODE(v)); }

const struct vnode_ops ramfs_ops = {
  .lookup = ramfs_lookup,
  .create = ramfs_create,
  .mkdir = ramfs_mkdir,
  .symlink = ramfs_symlink,
  .link = ramfs_link,
  .unlink = ramfs_unlink,
  .rename = ramfs_rename,
  .readlink = r_readlink,
  .getattr = r_getattr,
  .setattr = r_setattr,
  .read = rfile_read,
  .write = rfile_write,
  .readdir = ramfs_readdir,
  .statfs = r_statfs,
  .release = r_release,
};

struct vfs_mount *ramfs_new(uint32_t root_mode) {
  struct vfs_mount *m = vfs_mount_new("ramfs");
  if (!m) return NULL;
  struct rnode *root = rnode_new(m, S_IFDIR | (root_mode & S_IALLUGO));
  if (!root) return NULL;
  root->nlink = 2;
  root->v.refs = 1; /* the mount's reference */
  m->root = &root->v;
  return m;
}
