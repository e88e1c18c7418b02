/* Checks on pointers the app passes. Memory is identity-mapped and the
 * kernel cannot recover from its own page faults, so catch what Linux would
 * answer with EFAULT before touching it: the NULL page and anything past
 * the mapped 4 GiB, except the app's stack region. */
#pragma once
#include <stdint.h>
#include "page.h"

/* 1 if [a, a+n) lies in the app's stack region (mapped on touch). */
int user_in_stack(uintptr_t a, unsigned long n);

static inline int user_bad(const void *p, unsigned long n) {
  uintptr_t a = (uintptr_t)p;
  if (a >= 4096 && a + n >= a && a + n <= (4ULL << 30)) return 0;
  return !user_in_stack(a, n); /* out of line: inlined in every syscall, the common case stays small */
}
