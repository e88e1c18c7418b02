/* Host tests of vfs + ramfs: the syscall handlers called directly. */
#include "host.h"
#include <stdlib.h>

int failures;

static long make_file(const char *path, const char *text) {
  long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0) return fd;
  host_write((int)fd, text, strlen(text));
  return host_close((int)fd);
}

static void read_all(const char *path, char *out, size_t n) {
  long fd = sys_open(path, O_RDONLY, 0);
  long r = fd < 0 ? fd : host_read((int)fd, out, n - 1);
  out[r < 0 ? 0 : r] = 0;
  if (fd >= 0) host_close((int)fd);
}

/* Names in a directory, sorted "a b c", without . and .. */
static void list(const char *path, char *out) {
  long fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0);
  char buf[256], names[64][64];
  int count = 0;
  long n;
  while ((n = sys_getdents64((int)fd, buf, sizeof buf)) > 0) {
    for (long off = 0; off < n;) {
      uint16_t rec;
      memcpy(&rec, buf + off + 16, 2);
      const char *name = buf + off + 19;
      if (strcmp(name, ".") && strcmp(name, "..")) snprintf(names[count++], 64, "%s", name);
      off += rec;
    }
  }
  qsort(names, (size_t)count, 64, (int (*)(const void *, const void *))strcmp);
  out[0] = 0;
  for (int i = 0; i < count; i++) { if (i) strcat(out, " "); strcat(out, names[i]); }
  host_close((int)fd);
}

static void files(void) {
  char buf[128];
  struct ustat st;
  CHECK(make_file("/a.txt", "hello"), 0);
  read_all("/a.txt", buf, sizeof buf);
  CHECK_STR(buf, "hello");
  CHECK(sys_stat("/a.txt", &st), 0);
  CHECK(st.size, 5);
  CHECK(st.mode, S_IFREG | 0644);
  CHECK(st.nlink, 1);
  CHECK(sys_open("/a.txt", O_CREAT | O_EXCL | O_RDWR, 0644), -EEXIST);
  CHECK(sys_open("/missing", O_RDONLY, 0), -ENOENT);
  CHECK(sys_open("/a.txt/", O_RDONLY, 0), -ENOTDIR);
  CHECK(sys_open("/nodir/x", O_CREAT | O_RDWR, 0644), -ENOENT);
  CHECK(sys_open("/", O_RDWR, 0), -EISDIR);
  long fd = sys_open("/a.txt", O_RDWR | O_APPEND, 0);
  CHECK(host_write((int)fd, " world", 6), 6);
  CHECK(host_lseek((int)fd, 0, SEEK_END), 11);
  CHECK(host_lseek((int)fd, -1, SEEK_SET), -EINVAL);
  CHECK(host_pread((int)fd, buf, 5, 6), 5);
  buf[5] = 0;
  CHECK_STR(buf, "world");
  CHECK(sys_ftruncate((int)fd, 8192 + 3), 0);
  CHECK(host_pread((int)fd, buf, 4, 8192), 3);
  CHECK(buf[0] | buf[1] | buf[2], 0);
  CHECK(sys_ftruncate((int)fd, 2), 0);
  CHECK(sys_ftruncate((int)fd, 6), 0);
  CHECK(host_pread((int)fd, buf, 10, 0), 6);
  CHECK(memcmp(buf, "he\0\0\0\0", 6), 0);
  CHECK(sys_ftruncate((int)fd, -1), -EINVAL);
  host_close((int)fd);
  fd = sys_open("/a.txt", O_RDONLY, 0);
  CHECK(sys_ftruncate((int)fd, 0), -EINVAL);
  CHECK(host_write((int)fd, "x", 1) < 0, 1);
  host_close((int)fd);
  CHECK(sys_truncate("/a.txt", 1), 0);
  CHECK(sys_stat("/a.txt", &st), 0);
  CHECK(st.size, 1);
  CHECK(sys_truncate("/", 1), -EISDIR);
  CHECK(sys_unlink("/a.txt"), 0);
  CHECK(sys_unlink("/a.txt"), -ENOENT);
  /* An unlinked file stays readable through an open descriptor. */
  make_file("/b", "keep");
  fd = sys_open("/b", O_RDONLY, 0);
  CHECK(sys_unlink("/b"), 0);
  CHECK(host_read((int)fd, buf, sizeof buf), 4);
  host_close((int)fd);
  /* creat and umask */
  CHECK(sys_umask(077), 022);
  fd = sys_creat("/c", 0666);
  CHECK(fd >= 0, 1);
  host_close((int)fd);
  CHECK(sys_stat("/c", &st), 0);
  CHECK(st.mode & 0777, 0600);
  CHECK(sys_umask(022), 077);
  CHECK(sys_chmod("/c", 0751), 0);
  CHECK(sys_stat("/c", &st), 0);
  CHECK(st.mode, S_IFREG | 0751);
  CHECK(sys_chmod("/nope", 0751), -ENOENT);
  CHECK(sys_chown("/c", 12, (unsigned)-1), 0);
  CHECK(sys_stat("/c", &st), 0);
  CHECK(st.uid, 12);
  CHECK(st.gid, 0);
  struct ktimespec ts[2] = {{100, 5}, {200, UTIME_OMIT}};
  CHECK(sys_utimensat(AT_FDCWD, "/c", ts, 0), 0);
  CHECK(sys_stat("/c", &st), 0);
  CHECK(st.atime, 100);
  CHECK(st.atime_ns, 5);
  ts[1].nsec = 2000000000;
  CHECK(sys_utimensat(AT_FDCWD, "/c", ts, 0), -EINVAL);
  CHECK(sys_access("/c", R_OK | W_OK | X_OK), 0);
  CHECK(sys_chmod("/c", 0644), 0);
  CHECK(sys_access("/c", X_OK), -EACCES);
  CHECK(sys_access("/c", 8), -EINVAL);
  CHECK(sys_access("/zz", F_OK), -ENOENT);
  CHECK(sys_unlink("/c"), 0);
}

