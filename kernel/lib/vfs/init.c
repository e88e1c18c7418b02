/* Boot: the root ramfs, the initrd (the first PVH module) unpacked into it,
 * then /dev and the host shares. devfs and 9p have no init of their own:
 * they come with vfs (module.json requires them) and mount only once the
 * root exists. */
#include "vfs-impl.h"
#include "diag.h"
#include "page.h"
#include "plat.h"
#include "ramfs.h"

void devfs_init(void);
void p9_init(void);

void vfs_now(struct ktimespec *t) {
  uint64_t ns = clock_realtime_ns(); /* no TSC calibration for file times at boot */
  t->sec = (int64_t)(ns / 1000000000u);
  t->nsec = (int64_t)(ns % 1000000000u);
}

int vfs_write_file(const char *path, uint32_t mode, const void *data, size_t n) {
  struct vnode *dir, *v;
  const char *name;
  size_t len;
  int r = vfs_lookup_parent_at(AT_FDCWD, path, &dir, &name, &len);
  if (r < 0) return r;
  r = dir->ops->lookup ? dir->ops->lookup(dir, name, len, &v) : -ENOENT;
  if (r == -ENOENT) r = dir->ops->create ? dir->ops->create(dir, name, len, mode, &v) : -EPERM;
  vnode_put(dir);
  if (r < 0) return r;
  struct vattr a = {.mask = VA_SIZE, .size = 0};
  r = v->type != S_IFREG ? -EEXIST : vnode_setattr(v, &a);
  for (size_t done = 0; r >= 0 && done < n;) {
    long w = v->ops->write(v, NULL, (const uint8_t *)data + done, n - done, done);
    if (w <= 0) r = w < 0 ? (int)w : -ENOSPC;
    else done += (size_t)w;
  }
  vnode_put(v);
  return r < 0 ? r : 0;
}

void vfs_init(void) {
  struct vfs_mount *m = ramfs_new(0755);
  if (!m || vfs_mount_at(m, "/") < 0) kpanic("vfs: no root file system");
  vfs_mkdir("/tmp", 01777);
  uint64_t base, size;
  if (pvh_module(0, &base, &size) && size) {
    int n = vfs_unpack_cpio((const void *)(uintptr_t)base, (size_t)size);
    if (n < 0) kprintf("vfs: initrd at 0x%lx (%lu bytes) is not a newc cpio archive (error %d)\n", (unsigned long)base, (unsigned long)size, n);
    else klog("vfs: initrd unpacked, %d entries\n", n);
    /* Its contents now live in ramfs: give the archive's whole pages back. */
    uint64_t first = PAGE_ALIGN_UP(base), end = (base + size) & ~(PAGE_SIZE - 1);
    if (end > first) pages_free((void *)(uintptr_t)first, (end - first) / PAGE_SIZE);
  }
  devfs_init();
  p9_init();
}
