/* memfd_create: an anonymous RAM file, seekable and growable, that lives as
 * long as a descriptor refers to it. */
#include <linux/fcntl.h>
#include <linux/memfd.h>
#include <linux/stat.h>
#include "fd-impl.h"
#include "kstring.h"
#include "page.h"
#include "syscall.h"
#include "uaccess.h"

#define MEMFD_MAX 64

struct memfd { char *data; uint64_t size, pages; int used; };
static struct memfd pool[MEMFD_MAX];

static long grow(struct memfd *m, uint64_t size) {
  if (size <= m->pages * PAGE_SIZE) return 0;
  uint64_t pages = PAGE_ALIGN_UP(size) / PAGE_SIZE;
  if (pages < 2 * m->pages) pages = 2 * m->pages;
  char *p = pages_alloc(pages);
  if (!p) return -ENOSPC;
  if (m->data) {
    kmemcpy(p, m->data, m->size);
    pages_free(m->data, m->pages);
  }
  m->data = p, m->pages = pages;
  return 0;
}

static long mf_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  struct memfd *m = f->priv;
  if (*pos >= m->size) return 0;
  if (n > m->size - *pos) n = m->size - *pos;
  kmemcpy(buf, m->data + *pos, n);
  *pos += n;
  return (long)n;
}

static long mf_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  struct memfd *m = f->priv;
  if (f->flags & O_APPEND) *pos = m->size;
  long err = grow(m, *pos + n);
  if (err) return err;
  kmemcpy(m->data + *pos, buf, n);
  *pos += n;
  if (*pos > m->size) m->size = *pos;
  return (long)n;
}

static long mf_lseek(struct file *f, int64_t off, int whence) {
  struct memfd *m = f->priv;
  int64_t base;
  switch (whence) {
  case 0: base = 0; break;
  case 1: base = (int64_t)f->pos; break;
  case 2: base = (int64_t)m->size; break;
  case 3: case 4: /* SEEK_DATA, SEEK_HOLE: all data, one hole at the end */
    if (off < 0 || (uint64_t)off >= m->size) return -ENXIO;
    return (long)(f->pos = whence == 3 ? (uint64_t)off : m->size);
  default: return -EINVAL;
  }
  if (base + off < 0) return -EINVAL;
  return (long)(f->pos = base + off);
}

static long mf_stat(struct file *f, struct kstat_lite *st) {
  struct memfd *m = f->priv;
  st->mode = S_IFREG | 0777;
  st->size = m->size;
  st->ino = 1000 + (m - pool);
  return 0;
}

static void mf_release(struct file *f) {
  struct memfd *m = f->priv;
  if (m->data) pages_free(m->data, m->pages);
  *m = (struct memfd){0};
}

static const struct file_ops memfd_ops = {
    .read = mf_read, .write = mf_write, .lseek = mf_lseek, .stat = mf_stat, .release = mf_release,
};

SYSCALL_DEFINE(memfd_create, const char *name, unsigned flags) {
  if (flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)) return -EINVAL;
  if (user_bad(name, 1)) return -EFAULT;
  struct memfd *m = 0;
  for (int i = 0; i < MEMFD_MAX && !m; i++)
    if (!pool[i].used) m = &pool[i];
  if (!m) return -ENFILE;
  struct file *f = file_alloc(&memfd_ops, m, O_RDWR | O_LARGEFILE);
  if (!f) return -ENFILE;
  m->used = 1;
  int fd = fd_install(f, 0, (flags & MFD_CLOEXEC) != 0);
  if (fd < 0) file_put(f);
  return fd;
}
