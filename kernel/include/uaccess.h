/* Checks on pointers the app passes. Memory is identity-mapped and the
 * kernel cannot recover from its own page faults, so catch what Linux would
 * answer with EFAULT before touching it: the NULL page and anything past
 * the mapped 4 GiB. */
#pragma once
#include <stdint.h>

static inline int user_bad(const void *p, unsigned long n) {
  uintptr_t a = (uintptr_t)p;
  return a < 4096 || a + n < a || a + n > (4ULL << 30);
}
