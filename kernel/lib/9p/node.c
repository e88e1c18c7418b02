/* 9p vnodes: lifetime, attributes, open files, reads and writes. */
#include "9p-impl.h"

static uint32_t type_of_qid(const struct p9qid *q) {
  return (q->type & P9_QTDIR) ? S_IFDIR : (q->type & P9_QTSYMLINK) ? S_IFLNK : S_IFREG;
}

/* Directories keep their parent (for ".." and getcwd); the node takes fid. */
struct vnode *p9_node_new(struct p9client *c, struct vfs_mount *m, uint32_t fid, const struct p9qid *qid, struct vnode *parent) {
  struct p9node *n = kzalloc(sizeof *n);
  if (!n) return NULL;
  vnode_init(&n->v, &p9_ops, m, type_of_qid(qid), qid->path);
  n->c = c;
  n->fid = fid;
  if (parent && n->v.type == S_IFDIR) n->v.parent = vnode_get(parent);
  return &n->v;
}

static void p_release(struct vnode *v) {
  struct p9node *n = P9NODE(v);
  p9_clunk(n->c, n->fid);
  if (v->parent) vnode_put(v->parent);
  kfree(n);
}

static int p_getattr(struct vnode *v, struct kstat *st) {
  struct p9node *n = P9NODE(v);
  struct p9buf b, r;
  p9_req(n->c, &b, P9_TGETATTR);
  p9_put32(&b, n->fid);
  p9_put64(&b, 0x7ff); /* P9_GETATTR_BASIC */
  int e = p9_rpc(n->c, &b, &r);
  if (e < 0) return e;
  struct p9qid q;
  p9_get64(&r); /* valid */
  p9_getqid(&r, &q);
  st->mode = p9_get32(&r);
  st->uid = p9_get32(&r);
  st->gid = p9_get32(&r);
  st->nlink = p9_get64(&r);
  st->rdev = p9_get64(&r);
  st->size = p9_get64(&r);
  st->blksize = p9_get64(&r);
  st->blocks = p9_get64(&r);
  st->atime.sec = (int64_t)p9_get64(&r);
  st->atime.nsec = (int64_t)p9_get64(&r);
  st->mtime.sec = (int64_t)p9_get64(&r);
  st->mtime.nsec = (int64_t)p9_get64(&r);
  st->ctime.sec = (int64_t)p9_get64(&r);
  st->ctime.nsec = (int64_t)p9_get64(&r);
  st->ino = q.path;
  return r.err ? -EIO : 0;
}

static int p_setattr(struct vnode *v, const struct vattr *a) {
  struct p9node *n = P9NODE(v);
  uint32_t valid = 0;
  if (a->mask & VA_MODE) valid |= 0x1;
  if (a->mask & VA_UID) valid |= 0x2;
  if (a->mask & VA_GID) valid |= 0x4;
  if (a->mask & VA_SIZE) valid |= 0x8;
  if (a->mask & VA_ATIME) valid |= 0x10 | 0x80; /* ATIME | ATIME_SET: the given time */
  if (a->mask & VA_MTIME) valid |= 0x20 | 0x100;
  struct p9buf b, r;
  p9_req(n->c, &b, P9_TSETATTR);
  p9_put32(&b, n->fid);
  p9_put32(&b, valid);
  p9_put32(&b, a->mode);
  p9_put32(&b, a->uid);
  p9_put32(&b, a->gid);
  p9_put64(&b, a->size);
  p9_put64(&b, (uint64_t)a->atime.sec);
  p9_put64(&b, (uint64_t)a->atime.nsec);
  p9_put64(&b, (uint64_t)a->mtime.sec);
  p9_put64(&b, (uint64_t)a->mtime.nsec);
  return p9_rpc(n->c, &b, &r);
}

static int p_open(struct vnode *v, int flags, void **handle) {
  struct p9node *n = P9NODE(v);
  struct p9open *o = kzalloc(sizeof *o);
  if (!o) return -ENOMEM;
  int e = p9_clone(n->c, n->fid, &o->fid);
  if (e == 0) {
    struct p9buf b, r;
    p9_req(n->c, &b, P9_TLOPEN);
    p9_put32(&b, o->fid);
    p9_put32(&b, (uint32_t)(flags & (O_ACCMODE | O_DIRECTORY)));
    e = p9_rpc(n->c, &b, &r);
    if (e < 0) p9_clunk(n->c, o->fid);
  }
  if (e < 0) {
    kfree(o);
    return e;
  }
  *handle = o;
  return 0;
}

static void p_close(struct vnode *v, void *handle) {
  struct p9open *o = handle;
  if (!o) return;
  p9_clunk(P9NODE(v)->c, o->fid);
  kfree(o);
}

