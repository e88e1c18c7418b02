/* File locks for one process. flock locks belong to an open file: two opens
 * of the same file conflict, as on Linux. POSIX record locks (fcntl F_SETLK)
 * belong to the process and are the fd module's (fcntl): with one process
 * they never conflict. */
#include "vfs-impl.h"

struct flock_rec {
  struct flock_rec *next;
  struct vfile *owner;
  struct vfs_mount *mnt;
  uint64_t ino;
  int exclusive;
};
static struct flock_rec *flocks;

void flock_release(struct vfile *vf) {
  for (struct flock_rec **p = &flocks; *p;) {
    if ((*p)->owner == vf) {
      struct flock_rec *dead = *p;
      *p = dead->next;
      kfree(dead);
    } else {
      p = &(*p)->next;
    }
  }
}

SYSCALL_DEFINE(flock, int fd, int op) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  int kind = op & ~LOCK_NB;
  if (kind != LOCK_SH && kind != LOCK_EX && kind != LOCK_UN) return -EINVAL;
  struct vnode *v = vfs_file_vnode(f);
  if (!v) return 0; /* pipes: nobody else to lock against */
  struct vfile *vf = f->priv;
  flock_release(vf); /* a new lock replaces the old one (conversion) */
  if (kind == LOCK_UN) return 0;
  for (struct flock_rec *r = flocks; r; r = r->next) {
    if (r->mnt == v->mnt && r->ino == v->ino && (r->exclusive || kind == LOCK_EX))
      return (op & LOCK_NB) ? -EWOULDBLOCK : -EDEADLK; /* waiting would never end: one process */
  }
  struct flock_rec *r = kzalloc(sizeof *r);
  if (!r) return -ENOLCK;
  *r = (struct flock_rec){flocks, vf, v->mnt, v->ino, kind == LOCK_EX};
  flocks = r;
  return 0;
}
