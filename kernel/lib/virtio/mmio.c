/* virtio-mmio transport (virtio 1.x §4.2): discovery from the command line,
 * feature negotiation, queue setup and polled requests; PCI devices
 * (pci.c) are found here too and take their own paths. */
#include "diag.h"
#include "io.h"
#include "kstring.h"
#include "page.h"
#include "plat.h"
#include "syscall.h"
#include "virtio-impl.h"

#define MAGIC 0x000
#define VERSION 0x004
#define DEVICE_ID 0x008
#define DEV_FEATURES 0x010
#define DEV_FEATURES_SEL 0x014
#define DRV_FEATURES 0x020
#define DRV_FEATURES_SEL 0x024
#define GUEST_PAGE_SIZE 0x028
#define QUEUE_SEL 0x030
#define QUEUE_NUM_MAX 0x034
#define QUEUE_NUM 0x038
#define QUEUE_ALIGN 0x03c
#define QUEUE_PFN 0x040
#define QUEUE_READY 0x044
#define QUEUE_NOTIFY 0x050
#define INTERRUPT_STATUS 0x060
#define INTERRUPT_ACK 0x064
#define STATUS 0x070
#define QUEUE_DESC 0x080
#define QUEUE_DRIVER 0x090
#define QUEUE_DEVICE 0x0a0
#define CONFIG 0x100

#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define S_FAILED 128

#define MAX_DEVS 8
#define QUEUE_SIZE 8

static struct virtio_dev devs[MAX_DEVS];
static int ndevs = -1;

static uint32_t rd(struct virtio_dev *d, unsigned off) { return *(volatile uint32_t *)(d->base + off); }
static void wr(struct virtio_dev *d, unsigned off, uint32_t v) { *(volatile uint32_t *)(d->base + off) = v; }

/* QEMU's microvm appends the virtio_mmio.device= entries to the command line
 * it keeps in fw_cfg (FW_CFG_CMDLINE_SIZE/DATA); the PVH start info carries
 * only the -append text, so read fw_cfg's copy. */
#define FW_CFG_CMDLINE_SIZE 0x14
#define FW_CFG_CMDLINE_DATA 0x15
static char fw_cmdline[2048];

static const char *full_cmdline(void) {
  outw(0x510, FW_CFG_CMDLINE_SIZE);
  uint32_t size = 0;
  for (int i = 0; i < 4; i++) size |= (uint32_t)inb(0x511) << (8 * i);
  if (size == 0 || size >= sizeof fw_cmdline) return pvh_cmdline();
  outw(0x510, FW_CFG_CMDLINE_DATA);
  for (uint32_t i = 0; i < size; i++) fw_cmdline[i] = (char)inb(0x511);
  fw_cmdline[size] = 0;
  return fw_cmdline;
}

/* virtio_mmio.device=SIZE@ADDR:IRQ, SIZE with an optional K/M suffix. */
static void add_dev(uintptr_t base, unsigned irq) {
  struct virtio_dev *d = &devs[ndevs];
  d->base = base;
  d->irq = irq;
  if (rd(d, MAGIC) == 0x74726976 && rd(d, DEVICE_ID) != 0) {
    d->device_id = rd(d, DEVICE_ID);
    d->legacy = rd(d, VERSION) == 1;
    ndevs++;
  }
}

/* With ACPI on (microvm's default) QEMU lists the devices in the DSDT instead
 * of the command line; their slots are fixed: 24 transports of 512 bytes
 * from 0xfeb00000, IRQs from 5 (QEMU's hw/i386/microvm.h). */
#define MICROVM_MMIO_BASE 0xfeb00000u
#define MICROVM_MMIO_SLOTS 24
static void probe_microvm(void) {
  for (unsigned i = 0; i < MICROVM_MMIO_SLOTS && ndevs < MAX_DEVS; i++) add_dev(MICROVM_MMIO_BASE + 512u * i, 5 + i);
}

static void scan_cmdline(void) {
  ndevs = 0;
  const char *key = "virtio_mmio.device=";
  size_t klen = kstrlen(key);
  for (const char *s = full_cmdline(); *s && ndevs < MAX_DEVS;) {
    while (*s == ' ') s++;
    if (!kstrncmp(s, key, klen)) {
      const char *p = s + klen, *end;
      kstrtoul(p, &end);
      while (*end && *end != '@' && *end != ' ') end++;
      if (*end == '@') {
        uintptr_t base = kstrtoul(end + 1, &end);
        unsigned irq = *end == ':' ? (unsigned)kstrtoul(end + 1, &end) : 0;
        add_dev(base, irq);
      }
    }
    while (*s && *s != ' ') s++;
  }
  if (ndevs == 0) probe_microvm();
  virtio_pci_scan(devs, &ndevs, MAX_DEVS);
}

struct virtio_dev *virtio_find(uint32_t device_id, int i) {
  if (ndevs < 0) scan_cmdline();
  for (int k = 0; k < ndevs; k++)
    if (devs[k].device_id == device_id && i-- == 0) return &devs[k];
  return NULL;
}

