/* fstat: the device describes itself (mode, size); the rest is constant. */
#include <asm/stat.h>
#include "fd-impl.h"
#include "kstring.h"
#include "syscall.h"
#include "uaccess.h"

SYSCALL_DEFINE(fstat, int fd, struct stat *st) {
  struct file *f = fd_get(fd);
  if (!f) return -EBADF;
  if (user_bad(st, sizeof *st)) return -EFAULT;
  struct kstat_lite k = {.blksize = 4096};
  if (f->ops->stat) {
    long err = f->ops->stat(f, &k);
    if (err) return err;
  }
  kmemset(st, 0, sizeof *st);
  st->st_dev = k.dev ? k.dev : 1;
  st->st_ino = k.ino;
  st->st_nlink = k.nlink ? k.nlink : 1;
  st->st_mode = k.mode;
  st->st_uid = k.uid;
  st->st_gid = k.gid;
  st->st_rdev = k.rdev;
  st->st_size = k.size;
  st->st_blksize = k.blksize;
  st->st_blocks = k.blocks ? k.blocks : (k.size + 511) / 512;
  st->st_atime = k.atime;
  st->st_atime_nsec = k.atime_ns;
  st->st_mtime = k.mtime;
  st->st_mtime_nsec = k.mtime_ns;
  st->st_ctime = k.ctime;
  st->st_ctime_nsec = k.ctime_ns;
  return 0;
}
