/* Function symbols for fault reports. The image is stripped, so the build
 * links twice and puts the first link's function symbols (sorted by address)
 * in .ksyms, which is empty in the first pass. */
#include <stdint.h>
#include "ksyms.h"

struct ksym { uint64_t addr; const char *name; };
extern const struct ksym __ksyms_start[], __ksyms_end[];
extern const char __text_start[], __text_end[];

const char *ksym_lookup(unsigned long addr, unsigned long *offset) {
  if (addr < (unsigned long)__text_start || addr >= (unsigned long)__text_end) return 0;
  const struct ksym *lo = __ksyms_start, *hi = __ksyms_end, *best = 0;
  while (lo < hi) { /* last symbol at or below addr */
    const struct ksym *mid = lo + (hi - lo) / 2;
    if (mid->addr <= addr) best = mid, lo = mid + 1;
    else hi = mid;
  }
  if (!best) return 0;
  *offset = addr - best->addr;
  return best->name;
}
