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

/* The file directory, read whole on first use: QEMU holds at most 32
 * files unless a machine asks for more slots. */
#define DIR_MAX 64
static struct dir_entry dir[DIR_MAX];
static uint32_t ndir, dir_read;

/* Finds name in the directory; returns its size (or -1) and its key. */
static long find(const char *name, uint16_t *key) {
  if (!dir_read) {
    if (!probe()) return -1;
    outw(SEL, KEY_DIR);
    read_next(&ndir, 4);
    ndir = __builtin_bswap32(ndir);
    if (ndir > DIR_MAX) ndir = DIR_MAX;
    read_next(dir, ndir * (uint32_t)sizeof dir[0]);
    dir_read = 1;
  }
  for (uint32_t i = 0; i < ndir; i++)
    if (!kstrncmp(dir[i].name, name, sizeof dir[i].name)) {
      *key = __builtin_bswap16(dir[i].select);
      return __builtin_bswap32(dir[i].size);
    }
  return -1;
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