static void dirs(void) {
  char buf[256];
  CHECK(sys_mkdir("/d", 0755), 0);
  CHECK(sys_mkdir("/d", 0755), -EEXIST);
  CHECK(sys_mkdir("/d/e/f", 0755), -ENOENT);
  CHECK(sys_mkdir("/d/e/", 0755), 0);
  CHECK(make_file("/d/e/f", "F"), 0);
  CHECK(sys_rmdir("/d/e"), -ENOTEMPTY);
  CHECK(sys_rmdir("/d/e/f"), -ENOTDIR);
  CHECK(sys_unlink("/d/e"), -EISDIR);
  CHECK(sys_rmdir("/d/."), -EINVAL);
  CHECK(sys_rmdir("/"), -EBUSY);
  list("/d/e", buf);
  CHECK_STR(buf, "f");
  CHECK(sys_chdir("/d/e"), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 5);
  CHECK_STR(buf, "/d/e");
  CHECK(sys_getcwd(buf, 4), -ERANGE);
  read_all("f", buf, sizeof buf);
  CHECK_STR(buf, "F");
  read_all("../e/./f", buf, sizeof buf);
  CHECK_STR(buf, "F");
  read_all("../../../../d/e/f", buf, sizeof buf);
  CHECK_STR(buf, "F");
  /* rename a directory above the cwd: getcwd follows */
  CHECK(sys_rename("/d", "/dd"), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 6);
  CHECK_STR(buf, "/dd/e");
  CHECK(sys_rename("/dd", "/dd/e/inside"), -EINVAL);
  CHECK(sys_chdir("/dd/e/f"), -ENOTDIR);
  CHECK(sys_chdir(".."), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 4);
  CHECK_STR(buf, "/dd");
  CHECK(sys_chdir("/"), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 2);
  CHECK_STR(buf, "/");
  /* rename over files and directories */
  make_file("/r1", "one");
  make_file("/r2", "two");
  CHECK(sys_rename("/r1", "/r2"), 0);
  read_all("/r2", buf, sizeof buf);
  CHECK_STR(buf, "one");
  CHECK(sys_rename("/r1", "/r2"), -ENOENT);
  CHECK(sys_renameat2(AT_FDCWD, "/r2", AT_FDCWD, "/dd/e/f", RENAME_NOREPLACE), -EEXIST);
  CHECK(sys_rename("/r2", "/dd"), -EISDIR);
  CHECK(sys_rename("/dd", "/r2"), -ENOTDIR);
  CHECK(sys_mkdir("/empty", 0700), 0);
  CHECK(sys_rename("/dd/e", "/empty"), 0);
  read_all("/empty/f", buf, sizeof buf);
  CHECK_STR(buf, "F");
  struct ustat st;
  CHECK(sys_stat("/dd", &st), 0);
  CHECK(st.nlink, 2);
  CHECK(sys_stat("/", &st), 0);
  CHECK(st.nlink, 5); /* ., .., tmp, dd, empty */
  /* *at calls relative to a directory descriptor */
  long dfd = sys_open("/empty", O_RDONLY | O_DIRECTORY, 0);
  CHECK(sys_mkdirat((int)dfd, "sub", 0755), 0);
  CHECK(sys_newfstatat((int)dfd, "sub", &st, 0), 0);
  CHECK(st.mode, S_IFDIR | 0755);
  CHECK(sys_newfstatat((int)dfd, "", &st, AT_EMPTY_PATH), 0);
  CHECK(st.mode & S_IFMT, S_IFDIR);
  CHECK(sys_newfstatat((int)dfd, "sub", &st, 0x8000), -EINVAL);
  CHECK(sys_unlinkat((int)dfd, "sub", AT_REMOVEDIR), 0);
  CHECK(sys_unlinkat((int)dfd, "f", 0), 0);
  CHECK(sys_unlinkat(99, "f", 0), -EBADF);
  long ffd = sys_open("/r2", O_RDONLY, 0);
  CHECK(sys_unlinkat((int)ffd, "x", 0), -ENOTDIR);
  CHECK(sys_fchdir((int)dfd), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 7);
  CHECK(sys_fchdir((int)ffd), -ENOTDIR);
  sys_chdir("/");
  host_close((int)ffd);
  host_close((int)dfd);
  /* removing entries while listing skips nothing */
  sys_mkdir("/many", 0755);
  for (int i = 0; i < 40; i++) {
    char p[64];
    snprintf(p, sizeof p, "/many/file-with-a-long-name-%02d", i);
    make_file(p, "x");
  }
  long mfd = sys_open("/many", O_RDONLY | O_DIRECTORY, 0);
  int removed = 0;
  long n;
  char dents[200];
  while ((n = sys_getdents64((int)mfd, dents, sizeof dents)) > 0) {
    for (long off = 0; off < n;) {
      uint16_t rec;
      memcpy(&rec, dents + off + 16, 2);
      char p[300];
      snprintf(p, sizeof p, "/many/%s", dents + off + 19);
      if (dents[off + 18] == 8 && sys_unlink(p) == 0) removed++;
      off += rec;
    }
  }
  CHECK(removed, 40);
  CHECK(sys_getdents64((int)mfd, dents, 10), 0);
  host_lseek((int)mfd, 0, SEEK_SET);
  CHECK(sys_getdents64((int)mfd, dents, 10), -EINVAL);
  host_close((int)mfd);
  CHECK(sys_rmdir("/many"), 0);
  CHECK(sys_getdents64(0, dents, sizeof dents), -EBADF);
}

