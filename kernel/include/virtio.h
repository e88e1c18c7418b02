/* virtio (kernel/lib/virtio): MMIO devices (-M microvm: from
 * virtio_mmio.device=SIZE@ADDR:IRQ entries, else its fixed slots; legacy and
 * modern register layouts) and legacy PCI devices (-M pc); one split
 * virtqueue per user, driven by polling (no interrupts). */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_9P 9
#define VIRTIO_F_VERSION_1 (1ull << 32)

struct vq_desc { uint64_t addr; uint32_t len; uint16_t flags, next; };
#define VQ_DESC_NEXT 1
#define VQ_DESC_WRITE 2

/* A split virtqueue: the driver's bookkeeping (kernel/lib/virtio/queue.c). */
struct virtq {
  uint16_t size;           /* a power of two */
  struct vq_desc *desc;
  volatile uint16_t *avail; /* flags, idx, ring[size], used_event */
  volatile uint8_t *used;   /* flags, idx, {id, len}[size], avail_event */
  uint16_t avail_idx;       /* next free slot in the avail ring (free-running) */
  uint16_t used_seen;       /* used entries consumed so far (free-running) */
};

struct virtio_dev {
  uintptr_t base;          /* MMIO registers, or 0 for a PCI device */
  uint16_t io;             /* PCI legacy I/O ports (BAR 0), or 0 for MMIO */
  unsigned irq;
  uint32_t device_id;
  int legacy;
  struct virtq q;
};

/* The i-th device of that id (0 = first) from the command line, or NULL. */
struct virtio_dev *virtio_find(uint32_t device_id, int i);
/* Reset, negotiate (the device's features & wanted), set up queue 0, DRIVER_OK.
 * 0 or -errno. */
int virtio_start(struct virtio_dev *d, uint64_t wanted, uint64_t *features);
uint8_t virtio_config8(struct virtio_dev *d, unsigned off);
/* One request on queue 0: `out` for the device to read, then `in` for it to fill. Waits
 * until the device has used it; returns how many bytes it wrote into `in`. */
long virtio_transact(struct virtio_dev *d, const void *out, size_t out_len, void *in, size_t in_len);

/* Devices with several queues (virtio-net): negotiate, set up each queue
 * (at most max_size entries; the device may fix a size), then DRIVER_OK.
 * virtio_start is these three for queue 0 in d->q. */
int virtio_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t *features);
int virtio_queue_init(struct virtio_dev *d, unsigned idx, struct virtq *q, uint16_t max_size);
void virtio_driver_ok(struct virtio_dev *d);
/* Tells the device queue idx has new buffers. */
void virtio_notify(struct virtio_dev *d, unsigned idx);
/* Clears the device's interrupt status (nothing is routed; keeps it tidy). */
void virtio_ack(struct virtio_dev *d);

/* Ring bookkeeping, shared with the host tests: lay out a queue in `mem`
 * (virtq_pages(size) pages, zeroed, 4096-aligned) for `size` entries. */
size_t virtq_pages(uint16_t size);
void virtq_layout(struct virtq *q, void *mem, uint16_t size);
/* Posts the chain starting at descriptor `head`. */
void virtq_post(struct virtq *q, uint16_t head);
/* 1 and the used entry's id and length if the device has returned one. */
int virtq_take(struct virtq *q, uint32_t *id, uint32_t *len);
