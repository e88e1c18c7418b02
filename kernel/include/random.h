/* Random bytes for AT_RANDOM and getrandom: RDRAND when the CPU has it,
 * else a xorshift generator seeded from the TSC and the RTC. */
#pragma once
#include <stddef.h>
void random_fill(void *buf, size_t n);
const char *random_source(void);
