/* A small kernel heap for variable-sized objects (vnodes, names, buffers).
 * Power-of-two size classes up to 2 KiB carved from pages; bigger requests
 * take whole pages. Memory is zeroed. Implemented in kernel/lib/vfs/kheap.c. */
#pragma once
#include <stddef.h>

void *kzalloc(size_t n);  /* NULL when out of memory */
void kfree(void *p);      /* NULL is fine */
