/* The few libc functions lwIP calls beyond memcpy/memset/memmove (musl's
 * assembly, SSE-free). musl's C versions may be vectorised with the app's SSE
 * registers, so the kernel has its own; kernel.a keeps them local. */
#include <stddef.h>

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; i++)
    if (x[i] != y[i]) return x[i] - y[i];
  return 0;
}

size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

int strncmp(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (a[i] != b[i]) return (unsigned char)a[i] - (unsigned char)b[i];
    if (!a[i]) return 0;
  }
  return 0;
}

/* netif_name_to_index only: decimal digits. */
long strtol(const char *s, char **end, int base) {
  long v = 0;
  int neg = *s == '-';
  if (neg || *s == '+') s++;
  while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
  if (end) *end = (char *)s;
  return neg ? -v : v;
}
