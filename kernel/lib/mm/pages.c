/* The page allocator: one bit per 4 KiB page of RAM (1 = in use). RAM is
 * identity-mapped, so a run of free bits is directly a usable address range.
 * pages_alloc takes runs below 1 MiB first, then from the top of RAM down,
 * leaving the RAM above the image for brk. */
#include "diag.h"
#include "kstring.h"
#include "mm-impl.h"
#include "plat.h"
#include <asm-generic/mman-common.h>

static uint64_t *used; /* (limit + 63) / 64 words, placed in RAM at boot */
static uint64_t limit;  /* one past the highest RAM page */
static size_t nfree, ntotal;
static uint64_t low_floor = PAGE_SIZE; /* above page 0 and the bitmap when it sits low */
#define LOW_PAGES (0x100000 / PAGE_SIZE)

/* Marks pages [first, end) used (use=1) or free, a word at a time, and
 * keeps nfree exact when the range overlaps pages already in that state.
 * Every bitmap update goes through here: under TCG each distinct branch
 * of boot code costs a translation, so one short loop serves them all. */
static void mark(uint64_t first, uint64_t end, int use) {
  if (end > limit) end = limit;
  while (first < end) {
    uint64_t lo = first % 64, n = end - first < 64 - lo ? end - first : 64 - lo;
    uint64_t m = (n == 64 ? ~0ULL : (1ULL << n) - 1) << lo, *w = &used[first / 64];
    uint64_t changed = use ? m & ~*w : m & *w;
    *w = use ? *w | m : *w & ~m;
    size_t c = changed == m ? n : (size_t)__builtin_popcountll(changed);
    nfree = use ? nfree - c : nfree + c;
    first += n;
  }
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
  if ((uint64_t)used < 0x100000) low_floor = (uint64_t)used + bytes;
  kmemset(used, 0xff, (limit + 63) / 64 * 8);
  for (int i = 0; i < n; i++) { /* each range: whole words cleared at once, the ends by mark */
    uint64_t first = PAGE_ALIGN_UP(r[i].base) / PAGE_SIZE, end = (r[i].base + r[i].size) / PAGE_SIZE;
    if (end > limit) end = limit;
    uint64_t a = (first + 63) & ~63ULL, b = end & ~63ULL;
    if (a >= b) a = b = end;
    mark(first, a, 0);
    kmemset(&used[a / 64], 0, (b - a) / 8);
    nfree += b - a;
    mark(b, end, 0);
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

void pages_reserve(uint64_t base, uint64_t size) { mark(base / PAGE_SIZE, PAGE_ALIGN_UP(base + size) / PAGE_SIZE, 1); }

int pages_range_free(uint64_t first, uint64_t n) {
  for (uint64_t pg = first; pg < first + n; pg++)
    if (pg >= limit || (used[pg / 64] >> (pg % 64)) & 1) return 0;
  return 1;
}

void pages_claim(uint64_t first, uint64_t n) { mark(first, first + n, 1); }

/* The first page of the highest run of n free pages below page top, or 0
 * (page 0 is never free). */
static uint64_t find_run(uint64_t top, size_t n) {
  uint64_t run = 0; /* free pages from pg up */
  for (uint64_t pg = top; pg-- > 0;) {
    uint64_t word = used[pg / 64];
    if (pg % 64 == 63 && (word == 0 || word == ~0ULL)) { /* 64 pages at once */
      run = word ? 0 : run + 64;
      pg -= 63;
    } else {
      run = (word >> (pg % 64)) & 1 ? 0 : run + 1;
    }
    if (run >= n) return pg + run - n;
  }
  return 0;
}

void *pages_alloc(size_t n) {
  if (!n || n > nfree) return 0;
  /* Below 1 MiB first: the image's 2 MiB are already backed by the host
   * (QEMU loaded it there), while a first touch of any other 2 MiB costs a
   * host page fault that clears a huge page. */
  uint64_t first = find_run(LOW_PAGES < limit ? LOW_PAGES : limit, n);
  if (!first) first = find_run(limit, n);
  if (!first) return 0;
  mark(first, first + n, 1);
  void *p = (void *)(first * PAGE_SIZE);
  kmemset(p, 0, n * PAGE_SIZE);
  return p;
}

void pages_free(void *p, size_t n) {
  uint64_t first = (uint64_t)p / PAGE_SIZE;
  paging_protect((uint64_t)p, n * PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC);
  mark(first, first + n, 0);
}

uint64_t pages_low_floor(void) { return low_floor; }
size_t pages_free_count(void) { return nfree; }
size_t pages_total_count(void) { return ntotal; }
