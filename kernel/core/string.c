#include <stdint.h>
#include "kstring.h"

/* 8 bytes per iteration, then the tail: under TCG each iteration of a rep
 * string instruction is a separate step, so rep movsb/stosb cost 8 times as much. */
void *kmemcpy(void *dst, const void *src, size_t n) {
  void *d = dst;
  size_t q = n / 8, r = n % 8;
  __asm__ volatile("rep movsq" : "+D"(d), "+S"(src), "+c"(q)::"memory");
  __asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(r)::"memory");
  return dst;
}

void *kmemset(void *dst, int c, size_t n) {
  void *d = dst;
  size_t q = n / 8, r = n % 8;
  uint64_t v = (uint8_t)c * 0x0101010101010101ULL;
  __asm__ volatile("rep stosq" : "+D"(d), "+c"(q) : "a"(v) : "memory");
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(r) : "a"(v) : "memory");
  return dst;
}

size_t kstrlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

int kstrncmp(const char *a, const char *b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
    if (!*a) break;
  }
  return 0;
}

int kstrcmp(const char *a, const char *b) { return kstrncmp(a, b, (size_t)-1); }

unsigned long kstrtoul(const char *s, const char **end) {
  unsigned long v = 0, base = 10;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s += 2;
  for (;; s++) {
    unsigned d;
    if (*s >= '0' && *s <= '9') d = *s - '0';
    else if (base == 16 && (*s | 32) >= 'a' && (*s | 32) <= 'f') d = (*s | 32) - 'a' + 10;
    else break;
    v = v * base + d;
  }
  if (end) *end = s;
  return v;
}
