/* virtio over PCI, the legacy I/O-port interface (virtio 1.x §4.1.4.8),
 * which QEMU's transitional devices (virtio-9p-pci on -M pc) offer in BAR 0.
 * Configuration mechanism #1 (ports 0xcf8/0xcfc), bus 0 only. */
#include "io.h"
#include "page.h"
#include "syscall.h"
#include "virtio-impl.h"

#define DEV_FEATURES 0x00
#define DRV_FEATURES 0x04
#define QUEUE_PFN 0x08
#define QUEUE_SIZE 0x0c
#define QUEUE_SEL 0x0e
#define QUEUE_NOTIFY 0x10
#define STATUS 0x12
#define ISR 0x13
#define CONFIG 0x14 /* without MSI-X */

static inline uint16_t inw(uint16_t port) { uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static uint32_t pci_read(unsigned dev, unsigned off) {
  outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
  return inl(0xcfc);
}
static void pci_write(unsigned dev, unsigned off, uint32_t v) {
  outl(0xcf8, 0x80000000u | dev << 11 | (off & 0xfc));
  outl(0xcfc, v);
}

void virtio_pci_scan(struct virtio_dev *devs, int *n, int max) {
  for (unsigned dev = 0; dev < 32 && *n < max; dev++) {
    uint32_t id = pci_read(dev, 0x00);
    if ((id & 0xffff) != 0x1af4 || (id >> 16) < 0x1000 || (id >> 16) > 0x103f) continue; /* transitional ids */
    uint32_t bar0 = pci_read(dev, 0x10);
    if (!(bar0 & 1)) continue; /* no legacy I/O interface */
    pci_write(dev, 0x04, pci_read(dev, 0x04) | 0x5); /* I/O space and bus mastering */
    struct virtio_dev *d = &devs[(*n)++];
    d->io = (uint16_t)(bar0 & ~3u);
    d->device_id = pci_read(dev, 0x2c) >> 16; /* subsystem id = the virtio device type */
    d->legacy = 1;
  }
}

uint8_t virtio_pci_config8(struct virtio_dev *d, unsigned off) { return inb((uint16_t)(d->io + CONFIG + off)); }

int virtio_pci_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t *features) {
  outb(d->io + STATUS, 0);
  outb(d->io + STATUS, 1);     /* ACKNOWLEDGE */
  outb(d->io + STATUS, 1 | 2); /* DRIVER */
  uint32_t use = inl(d->io + DEV_FEATURES) & (uint32_t)wanted;
  outl(d->io + DRV_FEATURES, use);
  if (features) *features = use;
  return 0;
}

/* The legacy interface fixes each queue's size: max_size cannot shrink it. */
int virtio_pci_queue_init(struct virtio_dev *d, unsigned idx, struct virtq *q, uint16_t max_size) {
  outw(d->io + QUEUE_SEL, (uint16_t)idx);
  uint16_t size = inw(d->io + QUEUE_SIZE);
  if (size == 0 || size > 1024 || (size & (size - 1))) { outb(d->io + STATUS, 128); return -EIO; }
  void *mem = pages_alloc(virtq_pages(size));
  if (!mem) return -ENOMEM;
  virtq_layout(q, mem, size);
  outl(d->io + QUEUE_PFN, (uint32_t)((uintptr_t)mem / PAGE_SIZE));
  return 0;
}

void virtio_pci_driver_ok(struct virtio_dev *d) { outb(d->io + STATUS, 1 | 2 | 4); }
void virtio_pci_notify(struct virtio_dev *d, unsigned idx) { outw(d->io + QUEUE_NOTIFY, (uint16_t)idx); }
void virtio_pci_ack(struct virtio_dev *d) { (void)inb(d->io + ISR); /* reading clears it */ }
