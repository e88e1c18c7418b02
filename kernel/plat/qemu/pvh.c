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

static const struct hvm_start_info *info;
static struct mem_range ranges[MAX_RANGES];
static int nranges;

void pvh_parse(uint32_t phys) {
  info = (const struct hvm_start_info *)(uintptr_t)phys;
  if (!info || info->magic != HVM_START_MAGIC) kpanic("no PVH start info (magic %x)", info ? info->magic : 0);
  if (info->version < 1 || !info->memmap_paddr) kpanic("PVH start info without a memory map");
  const struct hvm_memmap_entry *e = (const void *)(uintptr_t)info->memmap_paddr;
  for (uint32_t i = 0; i < info->memmap_entries && nranges < MAX_RANGES; i++) {
    /* qboot ends its map with a zero-size entry; type 1 is usable RAM */
    if (e[i].type != 1 || e[i].size == 0) continue;
    ranges[nranges++] = (struct mem_range){e[i].addr, e[i].size};
  }
}

int pvh_memmap(const struct mem_range **out) {
  *out = ranges;
  return nranges;
}

const char *pvh_cmdline(void) {
  return info->cmdline_paddr ? (const char *)(uintptr_t)info->cmdline_paddr : "";
}

int pvh_module(int i, uint64_t *base, uint64_t *size) {
  if (i < 0 || (uint32_t)i >= info->nr_modules) return 0;
  const struct hvm_modlist_entry *m = (const void *)(uintptr_t)info->modlist_paddr;
  *base = m[i].paddr;
  *size = m[i].size;
  return 1;
}
