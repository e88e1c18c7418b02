/* devfs: a fixed /dev with null, zero, random, urandom and tty, the fd
 * folder (fdlink.c) and stdin/stdout/stderr links into it. The devices
 * ignore file positions, like Linux's. /dev/tty exists only when stdin is a
 * terminal (autoport.tty bit 0); otherwise opening it fails with ENXIO, as it
 * does for a process without a controlling terminal. */
#include "devfs-impl.h"
#include "plat.h"
#include "random.h"

enum { DEV_DIR, DEV_NULL, DEV_ZERO, DEV_RANDOM, DEV_URANDOM, DEV_TTY, DEV_FD, DEV_STDIN, DEV_STDOUT, DEV_STDERR, DEV_COUNT };
struct dev { const char *name; unsigned major, minor; const char *target; };
static const struct dev devs[DEV_COUNT] = {
  [DEV_NULL] = {"null", 1, 3, 0}, [DEV_ZERO] = {"zero", 1, 5, 0}, [DEV_RANDOM] = {"random", 1, 8, 0},
  [DEV_URANDOM] = {"urandom", 1, 9, 0}, [DEV_TTY] = {"tty", 5, 0, 0}, [DEV_FD] = {"fd", 0, 0, 0},
  [DEV_STDIN] = {"stdin", 0, 0, "fd/0"}, [DEV_STDOUT] = {"stdout", 0, 0, "fd/1"}, [DEV_STDERR] = {"stderr", 0, 0, "fd/2"},
};
static uint32_t type_of(int i) { return i == DEV_DIR || i == DEV_FD ? S_IFDIR : devs[i].target ? S_IFLNK : S_IFCHR; }
static struct vnode nodes[DEV_COUNT];
static struct ktimespec boot_time;

static int which(struct vnode *v) { return (int)(v - nodes); }

static int d_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out) {
  if (which(dir) == DEV_FD) return fd_dir_lookup(dir, name, len, out);
  for (int i = 1; i < DEV_COUNT; i++)
    if (kstrlen(devs[i].name) == len && kstrncmp(devs[i].name, name, len) == 0) {
      *out = vnode_get(&nodes[i]);
      return 0;
    }
  return -ENOENT;
}

static int d_getattr(struct vnode *v, struct kstat *st) {
  int i = which(v);
  uint32_t t = type_of(i);
  st->mode = t | (t == S_IFDIR ? 0755 : t == S_IFLNK ? 0777 : 0666);
  st->nlink = t == S_IFDIR ? 2 : 1;
  st->size = devs[i].target ? kstrlen(devs[i].target) : 0;
  st->blocks = 0;
  if (t == S_IFCHR) st->rdev = (devs[i].minor & 0xff) | (devs[i].major << 8);
  st->atime = st->mtime = st->ctime = boot_time;
  return 0;
}

static int d_open(struct vnode *v, int flags, void **h) {
  if (which(v) == DEV_TTY && !(boot_options.tty & 1)) return -ENXIO;
  return 0;
}

static long d_read(struct vnode *v, void *h, void *buf, size_t n, uint64_t off) {
  switch (which(v)) {
  case DEV_NULL: return 0;
  case DEV_ZERO: kmemset(buf, 0, n); return (long)n;
  case DEV_RANDOM: case DEV_URANDOM: random_fill(buf, n); return (long)n;
  case DEV_TTY: {
    struct file *in = fd_get(0);
    uint64_t pos = 0;
    return in && in->ops->read ? in->ops->read(in, buf, n, &pos) : 0;
  }
  default: return -EISDIR;
  }
}

static long d_write(struct vnode *v, void *h, const void *buf, size_t n, uint64_t off) {
  if (which(v) == DEV_TTY) serial_write(0, buf, n);
  return (long)n;
}

/* Terminal requests on /dev/tty are answered by the console behind fd 0. */
static long d_ioctl(struct vnode *v, void *h, unsigned long req, unsigned long arg) {
  struct file *in = fd_get(0);
  if (which(v) != DEV_TTY || !in || !in->ops->ioctl) return -ENOTTY;
  return in->ops->ioctl(in, req, arg);
}

static long d_readlink(struct vnode *v, char *buf, size_t n) {
  const char *t = devs[which(v)].target;
  size_t len = kstrlen(t);
  if (len > n) len = n;
  kmemcpy(buf, t, len);
  return (long)len;
}

static int d_readdir(struct vnode *v, void *h, uint64_t *cookie, struct dirent_sink *sink) {
  if (which(v) == DEV_FD) return fd_dir_readdir(v, h, cookie, sink);
  for (uint64_t c = *cookie; c <= DEV_COUNT; c++) {
    const char *name = c == 0 ? "." : c == 1 ? ".." : devs[c - 1].name;
    unsigned type = DT_OF_MODE(c < 2 ? S_IFDIR : type_of((int)c - 1));
    if (sink->emit(sink, name, kstrlen(name), c < 2 ? 1 : nodes[c - 1].ino, type, c + 1)) return 1;
    *cookie = c + 1;
  }
  return 0;
}

static int d_statfs(struct vnode *v, struct kstatfs *st) {
  st->type = 0x01021994; /* tmpfs, as devtmpfs reports */
  return 0;
}

static const struct vnode_ops devfs_ops = {
  .lookup = d_lookup, .getattr = d_getattr, .open = d_open, .read = d_read, .write = d_write,
  .ioctl = d_ioctl, .readdir = d_readdir, .statfs = d_statfs, .readlink = d_readlink,
};

void devfs_init(void) {
  struct vfs_mount *m = vfs_mount_new("devfs");
  if (!m) return;
  vfs_now(&boot_time);
  for (int i = 0; i < DEV_COUNT; i++) {
    vnode_init(&nodes[i], &devfs_ops, m, type_of(i), (uint64_t)i + 1);
    nodes[i].refs = 1 << 30; /* static: never released */
  }
  nodes[DEV_FD].parent = &nodes[DEV_DIR];
  m->root = &nodes[DEV_DIR];
  vfs_mount_at(m, "/dev");
}