static void links(void) {
  char buf[128];
  struct ustat st;
  make_file("/t", "target");
  CHECK(sys_symlink("/t", "/l"), 0);
  CHECK(sys_symlink("/t", "/l"), -EEXIST);
  read_all("/l", buf, sizeof buf);
  CHECK_STR(buf, "target");
  CHECK(sys_lstat("/l", &st), 0);
  CHECK(st.mode & S_IFMT, S_IFLNK);
  CHECK(st.size, 2);
  CHECK(sys_readlink("/l", buf, sizeof buf), 2);
  CHECK(memcmp(buf, "/t", 2), 0);
  CHECK(sys_readlink("/t", buf, sizeof buf), -EINVAL);
  CHECK(sys_open("/l", O_RDONLY | O_NOFOLLOW, 0), -ELOOP);
  CHECK(sys_symlink("loop2", "/loop1"), 0);
  CHECK(sys_symlink("loop1", "/loop2"), 0);
  CHECK(sys_stat("/loop1", &st), -ELOOP);
  CHECK(sys_symlink("dd", "/reldir"), 0);
  make_file("/dd/in", "in");
  read_all("/reldir/in", buf, sizeof buf);
  CHECK_STR(buf, "in");
  CHECK(sys_chdir("/reldir"), 0);
  CHECK(sys_getcwd(buf, sizeof buf), 4);
  CHECK_STR(buf, "/dd");
  sys_chdir("/");
  CHECK(sys_symlink("/nowhere", "/dangling"), 0);
  CHECK(sys_stat("/dangling", &st), -ENOENT);
  CHECK(sys_link("/t", "/hard"), 0);
  CHECK(sys_stat("/t", &st), 0);
  CHECK(st.nlink, 2);
  CHECK(sys_unlink("/t"), 0);
  read_all("/hard", buf, sizeof buf);
  CHECK_STR(buf, "target");
  CHECK(sys_link("/dd", "/dd2"), -EPERM);
  CHECK(sys_link("/none", "/x"), -ENOENT);
}

