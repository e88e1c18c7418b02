/* 9p directories: walk, create, remove, rename, readdir. */
#include "9p-impl.h"

#define DIR_OF(v) P9NODE(v)

int p9_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out) {
  struct p9client *c = DIR_OF(dir)->c;
  uint32_t nf = p9_fid_alloc(c);
  struct p9buf b, r;
  p9_req(c, &b, P9_TWALK);
  p9_put32(&b, DIR_OF(dir)->fid);
  p9_put32(&b, nf);
  p9_put16(&b, 1);
  p9_putstr(&b, name, len);
  int e = p9_rpc(c, &b, &r);
  struct p9qid q;
  if (e == 0 && p9_get16(&r) != 1) e = -ENOENT; /* a partial walk creates no fid */
  if (e == 0) p9_getqid(&r, &q);
  if (e == 0 && r.err) e = -EIO;
  if (e < 0) {
    if (c->nfree < 64) c->free_fids[c->nfree++] = nf;
    return e;
  }
  *out = p9_node_new(c, dir->mnt, nf, &q, dir);
  if (!*out) {
    p9_clunk(c, nf);
    return -ENOMEM;
  }
  return 0;
}

/* Tlcreate turns a clone of the directory fid into the new, open file; we
 * drop that and walk to the file so the vnode holds an unopened fid. */
int p9_create(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct vnode **out) {
  struct p9client *c = DIR_OF(dir)->c;
  uint32_t f;
  int e = p9_clone(c, DIR_OF(dir)->fid, &f);
  if (e < 0) return e;
  struct p9buf b, r;
  p9_req(c, &b, P9_TLCREATE);
  p9_put32(&b, f);
  p9_putstr(&b, name, len);
  p9_put32(&b, O_RDWR | O_CREAT | O_EXCL);
  p9_put32(&b, mode);
  p9_put32(&b, 0);
  e = p9_rpc(c, &b, &r);
  p9_clunk(c, f);
  return e < 0 ? e : p9_lookup(dir, name, len, out);
}

int p9_mkdir(struct vnode *dir, const char *name, size_t len, uint32_t mode) {
  struct p9client *c = DIR_OF(dir)->c;
  struct p9buf b, r;
  p9_req(c, &b, P9_TMKDIR);
  p9_put32(&b, DIR_OF(dir)->fid);
  p9_putstr(&b, name, len);
  p9_put32(&b, mode);
  p9_put32(&b, 0);
  return p9_rpc(c, &b, &r);
}

int p9_symlink(struct vnode *dir, const char *name, size_t len, const char *target) {
  struct p9client *c = DIR_OF(dir)->c;
  struct p9buf b, r;
  p9_req(c, &b, P9_TSYMLINK);
  p9_put32(&b, DIR_OF(dir)->fid);
  p9_putstr(&b, name, len);
  p9_putstr(&b, target, kstrlen(target));
  p9_put32(&b, 0);
  return p9_rpc(c, &b, &r);
}

int p9_link(struct vnode *dir, const char *name, size_t len, struct vnode *target) {
  struct p9client *c = DIR_OF(dir)->c;
  struct p9buf b, r;
  p9_req(c, &b, P9_TLINK);
  p9_put32(&b, DIR_OF(dir)->fid);
  p9_put32(&b, P9NODE(target)->fid);
  p9_putstr(&b, name, len);
  return p9_rpc(c, &b, &r);
}

int p9_unlink(struct vnode *dir, const char *name, size_t len, int rmdir) {
  struct p9client *c = DIR_OF(dir)->c;
  struct p9buf b, r;
  p9_req(c, &b, P9_TUNLINKAT);
  p9_put32(&b, DIR_OF(dir)->fid);
  p9_putstr(&b, name, len);
  p9_put32(&b, rmdir ? AT_REMOVEDIR : 0);
  return p9_rpc(c, &b, &r);
}

int p9_rename(struct vnode *od, const char *on, size_t ol, struct vnode *nd, const char *nn, size_t nl, unsigned flags) {
  struct p9client *c = DIR_OF(od)->c;
  if (flags & RENAME_NOREPLACE) { /* 9P has no flag for it: look first (one process, no race) */
    struct vnode *v;
    if (p9_lookup(nd, nn, nl, &v) == 0) {
      vnode_put(v);
      return -EEXIST;
    }
  }
  struct p9buf b, r;
  p9_req(c, &b, P9_TRENAMEAT);
  p9_put32(&b, DIR_OF(od)->fid);
  p9_putstr(&b, on, ol);
  p9_put32(&b, DIR_OF(nd)->fid);
  p9_putstr(&b, nn, nl);
  return p9_rpc(c, &b, &r);
}

/* Cookies are the server's directory offsets. Entries: qid[13] offset[8] type[1] name[s]. */
int p9_readdir(struct vnode *v, void *handle, uint64_t *cookie, struct dirent_sink *sink) {
  struct p9client *c = DIR_OF(v)->c;
  struct p9open *o = handle;
  if (!o) return -EBADF;
  for (;;) {
    struct p9buf b, r;
    p9_req(c, &b, P9_TREADDIR);
    p9_put32(&b, o->fid);
    p9_put64(&b, *cookie);
    p9_put32(&b, c->msize - P9_IOHDR);
    int e = p9_rpc(c, &b, &r);
    if (e < 0) return e;
    uint32_t count = p9_get32(&r);
    if (r.err) return -EIO;
    if (count == 0) return 0;
    size_t end = r.pos + count;
    while (r.pos < end && !r.err) {
      struct p9qid q;
      p9_getqid(&r, &q);
      uint64_t next = p9_get64(&r);
      uint8_t type = p9_get8(&r);
      const char *name;
      size_t len;
      p9_getstr(&r, &name, &len);
      if (r.err) return -EIO;
      if (sink->emit(sink, name, len, q.path, type, next)) return 1;
      *cookie = next;
    }
  }
}
