/* Path lookup: components, "..", mount crossings and symlinks (at most 40
 * per lookup, as Linux). ".." at a mount's root continues from the
 * directory it covers, so paths behave as one tree. */
#include "vfs-impl.h"

#define MAX_LINKS 40

struct walk { int links; };

static struct vnode *cross_down(struct vnode *v) {
  while (v->covered) {
    struct vnode *r = vnode_get(v->covered->root);
    vnode_put(v);
    v = r;
  }
  return v;
}

static struct vnode *dotdot(struct vnode *v) {
  struct vnode *root = vfs_root();
  if (v == root) return vnode_get(v);
  while (v == v->mnt->root && v->mnt->mountpoint) v = v->mnt->mountpoint;
  if (v == root || !v->parent) return vnode_get(v);
  return cross_down(vnode_get(v->parent));
}

static int walk(struct walk *w, struct vnode *start, const char *path, int follow_last, struct vnode **out);

/* Replaces the symlink `link` (found in dir) by what it points to. */
static int follow(struct walk *w, struct vnode *dir, struct vnode *link, struct vnode **out) {
  if (++w->links > MAX_LINKS) return -ELOOP;
  if (!link->ops->readlink) return -EINVAL;
  char *buf = kzalloc(PATH_MAX);
  if (!buf) return -ENOMEM;
  long n = link->ops->readlink(link, buf, PATH_MAX - 1);
  int r = n < 0 ? (int)n : n == 0 ? -ENOENT : walk(w, dir, buf, 1, out);
  kfree(buf);
  return r;
}

static int walk(struct walk *w, struct vnode *start, const char *path, int follow_last, struct vnode **out) {
  struct vnode *cur = vnode_get(path[0] == '/' ? vfs_root() : start);
  const char *p = path;
  int r = 0;
  for (;;) {
    while (*p == '/') p++;
    if (!*p) break;
    const char *name = p;
    while (*p && *p != '/') p++;
    size_t len = (size_t)(p - name);
    const char *q = p;
    while (*q == '/') q++;
    int last = !*q, slash_after = *p == '/';
    if (cur->type != S_IFDIR) { r = -ENOTDIR; break; }
    if (len > NAME_MAX) { r = -ENAMETOOLONG; break; }
    if (len == 1 && name[0] == '.') continue;
    if (len == 2 && name[0] == '.' && name[1] == '.') {
      struct vnode *up = dotdot(cur);
      vnode_put(cur);
      cur = up;
      continue;
    }
    struct vnode *next;
    if (!cur->ops->lookup) { r = -ENOENT; break; }
    r = cur->ops->lookup(cur, name, len, &next);
    if (r < 0) break;
    next = cross_down(next);
    if (next->type == S_IFLNK && (!last || follow_last || slash_after)) {
      struct vnode *target;
      r = follow(w, cur, next, &target);
      vnode_put(next);
      if (r < 0) break;
      next = target;
    }
    vnode_put(cur);
    cur = next;
  }
  if (r == 0 && path[0] && path[kstrlen(path) - 1] == '/' && cur->type != S_IFDIR) r = -ENOTDIR;
  if (r < 0) {
    vnode_put(cur);
    return r;
  }
  *out = cur;
  return 0;
}

int vfs_lookup_at(int dirfd, const char *path, int flags, struct vnode **out) {
  if (!path[0]) return -ENOENT;
  struct vnode *start;
  int r = path[0] == '/' ? 0 : dirfd_vnode(dirfd, &start);
  if (r < 0) return r;
  if (path[0] == '/') start = vnode_get(vfs_root());
  struct walk w = {0};
  r = walk(&w, start, path, flags & LOOKUP_FOLLOW, out);
  vnode_put(start);
  return r;
}

int vfs_lookup(const char *path, int flags, struct vnode **out) { return vfs_lookup_at(AT_FDCWD, path, flags, out); }

/* Splits at the last component: "a/b//" gives dir "a", name "b" (len 1). */
int vfs_lookup_parent_at(int dirfd, const char *path, struct vnode **dir, const char **name, size_t *len) {
  if (!path[0]) return -ENOENT;
  size_t end = kstrlen(path);
  while (end > 0 && path[end - 1] == '/') end--;
  size_t begin = end;
  while (begin > 0 && path[begin - 1] != '/') begin--;
  *name = path + begin;
  *len = end - begin;
  if (*len > NAME_MAX) return -ENAMETOOLONG;
  if (begin == 0) {
    if (end == 0) { /* "/" or "//": the root itself, empty name */
      *dir = vnode_get(vfs_root());
      return 0;
    }
    return dirfd_vnode(dirfd, dir);
  }
  char *head = kzalloc(begin + 1);
  if (!head) return -ENOMEM;
  kmemcpy(head, path, begin);
  int r = vfs_lookup_at(dirfd, head, LOOKUP_FOLLOW, dir);
  kfree(head);
  if (r == 0 && (*dir)->type != S_IFDIR) {
    vnode_put(*dir);
    r = -ENOTDIR;
  }
  return r;
}
