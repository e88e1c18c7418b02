/* brk: the break starts at the first page after the image and grows into
 * free pages above it (pages_alloc takes from below 1 MiB and from the top,
 * so they usually are). */
#include "kstring.h"
#include "mm-impl.h"
#include "syscall.h"

static uint64_t brk_start, brk_cur;

SYSCALL_DEFINE(brk, unsigned long addr) {
  if (!brk_start) brk_start = brk_cur = user_floor();
  uint64_t want = addr, top = PAGE_ALIGN_UP(brk_cur), new_top = PAGE_ALIGN_UP(want);
  if (want < brk_start) return (long)brk_cur;
  if (new_top > top) {
    uint64_t n = (new_top - top) / PAGE_SIZE;
    if (!pages_range_free(top / PAGE_SIZE, n)) return (long)brk_cur;
    pages_claim(top / PAGE_SIZE, n);
    kmemset((void *)top, 0, new_top - top);
  } else if (new_top < top) {
    pages_free((void *)new_top, (top - new_top) / PAGE_SIZE);
  }
  brk_cur = want;
  return (long)brk_cur;
}
