/* Size-class heap on top of pages_alloc. Every block starts with a 16-byte
 * header holding its class (or its page count for big blocks), so kfree needs
 * no size. Free blocks of a class form a singly linked list. */
#include "kheap.h"
#include "kstring.h"
#include "page.h"
#include <stdint.h>

#define MIN_SHIFT 5  /* 32-byte blocks, header included */
#define MAX_SHIFT 11 /* 2048 */
#define HDR 16

struct hdr { uint64_t pages; uint32_t shift; uint32_t magic; };
#define MAGIC 0x6b686561u

static void *free_list[MAX_SHIFT + 1];

static unsigned class_of(size_t n) {
  unsigned s = MIN_SHIFT;
  while (((size_t)1 << s) < n) s++;
  return s;
}

static int refill(unsigned shift) {
  uint8_t *page = pages_alloc(1);
  if (!page) return -1;
  size_t sz = (size_t)1 << shift;
  for (size_t off = 0; off + sz <= PAGE_SIZE; off += sz) {
    *(void **)(page + off) = free_list[shift];
    free_list[shift] = page + off;
  }
  return 0;
}

void *kzalloc(size_t n) {
  size_t total = n + HDR;
  struct hdr *h;
  if (total > ((size_t)1 << MAX_SHIFT)) {
    size_t pages = PAGE_ALIGN_UP(total) / PAGE_SIZE;
    h = pages_alloc(pages); /* already zeroed */
    if (!h) return NULL;
    h->pages = pages;
    h->shift = 0;
  } else {
    unsigned s = class_of(total);
    if (!free_list[s] && refill(s) < 0) return NULL;
    h = free_list[s];
    free_list[s] = *(void **)h;
    kmemset(h, 0, (size_t)1 << s);
    h->pages = 0;
    h->shift = s;
  }
  h->magic = MAGIC;
  return (uint8_t *)h + HDR;
}

void kfree(void *p) {
  if (!p) return;
  struct hdr *h = (struct hdr *)((uint8_t *)p - HDR);
  if (h->magic != MAGIC) return; /* not ours: leak rather than corrupt */
  h->magic = 0;
  if (h->pages) {
    pages_free(h, h->pages);
    return;
  }
  *(void **)h = free_list[h->shift];
  free_list[h->shift] = h;
}
