/* 9P requests over virtio: version, attach, fids, and the round trip. */
#include "9p-impl.h"
#include "page.h"

void p9_req(struct p9client *c, struct p9buf *b, uint8_t type) { p9_begin(b, c->tx, c->msize, type, 1); }

int p9_rpc(struct p9client *c, struct p9buf *req, struct p9buf *r) {
  if (req->err) return -ENAMETOOLONG; /* the only way a request overflows: huge names */
  uint8_t want = req->data[4] + 1;
  size_t n = p9_finish(req);
  long got = virtio_transact(c->dev, c->tx, n, c->rx, c->msize);
  uint16_t tag;
  int type = p9_open_reply(r, c->rx, got > 0 ? (size_t)got : 0, &tag);
  if (type == P9_RLERROR) {
    uint32_t e = p9_get32(r);
    return r->err || e == 0 ? -EIO : -(int)e;
  }
  return type == want ? 0 : -EIO;
}

uint32_t p9_fid_alloc(struct p9client *c) { return c->nfree ? c->free_fids[--c->nfree] : c->next_fid++; }

void p9_clunk(struct p9client *c, uint32_t fid) {
  struct p9buf b, r;
  p9_req(c, &b, P9_TCLUNK);
  p9_put32(&b, fid);
  p9_rpc(c, &b, &r); /* the fid is gone even if the server complains */
  if (c->nfree < (int)(sizeof c->free_fids / sizeof c->free_fids[0])) c->free_fids[c->nfree++] = fid;
}

int p9_clone(struct p9client *c, uint32_t fid, uint32_t *out) {
  struct p9buf b, r;
  uint32_t nf = p9_fid_alloc(c);
  p9_req(c, &b, P9_TWALK);
  p9_put32(&b, fid);
  p9_put32(&b, nf);
  p9_put16(&b, 0);
  int e = p9_rpc(c, &b, &r);
  if (e < 0) {
    if (c->nfree < 64) c->free_fids[c->nfree++] = nf;
    return e;
  }
  *out = nf;
  return 0;
}

int p9_connect(struct p9client *c, struct virtio_dev *d) {
  c->dev = d;
  c->msize = P9_MSIZE;
  c->next_fid = 1;
  c->tx = pages_alloc(P9_MSIZE / PAGE_SIZE);
  c->rx = pages_alloc(P9_MSIZE / PAGE_SIZE);
  if (!c->tx || !c->rx) return -ENOMEM;
  struct p9buf b, r;
  p9_begin(&b, c->tx, c->msize, P9_TVERSION, P9_NOTAG);
  p9_put32(&b, P9_MSIZE);
  p9_putstr(&b, "9P2000.L", 8);
  int e = p9_rpc(c, &b, &r);
  if (e < 0) return e;
  uint32_t msize = p9_get32(&r);
  const char *v;
  size_t vlen;
  p9_getstr(&r, &v, &vlen);
  if (r.err || vlen != 8 || kstrncmp(v, "9P2000.L", 8) != 0 || msize < 4096) return -EPROTO;
  if (msize < c->msize) c->msize = msize;
  return 0;
}

int p9_attach(struct p9client *c, uint32_t fid, struct p9qid *qid) {
  struct p9buf b, r;
  p9_req(c, &b, P9_TATTACH);
  p9_put32(&b, fid);
  p9_put32(&b, P9_NOFID);
  p9_putstr(&b, "root", 4);
  p9_putstr(&b, "", 0);
  p9_put32(&b, 0); /* n_uname: uid 0, the app's uid */
  int e = p9_rpc(c, &b, &r);
  if (e == 0) p9_getqid(&r, qid);
  return e;
}
