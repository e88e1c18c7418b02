/* mmap, munmap, mprotect, madvise, mremap. Mappings are runs of
 * identity-mapped pages; protection is enforced by the page tables (PROT_NONE
 * pages are absent, pages without PROT_WRITE read-only). A file mapping is a
 * copy of the file taken at mmap time (fd_read_at). */
#include <asm-generic/mman.h>
#include <linux/mman.h>
#include "fd.h"
#include "kstring.h"
#include "mm-impl.h"
#include "syscall.h"

/* The app's memory lies in low memory (below the ISA hole at 640 KiB, above
 * page 0 and the page bitmap) or between the image and 4 GiB: pages_alloc
 * hands out both. */
static int bad_range(uint64_t addr, uint64_t len) {
  int low = addr >= pages_low_floor() && addr + len <= 0xa0000;
  return (addr & (PAGE_SIZE - 1)) || (addr < user_floor() && !low) || addr + len < addr || addr + len > (4ULL << 30);
}

SYSCALL_DEFINE(mmap, unsigned long addr, unsigned long len, int prot, int flags, int fd, long off) {
  if (!len || (off & (PAGE_SIZE - 1))) return -EINVAL;
  int is_file = !(flags & MAP_ANONYMOUS);
  if (is_file) {
    long err = fd_read_at(fd, 0, 0, 0); /* the file's own errors first, as Linux checks them */
    if (err < 0) return err;
    /* a private copy: writes to a shared writable mapping could not reach the file */
    if ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE)) return -ENODEV;
  }
  uint64_t size = PAGE_ALIGN_UP(len), n = size / PAGE_SIZE;
  if (!size) return -ENOMEM;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (bad_range(addr, size)) return (flags & MAP_FIXED) ? -EINVAL : -ENOMEM;
    if (!pages_range_free(addr / PAGE_SIZE, n)) {
      if (flags & MAP_FIXED_NOREPLACE) return -EEXIST;
      paging_protect(addr, size, PROT_READ | PROT_WRITE | PROT_EXEC);
    }
    pages_claim(addr / PAGE_SIZE, n);
    kmemset((void *)addr, 0, size);
  } else {
    void *p = pages_alloc(n);
    if (!p) return -ENOMEM;
    addr = (uint64_t)p;
  }
  if (is_file) fd_read_at(fd, (void *)addr, len, (uint64_t)off);
  if (prot != (PROT_READ | PROT_WRITE)) paging_protect(addr, size, prot);
  return (long)addr;
}

SYSCALL_DEFINE(munmap, unsigned long addr, unsigned long len) {
  if (!len || bad_range(addr, PAGE_ALIGN_UP(len))) return -EINVAL;
  pages_free((void *)addr, PAGE_ALIGN_UP(len) / PAGE_SIZE);
  return 0;
}

SYSCALL_DEFINE(mprotect, unsigned long addr, unsigned long len, int prot) {
  if (addr & (PAGE_SIZE - 1)) return -EINVAL;
  if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) return -EINVAL;
  if (!len) return 0;
  if (bad_range(addr, PAGE_ALIGN_UP(len)) || pages_range_free(addr / PAGE_SIZE, PAGE_ALIGN_UP(len) / PAGE_SIZE))
    return -ENOMEM;
  paging_protect(addr, PAGE_ALIGN_UP(len), prot & (PROT_READ | PROT_WRITE | PROT_EXEC));
  return 0;
}

SYSCALL_DEFINE(madvise, unsigned long addr, unsigned long len, int advice) {
  if (addr & (PAGE_SIZE - 1)) return -EINVAL;
  switch (advice) {
  case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
  case MADV_FREE: case MADV_DONTFORK: case MADV_DOFORK: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
  case MADV_DONTDUMP: case MADV_DODUMP:
    return 0;
  case MADV_DONTNEED: /* anonymous private memory reads back as zeros */
    if (len && !bad_range(addr, PAGE_ALIGN_UP(len)) && !pages_range_free(addr / PAGE_SIZE, PAGE_ALIGN_UP(len) / PAGE_SIZE))
      kmemset((void *)addr, 0, PAGE_ALIGN_UP(len));
    return 0;
  default:
    return -EINVAL;
  }
}

SYSCALL_DEFINE(mremap, unsigned long old, unsigned long old_len, unsigned long new_len, int flags, unsigned long new_addr) {
  (void)new_addr;
  if ((old & (PAGE_SIZE - 1)) || !new_len || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))) return -EINVAL;
  if (flags & MREMAP_FIXED) return -EINVAL; /* partial: no fixed target */
  uint64_t osz = PAGE_ALIGN_UP(old_len), nsz = PAGE_ALIGN_UP(new_len);
  if (bad_range(old, osz)) return -EFAULT;
  if (nsz <= osz) {
    if (nsz < osz) pages_free((void *)(old + nsz), (osz - nsz) / PAGE_SIZE);
    return (long)old;
  }
  uint64_t grow = (nsz - osz) / PAGE_SIZE;
  if (old + nsz <= (4ULL << 30) && pages_range_free((old + osz) / PAGE_SIZE, grow)) {
    pages_claim((old + osz) / PAGE_SIZE, grow);
    kmemset((void *)(old + osz), 0, nsz - osz);
    return (long)old;
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  /* pages_alloc hands out from the top down, so the pages just below a
   * mapping are often free: grow into them and slide the contents down
   * (a forward copy is safe when moving to lower addresses). Unlike a new
   * mapping plus a copy, old and new never need RAM at the same time. */
  if (old >= user_floor() + (nsz - osz) && pages_range_free((old - (nsz - osz)) / PAGE_SIZE, grow)) {
    uint64_t start = old - (nsz - osz);
    pages_claim(start / PAGE_SIZE, grow);
    paging_protect(old, osz, PROT_READ | PROT_WRITE | PROT_EXEC); /* as a moved mapping gets (new pages) */
    kmemcpy((void *)start, (void *)old, osz);
    kmemset((void *)(start + osz), 0, nsz - osz);
    return (long)start;
  }
  void *p = pages_alloc(nsz / PAGE_SIZE);
  if (!p) return -ENOMEM;
  kmemcpy(p, (void *)old, osz);
  pages_free((void *)old, osz / PAGE_SIZE);
  return (long)p;
}
