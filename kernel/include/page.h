/* Physical pages (identity-mapped, so physical == virtual). Implemented by
 * the mm module, which every image carries. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 4096UL
#define PAGE_ALIGN_UP(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

/* Builds the free-page map from the boot memory map; call once at boot. */
void pages_init(void);
/* Marks [base, base+size) as in use (boot modules, fw_cfg buffers). */
void pages_reserve(uint64_t base, uint64_t size);
/* n contiguous zeroed pages (below 1 MiB first, then from the top of RAM), or NULL. */
void *pages_alloc(size_t n);
void pages_free(void *p, size_t n);
size_t pages_free_count(void);
size_t pages_total_count(void); /* usable RAM pages at boot */

/* The app's stack: the only memory not identity-mapped. Pages of
 * [APP_STACK_TOP - APP_STACK_MAX, APP_STACK_TOP) are mapped when first
 * touched (by the app or by the kernel on its behalf); everything below is
 * unmapped, so an overflow faults. */
#define APP_STACK_TOP 0x8000000000ULL /* 512 GiB: the last slot of the boot PDPT */
#define APP_STACK_MAX (8ULL << 20)    /* Linux's default RLIMIT_STACK */
static inline int in_app_stack(uint64_t a) { return a >= APP_STACK_TOP - APP_STACK_MAX && a < APP_STACK_TOP; }
/* Maps a zeroed page at addr if it lies in the stack region; 0 if it does
 * not or no page is left. */
int paging_stack_fault(uint64_t addr);

/* Page protection (arch/x86_64/paging.c). prot uses PROT_* bits. */
void paging_protect(uint64_t addr, uint64_t len, int prot);
void paging_unmap_null(void);
