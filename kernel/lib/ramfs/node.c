/* ramfs nodes: allocation, attributes, file data. */
#include "ramfs-impl.h"

static uint64_t next_ino = 1;

struct rnode *rnode_new(struct vfs_mount *m, uint32_t mode) {
  struct rnode *n = kzalloc(sizeof *n);
  if (!n) return NULL;
  vnode_init(&n->v, &ramfs_ops, m, mode & S_IFMT, next_ino++);
  n->mode = mode;
  n->v.refs = 0; /* callers take what they hand out */
  vfs_now(&n->atime);
  n->mtime = n->ctime = n->atime;
  if ((mode & S_IFMT) == S_IFDIR) n->next_seq = COOKIE_FIRST;
  return n;
}

void rnode_touch(struct rnode *n, int what) {
  struct ktimespec now;
  vfs_now(&now);
  n->ctime = now;
  if (what == 1) n->mtime = now;
}

void rnode_maybe_free(struct rnode *n) {
  if (n->nlink || n->v.refs) return;
  if (n->pages) {
    for (size_t i = 0; i < n->npages; i++)
      if (n->pages[i]) pages_free(n->pages[i], 1);
    kfree(n->pages);
  }
  kfree(n->target);
  kfree(n);
}

static int ensure_slots(struct rnode *n, size_t want) {
  if (want <= n->npages) return 0;
  size_t cap = n->npages ? n->npages : 4;
  while (cap < want) cap *= 2;
  uint8_t **p = kzalloc(cap * sizeof *p);
  if (!p) return -ENOSPC;
  if (n->pages) kmemcpy(p, n->pages, n->npages * sizeof *p);
  kfree(n->pages);
  n->pages = p;
  n->npages = cap;
  return 0;
}

/* Shrinking frees whole pages past the end and zeroes the tail of the last
 * one, so growing later reads zeros. */
int rfile_resize(struct rnode *n, uint64_t size) {
  if (size < n->size) {
    size_t keep = (size_t)PAGE_ALIGN_UP(size) / PAGE_SIZE;
    for (size_t i = keep; i < n->npages; i++)
      if (n->pages[i]) { pages_free(n->pages[i], 1); n->pages[i] = NULL; }
    size_t tail = size % PAGE_SIZE;
    if (tail && n->pages[size / PAGE_SIZE]) kmemset(n->pages[size / PAGE_SIZE] + tail, 0, PAGE_SIZE - tail);
  } else if (ensure_slots(n, (size_t)PAGE_ALIGN_UP(size) / PAGE_SIZE) < 0) {
    return -ENOSPC;
  }
  n->size = size;
  return 0;
}

long rfile_read(struct vnode *v, void *h, void *buf, size_t len, uint64_t off) {
  (void)h;
  struct rnode *n = RNODE(v);
  if (off >= n->size) return 0;
  if (len > n->size - off) len = (size_t)(n->size - off);
  for (size_t done = 0; done < len;) {
    uint64_t at = off + done;
    size_t in = (size_t)(at % PAGE_SIZE), chunk = PAGE_SIZE - in;
    if (chunk > len - done) chunk = len - done;
    uint8_t *page = n->pages[at / PAGE_SIZE];
    if (page) kmemcpy((uint8_t *)buf + done, page + in, chunk);
    else kmemset((uint8_t *)buf + done, 0, chunk);
    done += chunk;
  }
  vfs_now(&n->atime);
  return (long)len;
}

long rfile_write(struct vnode *v, void *h, const void *buf, size_t len, uint64_t off) {
  (void)h;
  struct rnode *n = RNODE(v);
  if (off + len < off) return -EFBIG;
  if (ensure_slots(n, (size_t)PAGE_ALIGN_UP(off + len) / PAGE_SIZE) < 0) return -ENOSPC;
  size_t done = 0;
  while (done < len) {
    uint64_t at = off + done;
    size_t in = (size_t)(at % PAGE_SIZE), chunk = PAGE_SIZE - in;
    if (chunk > len - done) chunk = len - done;
    uint8_t **slot = &n->pages[at / PAGE_SIZE];
    if (!*slot && !(*slot = pages_alloc(1))) break;
    kmemcpy(*slot + in, (const uint8_t *)buf + done, chunk);
    done += chunk;
  }
  if (done == 0) return -ENOSPC;
  if (off + done > n->size) n->size = off + done;
  rnode_touch(n, 1);
  return (long)done;
}