uint8_t virtio_config8(struct virtio_dev *d, unsigned off) {
  if (d->io) return virtio_pci_config8(d, off);
  return *(volatile uint8_t *)(d->base + CONFIG + off);
}

int virtio_negotiate(struct virtio_dev *d, uint64_t wanted, uint64_t *features) {
  if (d->io) return virtio_pci_negotiate(d, wanted, features);
  wr(d, STATUS, 0);
  wr(d, STATUS, S_ACK);
  wr(d, STATUS, S_ACK | S_DRIVER);
  wr(d, DEV_FEATURES_SEL, 0);
  uint64_t have = rd(d, DEV_FEATURES);
  wr(d, DEV_FEATURES_SEL, 1);
  have |= (uint64_t)rd(d, DEV_FEATURES) << 32;
  uint64_t use = have & (wanted | (d->legacy ? 0 : VIRTIO_F_VERSION_1));
  wr(d, DRV_FEATURES_SEL, 0);
  wr(d, DRV_FEATURES, (uint32_t)use);
  wr(d, DRV_FEATURES_SEL, 1);
  wr(d, DRV_FEATURES, (uint32_t)(use >> 32));
  if (!d->legacy) {
    wr(d, STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
    if (!(rd(d, STATUS) & S_FEATURES_OK)) { wr(d, STATUS, S_FAILED); return -EIO; }
  }
  if (features) *features = use;
  return 0;
}

int virtio_queue_init(struct virtio_dev *d, unsigned idx, struct virtq *q, uint16_t max_size) {
  if (d->io) return virtio_pci_queue_init(d, idx, q, max_size);
  wr(d, QUEUE_SEL, idx);
  uint32_t max = rd(d, QUEUE_NUM_MAX);
  if (max == 0) { wr(d, STATUS, S_FAILED); return -EIO; }
  uint16_t size = max < max_size ? (uint16_t)max : max_size;
  void *mem = pages_alloc(virtq_pages(size));
  if (!mem) return -ENOMEM;
  virtq_layout(q, mem, size);
  wr(d, QUEUE_NUM, size);
  if (d->legacy) {
    wr(d, GUEST_PAGE_SIZE, PAGE_SIZE);
    wr(d, QUEUE_ALIGN, PAGE_SIZE);
    wr(d, QUEUE_PFN, (uint32_t)((uintptr_t)mem / PAGE_SIZE));
  } else {
    uint64_t desc = (uintptr_t)q->desc, avail = (uintptr_t)q->avail, used = (uintptr_t)q->used;
    wr(d, QUEUE_DESC, (uint32_t)desc);
    wr(d, QUEUE_DESC + 4, (uint32_t)(desc >> 32));
    wr(d, QUEUE_DRIVER, (uint32_t)avail);
    wr(d, QUEUE_DRIVER + 4, (uint32_t)(avail >> 32));
    wr(d, QUEUE_DEVICE, (uint32_t)used);
    wr(d, QUEUE_DEVICE + 4, (uint32_t)(used >> 32));
    wr(d, QUEUE_READY, 1);
  }
  return 0;
}

void virtio_driver_ok(struct virtio_dev *d) {
  if (d->io) virtio_pci_driver_ok(d);
  else wr(d, STATUS, rd(d, STATUS) | S_DRIVER_OK);
}

void virtio_notify(struct virtio_dev *d, unsigned idx) {
  if (d->io) virtio_pci_notify(d, idx);
  else wr(d, QUEUE_NOTIFY, idx);
}

void virtio_ack(struct virtio_dev *d) {
  if (d->io) {
    virtio_pci_ack(d);
  } else {
    uint32_t isr = rd(d, INTERRUPT_STATUS);
    if (isr) wr(d, INTERRUPT_ACK, isr);
  }
}

int virtio_start(struct virtio_dev *d, uint64_t wanted, uint64_t *features) {
  int e = virtio_negotiate(d, wanted, features);
  if (!e) e = virtio_queue_init(d, 0, &d->q, QUEUE_SIZE);
  if (e) return e;
  virtio_driver_ok(d);
  return 0;
}

/* One request in flight at a time, so descriptors 0 and 1 are always free. */
long virtio_transact(struct virtio_dev *d, const void *out, size_t out_len, void *in, size_t in_len) {
  struct virtq *q = &d->q;
  q->desc[0] = (struct vq_desc){(uintptr_t)out, (uint32_t)out_len, VQ_DESC_NEXT, 1};
  q->desc[1] = (struct vq_desc){(uintptr_t)in, (uint32_t)in_len, VQ_DESC_WRITE, 0};
  virtq_post(q, 0);
  virtio_notify(d, 0);
  uint32_t id, len;
  while (!virtq_take(q, &id, &len)) __asm__ volatile("pause");
  virtio_ack(d);
  return (long)len;
}
