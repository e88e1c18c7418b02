/* Vnode references and the mount table. */
#include "vfs-impl.h"

static struct vnode *root;      /* the root mount's */
static struct vnode *proc_root; /* where "/" leads after chroot, NULL before */
static uint64_t next_dev = 1;

void vnode_init(struct vnode *v, const struct vnode_ops *ops, struct vfs_mount *m, uint32_t type, uint64_t ino) {
  v->ops = ops;
  v->mnt = m;
  v->type = type;
  v->ino = ino;
  v->refs = 1;
}

void vnode_put(struct vnode *v) {
  if (!v || --v->refs > 0) return;
  if (v->ops->release) v->ops->release(v);
}

struct vnode *vfs_root(void) { return proc_root ? proc_root : root; }

/* One process: chroot moves "/" for it and leaves the cwd where it was (a cwd
 * outside the new root makes getcwd fail with ENOENT, as on Linux). */
SYSCALL_DEFINE(chroot, const char *upath) {
  struct vnode *v;
  int r = lookup_user_dir(upath, &v);
  if (r < 0) return r;
  vnode_put(proc_root);
  proc_root = v;
  return 0;
}

struct vfs_mount *vfs_mount_new(const char *fstype) {
  struct vfs_mount *m = kzalloc(sizeof *m);
  if (!m) return NULL;
  m->fstype = fstype;
  m->dev = next_dev++;
  return m;
}

/* The root mount takes "/"; others cover a directory (created if missing)
 * that has nothing mounted on it yet. */
int vfs_mount_at(struct vfs_mount *m, const char *path) {
  if (!root) {
    if (kstrcmp(path, "/") != 0) return -EINVAL;
    root = vnode_get(m->root);
    if (!vfs_cwd) vfs_cwd = vnode_get(root);
    return 0;
  }
  int r = vfs_mkdir_p(path, 0755);
  if (r < 0) return r;
  struct vnode *dir;
  r = vfs_lookup(path, LOOKUP_FOLLOW, &dir);
  if (r < 0) return r;
  if (dir->type != S_IFDIR) { vnode_put(dir); return -ENOTDIR; }
  if (dir->covered || dir == root) { vnode_put(dir); return -EBUSY; }
  dir->covered = m; /* the reference in dir stays with the mount */
  m->mountpoint = dir;
  return 0;
}
