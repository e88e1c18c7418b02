/* The hvm_start_info that the PVH loader passes in %ebx. */
#include <stdint.h>
#include "plat.h"
#include "diag.h"

struct hvm_start_info {
  uint32_t magic, version, flags, nr_modules;
  uint64_t modlist_paddr, cmdline_paddr, rsdp_paddr, memmap_paddr;
  uint32_t memmap_entries, reserved;
};
struct hvm_modlist_entry { uint64_t paddr, size, cmdline_paddr, reserved; };
struct hvm_memmap_entry { uint64_t addr, size; uint32_t type, reserved; };

#define HVM_START_MAGIC 0x336ec578
#define MAX_RANGES 32

#define MAX_MODULES 8

/* Copies: the firmware may leave the start info in page 0, which is unmapped after boot. */
static struct mem_range ranges[MAX_RANGES], modules[MAX_MODULES];
static int nranges, nmodules;
static char cmdline[4096];

void pvh_parse(uint32_t phys) {
  const struct hvm_start_info *info = (const struct hvm_start_info *)(uintptr_t)phys;
  if (!info || info->magic != HVM_START_MAGIC) kpanic("no PVH start info (magic %x)", info ? info->magic : 0);
  if (info->version < 1 || !info->memmap_paddr) kpanic("PVH start info without a memory map");
  const struct hvm_memmap_entry *e = (const void *)(uintptr_t)info->memmap_paddr;
  for (uint32_t i = 0; i < info->memmap_entries && nranges < MAX_RANGES; i++) {
    /* qboot ends its map with a zero-size entry; type 1 is usable RAM */
    if (e[i].type != 1 || e[i].size == 0) continue;
    ranges[nranges++] = (struct mem_range){e[i].addr, e[i].size};
  }
  const struct hvm_modlist_entry *m = (const void *)(uintptr_t)info->modlist_paddr;
  for (uint32_t i = 0; i < info->nr_modules && nmodules < MAX_MODULES; i++)
    modules[nmodules++] = (struct mem_range){m[i].paddr, m[i].size};
  const char *c = (const char *)(uintptr_t)info->cmdline_paddr;
  for (size_t i = 0; c && c[i] && i < sizeof cmdline - 1; i++) cmdline[i] = c[i];
}

int pvh_memmap(const struct mem_range **out) {
  *out = ranges;
  return nranges;
}

const char *pvh_cmdline(void) { return cmdline; }

int pvh_module(int i, uint64_t *base, uint64_t *size) {
  if (i < 0 || i >= nmodules) return 0;
  *base = modules[i].base;
  *size = modules[i].size;
  return 1;
}
