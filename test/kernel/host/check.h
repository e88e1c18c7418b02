/* The host tests' one assertion: report a mismatch and count it. Each test
 * program defines `int failures` and exits non-zero when it is not 0. */
#ifndef HOST_CHECK_H
#define HOST_CHECK_H
#include <stdio.h>

extern int failures;
#define CHECK(expr, want)                                                                 \
  do {                                                                                    \
    long got_ = (long)(expr), want_ = (long)(want);                                       \
    if (got_ != want_) {                                                                  \
      printf("FAIL %s:%d: %s = %ld, want %ld\n", __FILE__, __LINE__, #expr, got_, want_); \
      failures++;                                                                         \
    }                                                                                     \
  } while (0)
#endif
