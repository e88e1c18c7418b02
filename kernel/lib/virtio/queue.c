/* Split-virtqueue bookkeeping (virtio 1.x §2.6), usable on the host too:
 * descriptor table, then the avail ring, then the used ring on the next
 * 4 KiB boundary (the legacy layout, which also suits modern devices). */
#include "virtio.h"

/* Descriptors (16 bytes each) and the avail ring (flags, idx, ring, event). */
static size_t used_offset(uint16_t size) { return (16u * size + 6u + 2u * size + 4095u) & ~(size_t)4095; }

size_t virtq_pages(uint16_t size) { return used_offset(size) / 4096 + (6u + 8u * size + 4095u) / 4096; }

void virtq_layout(struct virtq *q, void *mem, uint16_t size) {
  q->size = size;
  q->desc = mem;
  q->avail = (volatile uint16_t *)((uint8_t *)mem + 16u * size);
  q->used = (volatile uint8_t *)mem + used_offset(size);
  q->avail_idx = 0;
  q->used_seen = 0;
}

void virtq_post(struct virtq *q, uint16_t head) {
  q->avail[2 + (q->avail_idx % q->size)] = head;
  __atomic_thread_fence(__ATOMIC_SEQ_CST); /* the entry before the index */
  q->avail_idx++;
  q->avail[1] = q->avail_idx;
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

int virtq_take(struct virtq *q, uint32_t *id, uint32_t *len) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  uint16_t idx = *(volatile uint16_t *)(q->used + 2);
  if (idx == q->used_seen) return 0;
  __atomic_thread_fence(__ATOMIC_SEQ_CST); /* the index before the entry */
  volatile uint8_t *e = q->used + 4 + 8u * (q->used_seen % q->size);
  *id = *(volatile uint32_t *)e;
  *len = *(volatile uint32_t *)(e + 4);
  q->used_seen++;
  return 1;
}
