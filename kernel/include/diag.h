/* The diagnostics channel (debugcon, port 0xe9): boot log and the machine
 * records of ARCHITECTURE.md ("@exit N", "@fault ...", "@unsupported ...",
 * "@main"). Never mixed with the app's stdout/stderr. */
#pragma once
#include "plat.h" /* boot_options */

void diag_write(const char *s, unsigned long n);
void diag_puts(const char *s);
/* A decimal number: for records on hot paths, where kprintf's format loop
 * would cost a translation of its own under TCG. */
void diag_putu(unsigned long v);
/* printf subset: %s %c %d %u %x %p, with l/z modifiers. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Boot log, printed only with autoport.verbose=1: a macro, so that its
 * arguments cost nothing otherwise. */
#define klog(...) ((void)(boot_options.verbose && (kprintf(__VA_ARGS__), 1)))
void kpanic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
