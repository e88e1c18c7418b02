/* msync and the mlock family: memory is RAM, never swapped or written back,
 * so these only check their arguments the way Linux does. */
#include <asm-generic/mman.h>
#include "mm-impl.h"
#include "syscall.h"

/* Linux answers ENOMEM when part of the range is not mapped (the image and
 * everything else the kernel holds count as mapped: their pages are in use). */
static long check_mapped(unsigned long addr, unsigned long len) {
  uint64_t first = addr / PAGE_SIZE, end = PAGE_ALIGN_UP(addr + len) / PAGE_SIZE;
  if (addr + len < addr) return -ENOMEM;
  for (uint64_t pg = first; pg < end; pg++)
    if (pages_range_free(pg, 1)) return -ENOMEM;
  return 0;
}

SYSCALL_DEFINE(msync, unsigned long addr, unsigned long len, int flags) {
  if ((addr & (PAGE_SIZE - 1)) || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE))) return -EINVAL;
  if ((flags & MS_ASYNC) && (flags & MS_SYNC)) return -EINVAL;
  return check_mapped(addr, len);
}

SYSCALL_DEFINE(mlock, unsigned long addr, unsigned long len) { return check_mapped(addr & ~(PAGE_SIZE - 1), len + (addr & (PAGE_SIZE - 1))); }
SYSCALL_DEFINE(munlock, unsigned long addr, unsigned long len) { return check_mapped(addr & ~(PAGE_SIZE - 1), len + (addr & (PAGE_SIZE - 1))); }

SYSCALL_DEFINE(mlockall, int flags) {
  if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT) return -EINVAL;
  return 0;
}

SYSCALL_DEFINE(munlockall, void) { return 0; }
