/* The platform (QEMU microvm/pc via PVH): console ports, boot information,
 * fw_cfg, clocks and shutdown. Implemented in kernel/plat/qemu/. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* Serial ports: index 0 = COM1 (app stdout, terminal stdin), 1 = COM2 (stderr). */
void serial_init(void);
void serial_write(int port, const void *buf, size_t n);
int serial_can_read(int port);
uint8_t serial_read_byte(int port); /* waits for a byte */

/* PVH start info, parsed once at boot. */
struct mem_range { uint64_t base, size; };
void pvh_parse(uint32_t start_info_phys);
int pvh_memmap(const struct mem_range **ranges); /* usable RAM only */
const char *pvh_cmdline(void);
int pvh_module(int i, uint64_t *base, uint64_t *size); /* 0 if absent */

/* fw_cfg files ("opt/autoport/argv", ...); returns size or -1 if absent. */
long fwcfg_file_size(const char *name);
/* Copies the whole file into buf (buf holds fwcfg_file_size bytes). */
void fwcfg_read_file(const char *name, void *buf, size_t size);
/* Copies up to n bytes from offset; returns how many (0 past the end). */
size_t fwcfg_read_at(const char *name, void *buf, size_t n, uint64_t offset);

/* Kernel command line (autoport.* keys, see ARCHITECTURE.md). */
struct boot_options {
  unsigned tty;          /* bit 0 stdin, 1 stdout, 2 stderr are terminals */
  unsigned rows, cols;   /* autoport.winsize */
  enum { STDIN_FWCFG, STDIN_SERIAL, STDIN_NULL } stdin_src;
  int verbose;
};
extern struct boot_options boot_options;
void cmdline_parse(const char *cmdline);

/* Clocks. The TSC is calibrated on first use of a monotonic time (CPUID
 * 0x15/0x16, else a 10 ms PIT window); nothing at boot needs it. */
void clock_mark_boot(void);           /* time zero of CLOCK_MONOTONIC */
uint64_t clock_monotonic_ns(void);
uint64_t clock_realtime_boot_ns(void); /* wall clock at boot (CMOS RTC), ns since the epoch */
uint64_t clock_realtime_ns(void);      /* wall clock now; calibrates nothing (RTC alone until the TSC rate is known) */
const char *clock_source(void);        /* how the TSC was calibrated */
/* Halts until about deadline (monotonic ns) or an earlier interrupt; may
 * return early, so callers loop. Spins only where there is no APIC. */
void plat_idle_until(uint64_t deadline_ns);
/* Work for whenever the kernel waits (a NIC without interrupts, protocol
 * timers): plat_idle_until runs every poller first and returns at once if one
 * made progress (returned nonzero), so the waiter looks again. At most 4. */
void plat_add_poller(int (*fn)(void));
/* Set by the thread module: called by plat_idle_until after the pollers, it
 * may run another thread and returns the deadline to halt until (0: return now). */
extern uint64_t (*plat_idle_hook)(uint64_t deadline_ns);

/* Stops QEMU through isa-debug-exit (0xf4); falls back to a triple fault.
 * Runs the exit hooks first (once): last work before the machine stops,
 * like sending what the network still holds. At most 4. */
void plat_shutdown(int code) __attribute__((noreturn));
void plat_add_exit_hook(void (*fn)(void));
