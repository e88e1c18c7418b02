/* The initrd: a newc cpio archive ("070701", or "070702" with checksums)
 * unpacked into the root file system before main. Directories, regular files
 * and symlinks are created with their mode, owner and mtime; other entries
 * (devices, fifos) are skipped. */
#include "vfs-impl.h"

#define HDR_LEN 110

static uint32_t hex8(const char *p, int *bad) {
  uint32_t v = 0;
  for (int i = 0; i < 8; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
    else *bad = 1;
  }
  return v;
}

static size_t align4(size_t x) { return (x + 3) & ~(size_t)3; }

static int apply_attrs(const char *path, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t mtime) {
  struct vnode *v;
  int r = vfs_lookup(path, 0, &v);
  if (r < 0) return r;
  struct vattr a = {.mask = VA_UID | VA_GID | VA_MTIME | VA_ATIME, .uid = uid, .gid = gid};
  a.mtime.sec = a.atime.sec = mtime;
  if (v->type != S_IFLNK) {
    a.mask |= VA_MODE;
    a.mode = mode & S_IALLUGO;
  }
  r = vnode_setattr(v, &a);
  vnode_put(v);
  return r;
}

/* Archives made without their folders' own entries still unpack: make the parents. */
static void make_parents(char *name) {
  for (char *p = name + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    vfs_mkdir(name, 0755);
    *p = '/';
  }
}

static int unpack_one(char *name, uint32_t mode, const uint8_t *data, size_t size);

static int unpack_with_parents(char *name, uint32_t mode, const uint8_t *data, size_t size) {
  int r = unpack_one(name, mode, data, size);
  if (r != -ENOENT) return r;
  make_parents(name);
  return unpack_one(name, mode, data, size);
}

static int unpack_one(char *name, uint32_t mode, const uint8_t *data, size_t size) {
  int r;
  switch (mode & S_IFMT) {
  case S_IFDIR:
    r = vfs_mkdir(name, mode & S_IALLUGO);
    return r == -EEXIST ? 0 : r;
  case S_IFREG:
    return vfs_write_file(name, mode & S_IALLUGO, data, size);
  case S_IFLNK: {
    char *target = kzalloc(size + 1);
    if (!target) return -ENOMEM;
    kmemcpy(target, data, size);
    r = vfs_symlink(target, name);
    kfree(target);
    return r;
  }
  default:
    return 1; /* skipped */
  }
}

int vfs_unpack_cpio(const void *archive, size_t total) {
  const uint8_t *base = archive;
  size_t off = 0;
  char *name = kzalloc(PATH_MAX + 2);
  if (!name) return -ENOMEM;
  int r = 0, count = 0;
  while (off + HDR_LEN <= total) {
    const char *h = (const char *)base + off;
    if (kstrncmp(h, "07070", 5) != 0 || (h[5] != '1' && h[5] != '2')) { r = -EINVAL; break; }
    int bad = 0;
    uint32_t f[13];
    for (int i = 0; i < 13; i++) f[i] = hex8(h + 6 + 8 * i, &bad);
    uint32_t mode = f[1], uid = f[2], gid = f[3], mtime = f[5], size = f[6], namesize = f[11];
    size_t name_at = off + HDR_LEN, data_at = align4(name_at + namesize);
    if (bad || namesize == 0 || namesize > PATH_MAX || data_at + size > total) { r = -EINVAL; break; }
    const char *raw = (const char *)base + name_at;
    if (namesize == 11 && kstrncmp(raw, "TRAILER!!!", 10) == 0) {
      off = total; /* what follows is padding */
      break;
    }
    /* Names are relative to the root: "./a", "a" and "/a" all mean "/a". */
    size_t len = namesize - 1, skip = 0;
    while (skip < len && (raw[skip] == '/' || (raw[skip] == '.' && skip + 1 < len && raw[skip + 1] == '/')))
      skip += raw[skip] == '/' ? 1 : 2;
    name[0] = '/';
    kmemcpy(name + 1, raw + skip, len - skip);
    name[1 + len - skip] = 0;
    if (!(name[1] == 0 || (name[1] == '.' && name[2] == 0))) {
      int u = unpack_with_parents(name, mode, base + data_at, size);
      if (u < 0) { r = u; break; }
      if (u == 0) {
        apply_attrs(name, mode, uid, gid, mtime);
        count++;
      }
    }
    off = align4(data_at + size);
  }
  kfree(name);
  if (r == 0 && off < total) r = -EINVAL; /* a cut-off entry */
  return r < 0 ? r : count;
}
