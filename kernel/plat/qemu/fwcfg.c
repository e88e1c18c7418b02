/* QEMU fw_cfg: selector 0x510, data 0x511, DMA at 0x514 (big-endian
 * descriptor address). Files are found through the directory (key 0x19). */
#include <stdint.h>
#include "io.h"
#include "plat.h"
#include "kstring.h"

enum { SEL = 0x510, DATA = 0x511, DMA_HI = 0x514, DMA_LO = 0x518 };
enum { KEY_SIGNATURE = 0x00, KEY_ID = 0x01, KEY_DIR = 0x19 };
enum { DMA_ERROR = 1, DMA_READ = 2, DMA_SKIP = 4, DMA_SELECT = 8 };

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

static void dma(uint32_t control, void *buf, uint32_t len);

struct dir_entry { uint32_t size; uint16_t select, reserved; char name[56]; };

/* Reads the next n bytes of the selected item (DMA: one exit instead of n). */
static void read_next(void *buf, uint32_t n) {
  if (has_dma) dma(DMA_READ, buf, n);
  else read_bytes(buf, n);
}

/* Finds name in the directory; returns its size (or -1) and its key. */
static long lookup(const char *name, uint16_t *key) {
  if (!probe()) return -1;
  uint32_t count;
  outw(SEL, KEY_DIR);
  read_next(&count, 4);
  count = __builtin_bswap32(count);
  struct dir_entry f[16];
  for (uint32_t i = 0; i < count; i += 16) {
    uint32_t k = count - i < 16 ? count - i : 16;
    read_next(f, k * (uint32_t)sizeof f[0]);
    for (uint32_t j = 0; j < k; j++)
      if (!kstrncmp(f[j].name, name, sizeof f[j].name)) {
        *key = __builtin_bswap16(f[j].select);
        return __builtin_bswap32(f[j].size);
      }
  }
  return -1;
}

/* The last file looked up: stdin is read piece by piece. */
static char cached_name[56];
static uint16_t cached_key;
static long cached_size = -1;

static long find(const char *name, uint16_t *key) {
  if (kstrncmp(cached_name, name, sizeof cached_name)) {
    cached_size = lookup(name, &cached_key);
    size_t i = 0;
    for (; name[i] && i < sizeof cached_name - 1; i++) cached_name[i] = name[i];
    cached_name[i] = 0;
  }
  *key = cached_key;
  return cached_size;
}

long fwcfg_file_size(const char *name) {
  uint16_t key;
  return find(name, &key);
}

static void dma(uint32_t control, void *buf, uint32_t len) {
  static struct dma_access d;
  d.control = __builtin_bswap32(control);
  d.length = __builtin_bswap32(len);
  d.address = __builtin_bswap64((uint64_t)buf);
  uint64_t pa = (uint64_t)&d;
  outl(DMA_HI, __builtin_bswap32(pa >> 32));
  outl(DMA_LO, __builtin_bswap32((uint32_t)pa));
  while (__builtin_bswap32(*(volatile uint32_t *)&d.control) & ~DMA_ERROR) cpu_relax();
}

size_t fwcfg_read_at(const char *name, void *buf, size_t n, uint64_t offset) {
  uint16_t key;
  long size = find(name, &key);
  if (size < 0 || offset >= (uint64_t)size) return 0;
  if (n > (uint64_t)size - offset) n = (size_t)((uint64_t)size - offset);
  if (!has_dma) {
    outw(SEL, key);
    for (uint64_t i = 0; i < offset; i++) (void)inb(DATA);
    read_bytes(buf, n);
    return n;
  }
  /* select and skip to offset, then read; DMA needs a physical address, so
   * memory outside the identity map (the app's stack) goes through a bounce page */
  dma(((uint32_t)key << 16) | DMA_SELECT | DMA_SKIP, 0, (uint32_t)offset);
  if ((uint64_t)buf + n <= (4ULL << 30)) {
    dma(DMA_READ, buf, (uint32_t)n);
    return n;
  }
  static uint8_t bounce[4096] __attribute__((aligned(16)));
  for (size_t done = 0; done < n;) {
    size_t k = n - done < sizeof bounce ? n - done : sizeof bounce;
    dma(DMA_READ, bounce, (uint32_t)k);
    kmemcpy((char *)buf + done, bounce, k);
    done += k;
  }
  return n;
}

void fwcfg_read_file(const char *name, void *buf, size_t size) { fwcfg_read_at(name, buf, size, 0); }
