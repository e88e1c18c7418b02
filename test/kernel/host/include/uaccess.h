/* Host stand-in for kernel/include/uaccess.h: host addresses lie above 4 GiB,
 * so only the NULL page counts as bad. */
#pragma once
#include <stdint.h>
static inline int user_bad(const void *p, unsigned long n) {
  uintptr_t a = (uintptr_t)p;
  return a < 4096 || a + n < a;
}
