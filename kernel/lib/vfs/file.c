/* Open files: the fd module's device interface for vnodes. */
#include "vfs-impl.h"
#include "uaccess.h"

struct vnode *vfs_cwd;
unsigned vfs_umask = 022;

static long vf_read(struct file *f, void *buf, size_t n, uint64_t *pos) {
  struct vfile *vf = f->priv;
  struct vnode *v = vf->v;
  if (vf->path_only || (f->flags & O_ACCMODE) == O_WRONLY) return -EBADF;
  if (v->type == S_IFDIR) return -EISDIR;
  if (!v->ops->read) return -EINVAL;
  long r = v->ops->read(v, vf->handle, buf, n, *pos);
  if (r > 0) *pos += (uint64_t)r;
  return r;
}

static long vf_write(struct file *f, const void *buf, size_t n, uint64_t *pos) {
  struct vfile *vf = f->priv;
  struct vnode *v = vf->v;
  if (vf->path_only || (f->flags & O_ACCMODE) == O_RDONLY) return -EBADF;
  if (!v->ops->write) return -EINVAL;
  if ((f->flags & O_APPEND) && v->type == S_IFREG) {
    struct kstat st;
    int r = vnode_getattr(v, &st);
    if (r < 0) return r;
    *pos = st.size;
  }
  if (n == 0) return 0;
  long r = v->ops->write(v, vf->handle, buf, n, *pos);
  if (r > 0) *pos += (uint64_t)r;
  return r;
}

/* Directory offsets are readdir cookies: only 0 and values seen before make sense. */
static long vf_lseek(struct file *f, int64_t off, int whence) {
  struct vfile *vf = f->priv;
  struct vnode *v = vf->v;
  if (vf->path_only) return -EBADF;
  if (v->type == S_IFCHR) return 0; /* devices ignore positions, as /dev/null does */
  int64_t base = 0;
  struct kstat st;
  if (whence == SEEK_CUR) base = (int64_t)f->pos;
  else if (whence == SEEK_END || whence == SEEK_DATA || whence == SEEK_HOLE) {
    int r = vnode_getattr(v, &st);
    if (r < 0) return r;
    if (whence == SEEK_END) base = (int64_t)st.size;
    else if (off < 0 || (uint64_t)off >= st.size) return -ENXIO;
    else if (whence == SEEK_HOLE) { base = (int64_t)st.size; off = 0; }
  } else if (whence != SEEK_SET) return -EINVAL;
  int64_t np = base + off;
  if (np < 0 || (off > 0 && np < base)) return -EINVAL;
  f->pos = (uint64_t)np;
  return np;
}

static long vf_ioctl(struct file *f, unsigned long req, unsigned long arg) {
  struct vfile *vf = f->priv;
  if (vf->v->ops->ioctl) return vf->v->ops->ioctl(vf->v, vf->handle, req, arg);
  return -ENOTTY;
}

static short vf_poll(struct file *f, short events) {
  struct vfile *vf = f->priv;
  if (vf->v->ops->poll) return vf->v->ops->poll(vf->v, vf->handle, events);
  return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

static long vf_stat(struct file *f, struct kstat_lite *out) {
  struct vfile *vf = f->priv;
  struct kstat st;
  int r = vnode_getattr(vf->v, &st);
  if (r < 0) return r;
  out->mode = st.mode;
  out->size = st.size;
  out->ino = st.ino;
  out->rdev = st.rdev;
  out->blksize = (uint32_t)st.blksize;
  out->dev = st.dev;
  out->nlink = st.nlink;
  out->blocks = st.blocks;
  out->uid = st.uid;
  out->gid = st.gid;
  out->atime = st.atime.sec;
  out->atime_ns = st.atime.nsec;
  out->mtime = st.mtime.sec;
  out->mtime_ns = st.mtime.nsec;
  out->ctime = st.ctime.sec;
  out->ctime_ns = st.ctime.nsec;
  return 0;
}

static void vf_release(struct file *f) {
  struct vfile *vf = f->priv;
  flock_release(vf);
  if (vf->v->ops->close && !vf->path_only) vf->v->ops->close(vf->v, vf->handle);
  vnode_put(vf->v);
  kfree(vf);
}

const struct file_ops vfs_file_ops = {
  .read = vf_read,
  .write = vf_write,
  .lseek = vf_lseek,
  .ioctl = vf_ioctl,
  .poll = vf_poll,
  .stat = vf_stat,
  .release = vf_release,
};

#define STATUS_FLAGS (O_ACCMODE | O_APPEND | O_NONBLOCK | O_DSYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_SYNC | O_PATH)

int vfs_open_vnode(struct vnode *v, int flags, struct file **out) {
  struct vfile *vf = kzalloc(sizeof *vf);
  if (!vf) return -ENOMEM;
  vf->v = vnode_get(v);
  vf->path_only = (flags & O_PATH) != 0;
  int r = 0;
  if (!vf->path_only && v->ops->open) r = v->ops->open(v, flags, &vf->handle);
  if (r == 0) {
    *out = file_alloc(&vfs_file_ops, vf, (flags & STATUS_FLAGS) | O_LARGEFILE);
    if (*out) return 0;
    if (v->ops->close && !vf->path_only) v->ops->close(v, vf->handle);
    r = -ENFILE;
  }
  vnode_put(v);
  kfree(vf);
  return r;
}

int vfs_open_fd(struct vnode *v, int flags) {
  struct file *f;
  int r = vfs_open_vnode(v, flags, &f);
  if (r < 0) return r;
  r = fd_install(f, 0, (flags & O_CLOEXEC) != 0);
  if (r < 0) file_put(f);
  return r;
}

struct vnode *vfs_file_vnode(struct file *f) {
  return f && f->ops == &vfs_file_ops ? ((struct vfile *)f->priv)->v : NULL;
}

struct vfile *vfile_of(int fd, int *err) {
  struct file *f = fd_get(fd);
  if (!f) { *err = -EBADF; return NULL; }
  if (f->ops != &vfs_file_ops) { *err = -EINVAL; return NULL; }
  return f->priv;
}

int dirfd_vnode(int dirfd, struct vnode **out) {
  if (dirfd == AT_FDCWD) {
    *out = vnode_get(vfs_cwd);
    return 0;
  }
  struct file *f = fd_get(dirfd);
  if (!f) return -EBADF;
  struct vnode *v = vfs_file_vnode(f);
  if (!v || v->type != S_IFDIR) return -ENOTDIR;
  *out = vnode_get(v);
  return 0;
}

int copy_path(const char *upath, char **out) {
  if (user_bad(upath, 1)) return -EFAULT;
  size_t n = 0;
  while (n < PATH_MAX && upath[n]) n++;
  if (n == PATH_MAX) return -ENAMETOOLONG;
  char *buf = kzalloc(n + 1);
  if (!buf) return -ENOMEM;
  kmemcpy(buf, upath, n);
  *out = buf;
  return 0;
}

int lookup_user_dir(const char *upath, struct vnode **out) {
  char *path;
  int r = copy_path(upath, &path);
  if (r < 0) return r;
  r = vfs_lookup(path, LOOKUP_FOLLOW, out);
  kfree(path);
  if (r < 0) return r;
  if ((*out)->type != S_IFDIR) {
    vnode_put(*out);
    return -ENOTDIR;
  }
  return 0;
}