static long p_read(struct vnode *v, void *handle, void *buf, size_t len, uint64_t off) {
  struct p9node *n = P9NODE(v);
  struct p9open *o = handle;
  if (!o) return -EBADF;
  size_t done = 0;
  while (done < len) {
    size_t chunk = len - done;
    if (chunk > n->c->msize - P9_IOHDR) chunk = n->c->msize - P9_IOHDR;
    struct p9buf b, r;
    p9_req(n->c, &b, P9_TREAD);
    p9_put32(&b, o->fid);
    p9_put64(&b, off + done);
    p9_put32(&b, (uint32_t)chunk);
    int e = p9_rpc(n->c, &b, &r);
    if (e < 0) return done ? (long)done : e;
    uint32_t got = p9_get32(&r);
    const uint8_t *data = p9_getbytes(&r, got);
    if (!data || got > chunk) return done ? (long)done : -EIO;
    kmemcpy((uint8_t *)buf + done, data, got);
    done += got;
    if (got < chunk) break;
  }
  return (long)done;
}

static long p_write(struct vnode *v, void *handle, const void *buf, size_t len, uint64_t off) {
  struct p9node *n = P9NODE(v);
  struct p9open *o = handle;
  if (!o) return -EBADF;
  size_t done = 0;
  while (done < len) {
    size_t chunk = len - done;
    if (chunk > n->c->msize - P9_IOHDR) chunk = n->c->msize - P9_IOHDR;
    struct p9buf b, r;
    p9_req(n->c, &b, P9_TWRITE);
    p9_put32(&b, o->fid);
    p9_put64(&b, off + done);
    p9_put32(&b, (uint32_t)chunk);
    p9_putbytes(&b, (const uint8_t *)buf + done, chunk);
    int e = p9_rpc(n->c, &b, &r);
    if (e < 0) return done ? (long)done : e;
    uint32_t put = p9_get32(&r);
    if (r.err || put > chunk) return done ? (long)done : -EIO;
    done += put;
    if (put < chunk) break;
  }
  return (long)done;
}

static int p_fsync(struct vnode *v, void *handle, int datasync) {
  struct p9node *n = P9NODE(v);
  struct p9open *o = handle;
  struct p9buf b, r;
  p9_req(n->c, &b, P9_TFSYNC);
  p9_put32(&b, o ? o->fid : n->fid);
  p9_put32(&b, (uint32_t)datasync);
  return p9_rpc(n->c, &b, &r);
}

static int p_statfs(struct vnode *v, struct kstatfs *st) {
  struct p9node *n = P9NODE(v);
  struct p9buf b, r;
  p9_req(n->c, &b, P9_TSTATFS);
  p9_put32(&b, n->fid);
  int e = p9_rpc(n->c, &b, &r);
  if (e < 0) return e;
  p9_get32(&r); /* the host file system's type: report v9fs, as Linux does */
  st->type = 0x01021997;
  st->bsize = p9_get32(&r);
  st->blocks = p9_get64(&r);
  st->bfree = p9_get64(&r);
  st->bavail = p9_get64(&r);
  st->files = p9_get64(&r);
  st->ffree = p9_get64(&r);
  p9_get64(&r); /* fsid */
  st->namelen = p9_get32(&r);
  st->frsize = st->bsize;
  return r.err ? -EIO : 0;
}

static long p_readlink(struct vnode *v, char *buf, size_t len) {
  struct p9node *n = P9NODE(v);
  struct p9buf b, r;
  p9_req(n->c, &b, P9_TREADLINK);
  p9_put32(&b, n->fid);
  int e = p9_rpc(n->c, &b, &r);
  if (e < 0) return e;
  const char *s;
  size_t sl;
  p9_getstr(&r, &s, &sl);
  if (r.err) return -EIO;
  if (sl > len) sl = len;
  kmemcpy(buf, s, sl);
  return (long)sl;
}

int p9_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out);
int p9_create(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct vnode **out);
int p9_mkdir(struct vnode *dir, const char *name, size_t len, uint32_t mode);
int p9_symlink(struct vnode *dir, const char *name, size_t len, const char *target);
int p9_link(struct vnode *dir, const char *name, size_t len, struct vnode *target);
int p9_unlink(struct vnode *dir, const char *name, size_t len, int rmdir);
int p9_rename(struct vnode *od, const char *on, size_t ol, struct vnode *nd, const char *nn, size_t nl, unsigned flags);
int p9_readdir(struct vnode *v, void *handle, uint64_t *cookie, struct dirent_sink *sink);

const struct vnode_ops p9_ops = {
  .lookup = p9_lookup, .create = p9_create, .mkdir = p9_mkdir, .symlink = p9_symlink, .link = p9_link,
  .unlink = p9_unlink, .rename = p9_rename, .readlink = p_readlink, .getattr = p_getattr, .setattr = p_setattr,
  .open = p_open, .close = p_close, .read = p_read, .write = p_write, .readdir = p9_readdir, .fsync = p_fsync,
  .statfs = p_statfs, .release = p_release,
};
