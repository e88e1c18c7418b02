/* Page protection on the identity map. 1 GiB and 2 MiB pages are split
 * into smaller ones on demand, the first time part of one changes protection. */
#include <stdint.h>
#include <asm-generic/mman-common.h>
#include "page.h"
#include "diag.h"
#include "uaccess.h"

#define PTE_P 1ULL
#define PTE_W 2ULL
#define PTE_PS 0x80ULL
#define PTE_NX (1ULL << 63)
#define ADDR_MASK 0x000ffffffffff000ULL

extern uint64_t __kboot_pdpt[512];

static void flush_all(void) { __asm__ volatile("mov %%cr3, %%rax; mov %%rax, %%cr3" ::: "rax", "memory"); }

/* The page-directory entry for addr (< 4 GiB); a 1 GiB page (boot.S uses
 * them above the first GiB where the CPU can) is split into 2 MiB ones. */
static uint64_t *pde_of(uint64_t addr) {
  uint64_t *pdpte = &__kboot_pdpt[addr >> 30];
  if (*pdpte & PTE_PS) {
    uint64_t *pd = pages_alloc(1);
    if (!pd) kpanic("out of memory splitting a 1 GiB page");
    uint64_t base = *pdpte & ~0x3fffffffULL & ADDR_MASK, flags = (*pdpte & (PTE_W | PTE_NX)) | PTE_P | PTE_PS;
    for (int i = 0; i < 512; i++) pd[i] = (base + ((uint64_t)i << 21)) | flags;
    *pdpte = (uint64_t)pd | PTE_P | PTE_W;
    flush_all();
  }
  return &((uint64_t *)(*pdpte & ADDR_MASK))[(addr >> 21) & 511];
}

static uint64_t *pte_of(uint64_t addr) {
  uint64_t *pde = pde_of(addr);
  if (*pde & PTE_PS) {
    uint64_t *pt = pages_alloc(1);
    if (!pt) kpanic("out of memory splitting a 2 MiB page");
    uint64_t base = *pde & ~0x1fffffULL & ADDR_MASK, flags = (*pde & (PTE_W | PTE_NX)) | PTE_P;
    for (int i = 0; i < 512; i++) pt[i] = (base + i * PAGE_SIZE) | flags;
    *pde = (uint64_t)pt | PTE_P | PTE_W;
    flush_all();
  }
  uint64_t *pt = (uint64_t *)(*pde & ADDR_MASK);
  return &pt[(addr >> 12) & 511];
}

static int is_default(uint64_t addr, int prot) {
  uint64_t pdpte = __kboot_pdpt[addr >> 30];
  int whole = (pdpte & PTE_PS) || (((uint64_t *)(pdpte & ADDR_MASK))[(addr >> 21) & 511] & PTE_PS);
  return whole && (prot & PROT_WRITE); /* x86 cannot have write without read; exec is not enforced */
}

/* The stack's page directory and page tables are allocated on first use. */
int paging_stack_fault(uint64_t addr) {
  if (!in_app_stack(addr)) return 0;
  uint64_t *pdpte = &__kboot_pdpt[(addr >> 30) & 511];
  if (!(*pdpte & PTE_P)) {
    uint64_t *pd = pages_alloc(1);
    if (!pd) return 0;
    *pdpte = (uint64_t)pd | PTE_P | PTE_W;
  }
  uint64_t *pde = &((uint64_t *)(*pdpte & ADDR_MASK))[(addr >> 21) & 511];
  if (!(*pde & PTE_P)) {
    uint64_t *pt = pages_alloc(1);
    if (!pt) return 0;
    *pde = (uint64_t)pt | PTE_P | PTE_W;
  }
  uint64_t *pte = &((uint64_t *)(*pde & ADDR_MASK))[(addr >> 12) & 511];
  if (!(*pte & PTE_P)) {
    void *page = pages_alloc(1);
    if (!page) return 0;
    *pte = (uint64_t)page | PTE_P | PTE_W;
  }
  __asm__ volatile("invlpg (%0)" ::"r"(addr) : "memory");
  return 1;
}

int user_in_stack(uintptr_t a, unsigned long n) {
  return a >= APP_STACK_TOP - APP_STACK_MAX && a + n >= a && a + n <= APP_STACK_TOP;
}

/* Unmaps page 0 (after boot info there has been copied): NULL faults. */
void paging_unmap_null(void) {
  extern uint64_t __kboot_pt0[512];
  __kboot_pt0[0] = 0;
  __asm__ volatile("invlpg (%0)" ::"r"(0UL) : "memory");
}

/* Pages the kernel hands out again must first get back PROT_READ|WRITE|EXEC. */
void paging_protect(uint64_t addr, uint64_t len, int prot) {
  if (addr >= 4ULL << 30) return;
  for (uint64_t a = addr & ~(PAGE_SIZE - 1); a < addr + len; a += PAGE_SIZE) {
    if (is_default(a, prot)) continue;
    uint64_t *pte = pte_of(a);
    uint64_t v = (a & ADDR_MASK);
    if (prot != PROT_NONE) v |= PTE_P;
    if (prot & PROT_WRITE) v |= PTE_W;
    *pte = v;
    __asm__ volatile("invlpg (%0)" ::"r"(a) : "memory");
  }
}