static void locks(void) {
  make_file("/lk", "");
  long a = sys_open("/lk", O_RDWR, 0), b = sys_open("/lk", O_RDONLY, 0);
  CHECK(sys_flock((int)a, LOCK_EX | LOCK_NB), 0);
  CHECK(sys_flock((int)b, LOCK_SH | LOCK_NB), -EWOULDBLOCK);
  int c = host_dup((int)a);
  CHECK(sys_flock(c, LOCK_EX | LOCK_NB), 0); /* same open file */
  CHECK(sys_flock((int)a, LOCK_UN), 0);
  CHECK(sys_flock((int)b, LOCK_SH | LOCK_NB), 0);
  CHECK(sys_flock((int)b, 99), -EINVAL);
  CHECK(sys_flock(77, LOCK_SH), -EBADF);
  host_close((int)b);
  CHECK(sys_flock((int)a, LOCK_EX | LOCK_NB), 0);
  host_close((int)a);
  host_close(c);
}

static void statfs_and_sync(void) {
  char buf[120];
  CHECK(sys_statfs("/", buf), 0);
  CHECK(*(int64_t *)buf, 0x858458f6);
  CHECK(sys_statfs("/none", buf), -ENOENT);
  long fd = sys_open("/dd/in", O_RDWR, 0);
  CHECK(sys_fsync((int)fd), 0);
  CHECK(sys_fstatfs((int)fd, buf), 0);
  host_close((int)fd);
  CHECK(sys_fsync(55), -EBADF);
}

/* newc cpio entries, built by hand. */
static size_t cpio_entry(char *out, const char *name, unsigned mode, const char *data) {
  size_t nlen = strlen(name) + 1, dlen = strlen(data);
  int n = sprintf(out, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", 1u, mode, 7u, 8u, 1u,
                  1234567u, (unsigned)dlen, 0u, 0u, 0u, 0u, (unsigned)nlen, 0u);
  memcpy(out + n, name, nlen);
  size_t at = ((size_t)n + nlen + 3) & ~(size_t)3;
  memset(out + n + nlen, 0, at - (size_t)n - nlen);
  memcpy(out + at, data, dlen);
  size_t end = (at + dlen + 3) & ~(size_t)3;
  memset(out + at + dlen, 0, end - at - dlen);
  return end;
}

static void initrd(void) {
  static char a[4096];
  char buf[64];
  size_t n = 0;
  n += cpio_entry(a + n, ".", S_IFDIR | 0755, "");
  n += cpio_entry(a + n, "./etc", S_IFDIR | 0700, "");
  n += cpio_entry(a + n, "./etc/motd", S_IFREG | 0600, "from cpio\n");
  n += cpio_entry(a + n, "deep/er/file", S_IFREG | 0644, "parents made\n");
  n += cpio_entry(a + n, "/etc/link", S_IFLNK | 0777, "motd");
  n += cpio_entry(a + n, "TRAILER!!!", 0, "");
  CHECK(vfs_unpack_cpio(a, n), 4);
  read_all("/etc/link", buf, sizeof buf);
  CHECK_STR(buf, "from cpio\n");
  read_all("/deep/er/file", buf, sizeof buf);
  CHECK_STR(buf, "parents made\n");
  struct ustat st;
  CHECK(sys_stat("/etc", &st), 0);
  CHECK(st.mode, S_IFDIR | 0700);
  CHECK(sys_stat("/etc/motd", &st), 0);
  CHECK(st.mode, S_IFREG | 0600);
  CHECK(st.uid, 7);
  CHECK(st.gid, 8);
  CHECK(st.mtime, 1234567);
  CHECK(vfs_mkdir_p("/deep/er/still/deeper", 0700), 0);
  CHECK(sys_stat("/deep/er/still/deeper", &st), 0);
  CHECK(st.mode, S_IFDIR | 0700);
  CHECK(vfs_mkdir_p("/etc/motd/x", 0700), -ENOTDIR);
  CHECK(vfs_unpack_cpio(a, 200), -EINVAL); /* cut inside the second header */
  a[0] = 'X';
  CHECK(vfs_unpack_cpio(a, n), -EINVAL);
}

int main(int argc, char **argv) {
  (void)argc, (void)argv;
  vfs_init();
  files();
  dirs();
  links();
  locks();
  statfs_and_sync();
  initrd();
  printf("%s (%d failures)\n", failures ? "FAILED" : "ok", failures);
  return failures != 0;
}
