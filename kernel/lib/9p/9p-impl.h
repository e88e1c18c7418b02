/* The 9P2000.L client: one per share, one request in flight. */
#pragma once
#include "9p.h"
#include "fs-abi.h"
#include "kheap.h"
#include "kstring.h"
#include "syscall.h"
#include "vfs.h"
#include "virtio.h"

#define P9_MSIZE (32 * 1024) /* two buffers of this per share: small next to the app, big enough for SQLite pages */

struct p9client {
  struct virtio_dev *dev;
  uint32_t msize;
  uint8_t *tx, *rx;      /* msize bytes each */
  uint32_t next_fid;
  uint32_t free_fids[64];
  int nfree;
};

/* A vnode on a share holds a walked, unopened fid; each open clones it. */
struct p9node {
  struct vnode v;
  struct p9client *c;
  uint32_t fid;
};
#define P9NODE(vp) ((struct p9node *)(vp))

struct p9open { uint32_t fid; };

/* Starts a request in c->tx. */
void p9_req(struct p9client *c, struct p9buf *b, uint8_t type);
/* Sends it and parses the reply into *r: 0, or -errno from Rlerror, or -EIO. */
int p9_rpc(struct p9client *c, struct p9buf *req, struct p9buf *r);
uint32_t p9_fid_alloc(struct p9client *c);
/* Clunks fid and recycles it. */
void p9_clunk(struct p9client *c, uint32_t fid);
/* A new fid for the same file (a walk of zero names), or -errno. */
int p9_clone(struct p9client *c, uint32_t fid, uint32_t *out);
int p9_connect(struct p9client *c, struct virtio_dev *d);
int p9_attach(struct p9client *c, uint32_t fid, struct p9qid *qid);

extern const struct vnode_ops p9_ops;
struct vnode *p9_node_new(struct p9client *c, struct vfs_mount *m, uint32_t fid, const struct p9qid *qid, struct vnode *parent);
