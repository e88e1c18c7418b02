/* lwIP's platform header for the kernel: freestanding (no libc), so the few
 * libc names lwIP uses come from the kernel's kstring and diag. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "diag.h"
#include "kstring.h"

#define LWIP_NO_INTTYPES_H 1
#define LWIP_NO_CTYPE_H 1
#define X8_F "02x"
#define U16_F "u"
#define S16_F "d"
#define X16_F "x"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "zu"

#define LWIP_ERRNO_STDINCLUDE 1
#define LWIP_ERRNO_INCLUDE <asm-generic/errno.h>
#define BYTE_ORDER LITTLE_ENDIAN

#define LWIP_PLATFORM_DIAG(x) do { kprintf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) kpanic("lwip: %s (%s:%d)", x, __FILE__, __LINE__)

unsigned kernel_lwip_rand(void);
