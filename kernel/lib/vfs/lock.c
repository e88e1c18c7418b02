/* File locks for one process. flock locks belong to an open file: two opens
 * of the same file conflict, as on Linux. POSIX record locks (fcntl F_SETLK)
 * belong to the process, so with one process they never conflict: they are
 * checked for validity and always granted; F_GETLK always reports F_UNLCK. */
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

/* Linux x86_64 struct flock. */
struct user_flock {
  int16_t type, whence;
  int64_t start, len;
  int32_t pid;
};

long vfs_posix_lock(struct file *f, int cmd, void *arg) {
  struct user_flock l;
  kmemcpy(&l, arg, sizeof l);
  if (l.whence != SEEK_SET && l.whence != SEEK_CUR && l.whence != SEEK_END) return -EINVAL;
  int ofd = cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
  if (ofd && l.pid != 0) return -EINVAL;
  if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
    if (l.type != F_RDLCK && l.type != F_WRLCK) return -EINVAL;
    l.type = F_UNLCK;
    kmemcpy(arg, &l, sizeof l);
    return 0;
  }
  int acc = f->flags & O_ACCMODE;
  if (l.type == F_RDLCK && acc == O_WRONLY) return -EBADF;
  if (l.type == F_WRLCK && acc == O_RDONLY) return -EBADF;
  if (l.type != F_RDLCK && l.type != F_WRLCK && l.type != F_UNLCK) return -EINVAL;
  return 0;
}
