/* /dev/fd/N and the /dev/stdin, /dev/stdout, /dev/stderr links to it.
 * Opening /dev/fd/N reopens what descriptor N refers to, as Linux's
 * /proc/self/fd links do: the same vnode for a file, the same stream (pipe
 * end, console) for anything else. */
#include "devfs-impl.h"

/* A stream behind a descriptor, seen as a vnode: it holds a reference to the file. */
struct stream { struct vnode v; struct file *f; };

static int s_getattr(struct vnode *v, struct kstat *st) {
  struct file *f = ((struct stream *)v)->f;
  struct kstat_lite l = {0};
  long r = f->ops->stat ? f->ops->stat(f, &l) : 0;
  st->mode = l.mode ? l.mode : S_IFCHR | 0600;
  st->rdev = l.rdev;
  st->size = l.size;
  return (int)r;
}
static long s_read(struct vnode *v, void *h, void *buf, size_t n, uint64_t off) {
  struct file *f = ((struct stream *)v)->f;
  return f->ops->read ? f->ops->read(f, buf, n, &f->pos) : -EINVAL;
}
static long s_write(struct vnode *v, void *h, const void *buf, size_t n, uint64_t off) {
  struct file *f = ((struct stream *)v)->f;
  return f->ops->write ? f->ops->write(f, buf, n, &f->pos) : -EINVAL;
}
static short s_poll(struct vnode *v, void *h, short events) {
  struct file *f = ((struct stream *)v)->f;
  return f->ops->poll ? f->ops->poll(f, events) : events & (POLLIN | POLLOUT);
}
static long s_ioctl(struct vnode *v, void *h, unsigned long req, unsigned long arg) {
  struct file *f = ((struct stream *)v)->f;
  return f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
}
static void s_release(struct vnode *v) {
  file_put(((struct stream *)v)->f);
  kfree(v);
}
static const struct vnode_ops stream_ops = {
  .getattr = s_getattr, .read = s_read, .write = s_write, .poll = s_poll, .ioctl = s_ioctl, .release = s_release,
};

static int parse_fd(const char *name, size_t len) {
  if (len == 0 || len > 4) return -1;
  int n = 0;
  for (size_t i = 0; i < len; i++) {
    if (name[i] < '0' || name[i] > '9') return -1;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

int fd_dir_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out) {
  int n = parse_fd(name, len);
  struct file *f = n >= 0 ? fd_get(n) : NULL;
  if (!f) return -ENOENT;
  struct vnode *v = vfs_file_vnode(f);
  if (v) {
    *out = vnode_get(v);
    return 0;
  }
  struct stream *s = kzalloc(sizeof *s);
  if (!s) return -ENOMEM;
  struct kstat_lite l = {0};
  if (f->ops->stat) f->ops->stat(f, &l);
  vnode_init(&s->v, &stream_ops, dir->mnt, l.mode ? (l.mode & S_IFMT) : S_IFCHR, l.ino);
  f->refs++;
  s->f = f;
  *out = &s->v;
  return 0;
}

/* Cookies: 0 ".", 1 "..", then 2 + descriptor number. */
int fd_dir_readdir(struct vnode *v, void *h, uint64_t *cookie, struct dirent_sink *sink) {
  static const char *const dots[2] = {".", ".."};
  for (; *cookie < 2; (*cookie)++)
    if (sink->emit(sink, dots[*cookie], *cookie + 1, v->ino, DT_OF_MODE(S_IFDIR), *cookie + 1)) return 1;
  for (uint64_t fd = *cookie - 2; fd < FD_MAX; fd++) {
    if (!fd_get((int)fd)) continue;
    char name[8];
    size_t len = 0;
    char rev[8];
    uint64_t x = fd;
    do { rev[len++] = (char)('0' + x % 10); x /= 10; } while (x);
    for (size_t i = 0; i < len; i++) name[i] = rev[len - 1 - i];
    if (sink->emit(sink, name, len, 0, DT_OF_MODE(S_IFLNK), fd + 3)) return 1;
    *cookie = fd + 3;
  }
  return 0;
}
