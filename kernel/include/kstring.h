/* Kernel string helpers. The kernel never calls into musl (its code may use
 * SSE registers that belong to the app); gcc may still emit memcpy/memset for
 * struct copies, which resolve to musl's SSE-free assembly versions. */
#pragma once
#include <stddef.h>

void *kmemcpy(void *dst, const void *src, size_t n);
void *kmemset(void *dst, int c, size_t n);
size_t kstrlen(const char *s);
int kstrncmp(const char *a, const char *b, size_t n);
int kstrcmp(const char *a, const char *b);
/* Parses a decimal or 0x-hex unsigned number; *end gets the first unparsed char. */
unsigned long kstrtoul(const char *s, const char **end);
