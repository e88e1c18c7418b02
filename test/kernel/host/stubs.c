/* Host stand-ins for the kernel core, so vfs/ramfs/devfs/pipe/9p logic runs
 * as an ordinary Linux program: pages from the C heap, a tiny fd table with
 * the same semantics as kernel/include/fd.h, a fixed clock. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fd.h"
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "diag.h"

void *kmemcpy(void *d, const void *s, size_t n) { return memmove(d, s, n); }
void *kmemset(void *d, int c, size_t n) { return memset(d, c, n); }
size_t kstrlen(const char *s) { return strlen(s); }
int kstrncmp(const char *a, const char *b, size_t n) { return strncmp(a, b, n); }
int kstrcmp(const char *a, const char *b) { return strcmp(a, b); }
unsigned long kstrtoul(const char *s, const char **end) {
  char *e;
  unsigned long v = strtoul(s, &e, 0);
  if (end) *end = e;
  return v;
}

size_t host_pages_in_use;
void *pages_alloc(size_t n) {
  void *p = aligned_alloc(PAGE_SIZE, n * PAGE_SIZE);
  if (p) { memset(p, 0, n * PAGE_SIZE); host_pages_in_use += n; }
  return p;
}
void pages_free(void *p, size_t n) { free(p); host_pages_in_use -= n; }
size_t pages_free_count(void) { return 1000; }

uint64_t clock_monotonic_ns(void) { return 5000000000ull; }
uint64_t clock_realtime_boot_ns(void) { return 1700000000ull * 1000000000ull; }
uint64_t clock_realtime_ns(void) { return clock_realtime_boot_ns() + clock_monotonic_ns(); }
const char *host_cmdline = "";
const char *pvh_cmdline(void) { return host_cmdline; }
int pvh_module(int i, uint64_t *base, uint64_t *size) { (void)i, (void)base, (void)size; return 0; }
struct boot_options boot_options;

void diag_write(const char *s, unsigned long n) { fwrite(s, 1, n, stderr); }
void diag_puts(const char *s) { fputs(s, stderr); }
void kprintf(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap); }
void kpanic(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap); abort(); }

static struct file *table[FD_MAX];
struct file *file_alloc(const struct file_ops *ops, void *priv, int flags) {
  struct file *f = calloc(1, sizeof *f);
  f->ops = ops; f->priv = priv; f->flags = flags; f->refs = 1;
  return f;
}
int fd_install(struct file *f, int minfd, int cloexec) {
  (void)cloexec;
  for (int i = minfd; i < FD_MAX; i++)
    if (!table[i]) { table[i] = f; return i; }
  return -24;
}
struct file *fd_get(int fd) { return fd >= 0 && fd < FD_MAX ? table[fd] : NULL; }
void file_put(struct file *f) {
  if (--f->refs > 0) return;
  if (f->ops->release) f->ops->release(f);
  free(f);
}
/* The fd module's close, read, write and lseek, enough to drive the tests. */
long host_close(int fd) {
  struct file *f = fd_get(fd);
  if (!f) return -9;
  table[fd] = NULL;
  file_put(f);
  return 0;
}
long host_read(int fd, void *buf, size_t n) {
  struct file *f = fd_get(fd);
  if (!f) return -9;
  return f->ops->read ? f->ops->read(f, buf, n, &f->pos) : -22;
}
long host_write(int fd, const void *buf, size_t n) {
  struct file *f = fd_get(fd);
  if (!f) return -9;
  return f->ops->write ? f->ops->write(f, buf, n, &f->pos) : -22;
}
long host_pread(int fd, void *buf, size_t n, uint64_t off) {
  struct file *f = fd_get(fd);
  return f->ops->read(f, buf, n, &off);
}
long host_lseek(int fd, long off, int whence) {
  struct file *f = fd_get(fd);
  if (!f) return -9;
  if (!f->ops->lseek) return -29;
  long r = f->ops->lseek(f, off, whence);
  if (r >= 0) f->pos = (uint64_t)r;
  return r;
}
int host_dup(int fd) {
  struct file *f = fd_get(fd);
  f->refs++;
  return fd_install(f, 0, 0);
}
/* vfs_init mounts these; the host tests have no /dev and no virtio. */
void devfs_init(void) {}
void p9_init(void) {}
