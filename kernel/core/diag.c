/* Diagnostics on QEMU's debugcon (port 0xe9). */
#include <stdarg.h>
#include <stdint.h>
#include "diag.h"
#include "io.h"
#include "kstring.h"
#include "plat.h"
#include "process.h"

void diag_write(const char *s, unsigned long n) {
  for (unsigned long i = 0; i < n; i++) outb(0xe9, (uint8_t)s[i]);
}

void diag_puts(const char *s) { diag_write(s, kstrlen(s)); }

static void put_num(unsigned long v, unsigned base, int neg) {
  char buf[24];
  int i = sizeof buf;
  do buf[--i] = "0123456789abcdef"[v % base]; while (v /= base);
  if (neg) buf[--i] = '-';
  diag_write(buf + i, sizeof buf - i);
}

void diag_putu(unsigned long v) { put_num(v, 10, 0); }

static void vkprintf(const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') { diag_write(fmt, 1); continue; }
    int lng = 0;
    while (fmt[1] == 'l' || fmt[1] == 'z') lng = 1, fmt++;
    switch (*++fmt) {
    case 's': { const char *s = va_arg(ap, const char *); diag_puts(s ? s : "(null)"); break; }
    case 'c': { char c = (char)va_arg(ap, int); diag_write(&c, 1); break; }
    case 'd': { long v = lng ? va_arg(ap, long) : va_arg(ap, int); put_num(v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0); break; }
    case 'u': put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0); break;
    case 'x': put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16, 0); break;
    case 'p': diag_puts("0x"); put_num((unsigned long)va_arg(ap, void *), 16, 0); break;
    case '%': diag_write("%", 1); break;
    default: diag_write(fmt - 1, 2); break;
    }
  }
}

void kprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vkprintf(fmt, ap);
  va_end(ap);
}

void kpanic(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_puts("kernel panic: ");
  vkprintf(fmt, ap);
  diag_puts("\n");
  va_end(ap);
  plat_shutdown(125);
}
