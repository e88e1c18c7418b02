/* QEMU fw_cfg: selector 0x510, data 0x511, DMA at 0x514 (big-endian
 * descriptor address). Files are found through the directory (key 0x19). */
#include <stdint.h>
#include "io.h"
#include "plat.h"
#include "kstring.h"

enum { SEL = 0x510, DATA = 0x511, DMA_HI = 0x514, DMA_LO = 0x518 };
enum { KEY_SIGNATURE = 0x00, KEY_ID = 0x01, KEY_DIR = 0x19 };
enum { DMA_ERROR = 1, DMA_READ = 2, DMA_SELECT = 8 };

struct dma_access { uint32_t control, length; uint64_t address; } __attribute__((packed, aligned(16)));

static int present = -1, has_dma;

static void read_bytes(void *buf, size_t n) {
  uint8_t *p = buf;
  for (size_t i = 0; i < n; i++) p[i] = inb(DATA);
}

static int probe(void) {
  if (present >= 0) return present;
  char sig[4];
  outw(SEL, KEY_SIGNATURE);
  read_bytes(sig, 4);
  present = !kstrncmp(sig, "QEMU", 4);
  if (present) {
    uint32_t id;
    outw(SEL, KEY_ID);
    read_bytes(&id, 4);
    has_dma = (id & 2) != 0;
  }
  return present;
}

/* Finds name in the directory; returns its size (or -1) and its key. */
static long lookup(const char *name, uint16_t *key) {
  if (!probe()) return -1;
  uint32_t count;
  outw(SEL, KEY_DIR);
  read_bytes(&count, 4);
  count = __builtin_bswap32(count);
  for (uint32_t i = 0; i < count; i++) {
    struct { uint32_t size; uint16_t select, reserved; char name[56]; } f;
    read_bytes(&f, sizeof f);
    if (!kstrncmp(f.name, name, sizeof f.name)) {
      *key = __builtin_bswap16(f.select);
      return __builtin_bswap32(f.size);
    }
  }
  return -1;
}

long fwcfg_file_size(const char *name) {
  uint16_t key;
  return lookup(name, &key);
}

void fwcfg_read_file(const char *name, void *buf, size_t size) {
  uint16_t key;
  if (lookup(name, &key) < 0) return;
  if (!has_dma) {
    outw(SEL, key);
    read_bytes(buf, size);
    return;
  }
  static struct dma_access d;
  d.control = __builtin_bswap32(((uint32_t)key << 16) | DMA_SELECT | DMA_READ);
  d.length = __builtin_bswap32((uint32_t)size);
  d.address = __builtin_bswap64((uint64_t)buf);
  uint64_t pa = (uint64_t)&d;
  outl(DMA_HI, __builtin_bswap32(pa >> 32));
  outl(DMA_LO, __builtin_bswap32((uint32_t)pa));
  while (__builtin_bswap32(*(volatile uint32_t *)&d.control) & ~DMA_ERROR) cpu_relax();
}
