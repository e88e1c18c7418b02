/* Private to the mm module. */
#pragma once
#include <stdint.h>
#include "page.h"

#define MAX_PAGES (1UL << 20) /* 4 GiB of RAM: the boot page tables map no more */

extern char _end[];
/* 1 if every page of [first, first+n) is free. */
int pages_range_free(uint64_t first, uint64_t n);
/* Marks pages [first, first+n) used (no zeroing). */
void pages_claim(uint64_t first, uint64_t n);
/* The app's memory below 1 MiB starts here: page 0 and the page bitmap lie below. */
uint64_t pages_low_floor(void);
/* Lowest address above 1 MiB the app may map or unmap: everything below is the image. */
static inline uint64_t user_floor(void) { return PAGE_ALIGN_UP((uint64_t)_end); }
