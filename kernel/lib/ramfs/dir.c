/* ramfs directories: entries, lookup, create, remove, rename, readdir. */
#include "ramfs-impl.h"

struct rdirent *rdir_find(struct rnode *dir, const char *name, size_t len) {
  for (struct rdirent *e = dir->first; e; e = e->next)
    if (e->len == len && kstrncmp(e->name, name, len) == 0) return e;
  return NULL;
}

/* Links n under name: counts the link and, for a directory, its ".." in dir. */
int rdir_add(struct rnode *dir, const char *name, size_t len, struct rnode *n) {
  struct rdirent *e = kzalloc(sizeof *e + len + 1);
  if (!e) return -ENOSPC;
  kmemcpy(e->name, name, len);
  e->len = len;
  e->node = n;
  e->seq = dir->next_seq++;
  if (dir->last) dir->last->next = e;
  else dir->first = e;
  dir->last = e;
  n->nlink++;
  if ((n->mode & S_IFMT) == S_IFDIR) {
    n->nlink++; /* its own "." */
    dir->nlink++;
    n->v.parent = &dir->v;
  }
  rnode_touch(dir, 1);
  return 0;
}

/* Unlinks the entry; the node goes when nothing refers to it any more. */
void rdir_remove(struct rnode *dir, struct rdirent *e) {
  struct rdirent **p = &dir->first, *prev = NULL;
  while (*p != e) { prev = *p; p = &(*p)->next; }
  *p = e->next;
  if (dir->last == e) dir->last = prev;
  struct rnode *n = e->node;
  kfree(e);
  if ((n->mode & S_IFMT) == S_IFDIR) {
    n->nlink = 0;
    dir->nlink--;
    n->v.parent = NULL;
  } else {
    n->nlink--;
    rnode_touch(n, 2);
  }
  rnode_touch(dir, 1);
  rnode_maybe_free(n);
}

int ramfs_lookup(struct vnode *dir, const char *name, size_t len, struct vnode **out) {
  struct rdirent *e = rdir_find(RNODE(dir), name, len);
  if (!e) return -ENOENT;
  *out = vnode_get(&e->node->v);
  return 0;
}

static int add_new(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct rnode **out) {
  struct rnode *d = RNODE(dir);
  if (!d->nlink) return -ENOENT; /* a removed directory */
  if (rdir_find(d, name, len)) return -EEXIST;
  struct rnode *n = rnode_new(dir->mnt, mode);
  if (!n) return -ENOSPC;
  int r = rdir_add(d, name, len, n);
  if (r < 0) { kfree(n); return r; }
  *out = n;
  return 0;
}

int ramfs_create(struct vnode *dir, const char *name, size_t len, uint32_t mode, struct vnode **out) {
  struct rnode *n;
  int r = add_new(dir, name, len, S_IFREG | (mode & S_IALLUGO), &n);
  if (r == 0) *out = vnode_get(&n->v);
  return r;
}

int ramfs_mkdir(struct vnode *dir, const char *name, size_t len, uint32_t mode) {
  struct rnode *n;
  return add_new(dir, name, len, S_IFDIR | (mode & S_IALLUGO), &n);
}

int ramfs_symlink(struct vnode *dir, const char *name, size_t len, const char *target) {
  size_t tl = kstrlen(target);
  char *copy = kzalloc(tl + 1);
  if (!copy) return -ENOSPC;
  kmemcpy(copy, target, tl);
  struct rnode *n;
  int r = add_new(dir, name, len, S_IFLNK | 0777, &n);
  if (r < 0) { kfree(copy); return r; }
  n->target = copy;
  n->size = tl;
  return 0;
}

int ramfs_link(struct vnode *dir, const char *name, size_t len, struct vnode *target) {
  struct rnode *d = RNODE(dir), *t = RNODE(target);
  if (rdir_find(d, name, len)) return -EEXIST;
  if (!t->nlink) return -ENOENT;
  int r = rdir_add(d, name, len, t);
  if (r == 0) rnode_touch(t, 2);
  return r;
}

int ramfs_unlink(struct vnode *dir, const char *name, size_t len, int rmdir) {
  struct rnode *d = RNODE(dir);
  struct rdirent *e = rdir_find(d, name, len);
  if (!e) return -ENOENT;
  int isdir = (e->node->mode & S_IFMT) == S_IFDIR;
  if (rmdir && !isdir) return -ENOTDIR;
  if (!rmdir && isdir) return -EISDIR;
  if (isdir && e->node->first) return -ENOTEMPTY;
  rdir_remove(d, e);
  return 0;
}

static int is_ancestor(struct vnode *a, struct vnode *v) {
  for (; v; v = v->parent)
    if (v == a) return 1;
  return 0;
}

/* Detaches e from dir without touching link counts. */
static void detach(struct rnode *dir, struct rdirent *e) {
  struct rdirent **p = &dir->first, *prev = NULL;
  while (*p != e) { prev = *p; p = &(*p)->next; }
  *p = e->next;
  if (dir->last == e) dir->last = prev;
}

int ramfs_rename(struct vnode *odir, const char *on, size_t ol, struct vnode *ndir, const char *nn, size_t nl, unsigned flags) {
  struct rnode *od = RNODE(odir), *nd = RNODE(ndir);
  struct rdirent *e = rdir_find(od, on, ol);
  if (!e) return -ENOENT;
  struct rnode *n = e->node;
  int isdir = (n->mode & S_IFMT) == S_IFDIR;
  if (isdir && is_ancestor(&n->v, ndir)) return -EINVAL;
  struct rdirent *d = rdir_find(nd, nn, nl);
  if (d) {
    if (flags & RENAME_NOREPLACE) return -EEXIST;
    if (d->node == n) return 0;
    int disdir = (d->node->mode & S_IFMT) == S_IFDIR;
    if (isdir && !disdir) return -ENOTDIR;
    if (!isdir && disdir) return -EISDIR;
    if (disdir && d->node->first) return -ENOTEMPTY;
  }
  if (d) rdir_remove(nd, d);
  /* Take n out of od by hand (it must not be freed), then link it anew. */
  detach(od, e);
  kfree(e);
  if (isdir) {
    od->nlink--;
    n->nlink -= 2;
  } else {
    n->nlink--;
  }
  rnode_touch(od, 1);
  int r = rdir_add(nd, nn, nl, n);
  rnode_touch(n, 2);
  if (r < 0) rnode_maybe_free(n); /* out of memory: the file is lost, as after an unlink */
  return r;
}

/* Cookies: 0/1 ".", 2 "..", then entry sequence numbers. */
int ramfs_readdir(struct vnode *v, void *h, uint64_t *cookie, struct dirent_sink *sink) {
  (void)h;
  struct rnode *d = RNODE(v);
  if (*cookie < 2) {
    if (sink->emit(sink, ".", 1, v->ino, DT_OF_MODE(S_IFDIR), 2)) return 1;
    *cookie = 2;
  }
  if (*cookie == 2) {
    struct vnode *p = v->parent ? v->parent : v;
    if (sink->emit(sink, "..", 2, p->ino, DT_OF_MODE(S_IFDIR), COOKIE_FIRST)) return 1;
    *cookie = COOKIE_FIRST;
  }
  for (struct rdirent *e = d->first; e; e = e->next) {
    if (e->seq < *cookie) continue;
    if (sink->emit(sink, e->name, e->len, e->node->v.ino, DT_OF_MODE(e->node->mode), e->seq + 1)) return 1;
    *cookie = e->seq + 1;
  }
  return 0;
}
