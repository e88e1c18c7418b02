/* Checks on pointers the app passes. Memory is identity-mapped and the
 * kernel cannot recover from its own page faults, so catch what Linux would
 * answer with EFAULT before touching it: the NULL page and anything past
 * the mapped 4 GiB, except the app's stack region. */
#pragma once
#include <stdint.h>
#include "page.h"

static inline int user_bad(const void *p, unsigned long n) {
  uintptr_t a = (uintptr_t)p;
  if (a >= APP_STACK_TOP - APP_STACK_MAX) return a + n < a || a + n > APP_STACK_TOP; /* mapped on touch */
  return a < 4096 || a + n < a || a + n > (4ULL << 30);
}
