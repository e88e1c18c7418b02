/* The page allocator: one bit per 4 KiB page of RAM (1 = in use). RAM is
 * identity-mapped, so a run of free bits is directly a usable address range.
 * pages_alloc takes runs from the top of RAM, leaving the bottom for brk. */
#include "diag.h"
#include "kstring.h"
#include "mm-impl.h"
#include "plat.h"
#include <asm-generic/mman-common.h>

static uint64_t *used; /* (limit + 63) / 64 words, placed in RAM at boot */
static uint64_t limit;  /* one past the highest RAM page */
static size_t nfree, ntotal;

static int is_used(uint64_t pg) { return pg >= limit || (used[pg / 64] >> (pg % 64)) & 1; }
static void set_used(uint64_t pg) { used[pg / 64] |= 1ULL << (pg % 64); }
static void set_free(uint64_t pg) { used[pg / 64] &= ~(1ULL << (pg % 64)); }

/* Frees [first, end): whole words at once where they fit. */
static void free_run(uint64_t first, uint64_t end) {
  uint64_t pg = first;
  for (; pg < end && pg % 64; pg++) nfree += is_used(pg), set_free(pg);
  for (; pg + 64 <= end; pg += 64) {
    if (used[pg / 64] != ~0ULL) break; /* overlapping ranges: bit by bit */
    used[pg / 64] = 0, nfree += 64;
  }
  for (; pg < end; pg++) nfree += is_used(pg), set_free(pg);
}

/* Where the bitmap goes: in usable RAM below 1 MiB (after page 0) if it fits
 * there, else at the top of the highest range. */
static uint64_t bitmap_place(const struct mem_range *r, int n, uint64_t bytes) {
  for (int i = 0; i < n; i++) {
    uint64_t lo = PAGE_ALIGN_UP(r[i].base < PAGE_SIZE ? PAGE_SIZE : r[i].base), hi = r[i].base + r[i].size;
    if (hi > 0x100000) hi = 0x100000;
    if (lo + bytes <= hi) return lo;
  }
  uint64_t best = 0;
  for (int i = 0; i < n; i++) {
    uint64_t hi = (r[i].base + r[i].size) & ~(PAGE_SIZE - 1);
    if (hi > (uint64_t)MAX_PAGES * PAGE_SIZE) hi = (uint64_t)MAX_PAGES * PAGE_SIZE;
    if (hi >= r[i].base + bytes && hi - bytes >= user_floor() && hi > best) best = hi;
  }
  if (!best) kpanic("no room for the page bitmap");
  return (best - bytes) & ~(PAGE_SIZE - 1);
}

void pages_init(void) {
  const struct mem_range *r;
  int n = pvh_memmap(&r);
  for (int i = 0; i < n; i++) {
    uint64_t end = (r[i].base + r[i].size) / PAGE_SIZE;
    if (end > MAX_PAGES) end = MAX_PAGES;
    if (end > limit) limit = end;
  }
  uint64_t bytes = PAGE_ALIGN_UP((limit + 63) / 64 * 8);
  used = (uint64_t *)bitmap_place(r, n, bytes);
  kmemset(used, 0xff, (limit + 63) / 64 * 8);
  for (int i = 0; i < n; i++) {
    uint64_t first = PAGE_ALIGN_UP(r[i].base) / PAGE_SIZE, end = (r[i].base + r[i].size) / PAGE_SIZE;
    if (end > limit) end = limit;
    if (first < end) free_run(first, end);
  }
  ntotal = nfree;
  /* QEMU loads an image larger than the RAM without complaint; say so
   * rather than run code that is not there */
  int fits = 0;
  for (int i = 0; i < n; i++) fits |= r[i].base <= 0x100000 && r[i].base + r[i].size >= user_floor();
  if (!fits) kpanic("RAM too small: the image needs %lu KiB above 1 MiB", (user_floor() - 0x100000) / 1024);
  /* page 0 (NULL), the image, the bitmap; the rest of low memory is free
   * once pvh_parse has copied the boot info */
  pages_reserve(0, PAGE_SIZE);
  pages_reserve(0x100000, user_floor() - 0x100000);
  pages_reserve((uint64_t)used, bytes);
  uint64_t base, size;
  for (int i = 0; pvh_module(i, &base, &size); i++) pages_reserve(base, size);
}

void pages_reserve(uint64_t base, uint64_t size) {
  uint64_t pg = base / PAGE_SIZE, end = PAGE_ALIGN_UP(base + size) / PAGE_SIZE;
  if (end > limit) end = limit;
  for (; pg < end; pg++) {
    if (pg % 64 == 0 && pg + 64 <= end && used[pg / 64] == 0) { /* 64 free pages at once */
      used[pg / 64] = ~0ULL, nfree -= 64, pg += 63;
      continue;
    }
    if (!is_used(pg)) set_used(pg), nfree--;
  }
}

int pages_range_free(uint64_t first, uint64_t n) {
  for (uint64_t pg = first; pg < first + n; pg++)
    if (is_used(pg)) return 0;
  return 1;
}

void pages_claim(uint64_t first, uint64_t n) {
  for (uint64_t pg = first; pg < first + n; pg++)
    if (!is_used(pg)) set_used(pg), nfree--;
}

void *pages_alloc(size_t n) {
  if (!n || n > nfree) return 0;
  uint64_t run = 0;
  for (uint64_t pg = limit; pg-- > 0;) {
    if (pg % 64 == 63 && used[pg / 64] == 0) { /* 64 free pages at once */
      run += 64;
      pg -= 63;
    } else if (pg % 64 == 63 && used[pg / 64] == ~0ULL) { /* 64 used pages at once */
      run = 0;
      pg -= 63;
      continue;
    } else if (is_used(pg)) {
      run = 0;
      continue;
    } else {
      run++;
    }
    if (run >= n) {
      uint64_t first = pg + run - n;
      pages_claim(first, n);
      void *p = (void *)(first * PAGE_SIZE);
      kmemset(p, 0, n * PAGE_SIZE);
      return p;
    }
  }
  return 0;
}

void pages_free(void *p, size_t n) {
  uint64_t first = (uint64_t)p / PAGE_SIZE;
  paging_protect((uint64_t)p, n * PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC);
  for (uint64_t pg = first; pg < first + n && pg < limit; pg++)
    if (is_used(pg)) set_free(pg), nfree++;
}

size_t pages_free_count(void) { return nfree; }
size_t pages_total_count(void) { return ntotal; }
