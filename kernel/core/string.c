#include "kstring.h"

void *kmemcpy(void *dst, const void *src, size_t n) {
  __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n)::"memory");
  return dst;
}

void *kmemset(void *dst, int c, size_t n) {
  void *d = dst;
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
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
