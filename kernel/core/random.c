/* Random bytes: RDRAND (CPUID.1:ECX bit 30) when present, else xorshift64*
 * seeded from the TSC. */
#include <stdint.h>
#include "io.h"
#include "random.h"
#include "kstring.h"

static int has_rdrand = -1;
static uint64_t state;

static uint64_t next(void) {
  if (has_rdrand < 0) {
    uint32_t r[4];
    cpuid(1, 0, r);
    has_rdrand = (r[2] >> 30) & 1;
    state = rdtsc() | 1;
  }
  uint64_t v;
  unsigned char ok = 0;
  /* RDRAND fails only transiently; a miss takes the xorshift word instead */
  if (has_rdrand) __asm__ volatile("rdrand %0; setc %1" : "=r"(v), "=qm"(ok));
  if (ok) return v;
  state ^= state >> 12, state ^= state << 25, state ^= state >> 27;
  return state * 0x2545f4914f6cdd1dULL;
}

void random_fill(void *buf, size_t n) {
  uint8_t *p = buf;
  while (n) {
    uint64_t v = next();
    size_t k = n < 8 ? n : 8;
    kmemcpy(p, &v, k);
    p += k, n -= k;
  }
}

const char *random_source(void) {
  if (has_rdrand < 0) next();
  return has_rdrand ? "rdrand" : "xorshift64*-tsc";
}
