/* Shared by the host test programs: syscall prototypes and a CHECK macro. */
#pragma once
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <stddef.h>
#include <errno.h>
#include "fs-abi.h"
#include "vfs.h"
#include "fd.h"

#include "check.h"
#define CHECK_STR(got, want)                                                                    \
  do {                                                                                          \
    if (strcmp((got), (want)) != 0) {                                                           \
      printf("FAIL %s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, (got), (want)); \
      failures++;                                                                               \
    }                                                                                           \
  } while (0)

long host_close(int fd);
long host_read(int fd, void *buf, size_t n);
long host_write(int fd, const void *buf, size_t n);
long host_pread(int fd, void *buf, size_t n, uint64_t off);
long host_lseek(int fd, long off, int whence);
int host_dup(int fd);
extern size_t host_pages_in_use;

void vfs_init(void);
long sys_open(const char *, int, unsigned);
long sys_openat(int, const char *, int, unsigned);
long sys_creat(const char *, unsigned);
long sys_stat(const char *, void *);
long sys_lstat(const char *, void *);
long sys_newfstatat(int, const char *, void *, int);
long sys_statfs(const char *, void *);
long sys_fstatfs(int, void *);
long sys_getdents64(int, void *, size_t);
long sys_mkdir(const char *, unsigned);
long sys_mkdirat(int, const char *, unsigned);
long sys_rmdir(const char *);
long sys_unlink(const char *);
long sys_unlinkat(int, const char *, int);
long sys_rename(const char *, const char *);
long sys_renameat2(int, const char *, int, const char *, unsigned);
long sys_getcwd(char *, size_t);
long sys_chdir(const char *);
long sys_fchdir(int);
long sys_umask(unsigned);
long sys_chmod(const char *, unsigned);
long sys_fchmod(int, unsigned);
long sys_chown(const char *, unsigned, unsigned);
long sys_utimensat(int, const char *, const struct ktimespec *, int);
long sys_truncate(const char *, long);
long sys_ftruncate(int, long);
long sys_access(const char *, int);
long sys_faccessat(int, const char *, int);
long sys_symlink(const char *, const char *);
long sys_link(const char *, const char *);
long sys_readlink(const char *, char *, long);
long sys_fsync(int);
long sys_flock(int, int);

/* Linux x86_64 struct stat, as the kernel writes it. */
struct ustat {
  uint64_t dev, ino, nlink;
  uint32_t mode, uid, gid, pad0;
  uint64_t rdev;
  int64_t size, blksize, blocks;
  int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
  int64_t unused[3];
};
