/* Time from the TSC. Its rate comes, on first use, from CPUID leaf 0x15
 * (crystal ratio) or 0x16 (base MHz), else from a 10 ms window of PIT
 * channel 0 (present on microvm and pc); the wall clock from the CMOS RTC. */
#include <stdint.h>
#include "io.h"
#include "plat.h"
#include "diag.h"

static uint64_t tsc_hz, tsc_boot, wall_boot_ns;
static uint64_t rtc_ns, rtc_tsc; /* the one RTC reading and when it was taken */
static int rtc_done;
static const char *source = "uncalibrated";

void clock_mark_boot(void) { tsc_boot = rdtsc(); }

static uint64_t from_cpuid(void) {
  uint32_t r[4];
  cpuid(0, 0, r);
  uint32_t max = r[0];
  if (max >= 0x15) {
    cpuid(0x15, 0, r);
    if (r[0] && r[1] && r[2]) { source = "cpuid-0x15"; return (uint64_t)r[2] * r[1] / r[0]; }
  }
  if (max >= 0x16) {
    cpuid(0x16, 0, r);
    if (r[0]) { source = "cpuid-0x16"; return (uint64_t)r[0] * 1000000; }
  }
  return 0;
}

static uint16_t pit_read(void) {
  outb(0x43, 0x00); /* latch channel 0 */
  uint8_t lo = inb(0x40);
  return lo | (uint16_t)inb(0x40) << 8;
}

/* Counts TSC ticks while PIT channel 0 (1.193182 MHz, counting down from
 * 0xffff in mode 2) advances 11932 ticks = 10 ms. */
static uint64_t from_pit(void) {
  outb(0x43, 0x34);
  outb(0x40, 0xff);
  outb(0x40, 0xff);
  uint16_t start = pit_read();
  uint64_t t0 = rdtsc();
  for (long spins = 0; spins < 100000000; spins++) {
    uint16_t now = pit_read();
    uint16_t elapsed = start - now;
    if (elapsed >= 11932) {
      source = "pit";
      return (rdtsc() - t0) * 1193182 / elapsed;
    }
  }
  return 0;
}

static unsigned bcd(unsigned v, int binary) { return binary ? v : (v & 15) + (v >> 4) * 10; }
static unsigned cmos(unsigned reg) { outb(0x70, reg); return inb(0x71); }

static uint64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (uint64_t)(era * 146097 + (int)doe - 719468);
}

static uint64_t rtc_read_ns(void) {
  for (long i = 0; i < 1000000 && (cmos(0x0a) & 0x80); i++) cpu_relax(); /* update in progress */
  unsigned sec = cmos(0), min = cmos(2), hour = cmos(4), day = cmos(7), mon = cmos(8), year = cmos(9);
  if (sec == 0xff) return 0; /* no RTC */
  int binary = cmos(0x0b) & 4;
  sec = bcd(sec, binary), min = bcd(min, binary), hour = bcd(hour & 0x7f, binary);
  day = bcd(day, binary), mon = bcd(mon, binary), year = bcd(year, binary) + 2000;
  uint64_t days = days_from_civil((int)year, mon, day);
  return ((days * 24 + hour) * 60 + min) * 60000000000ULL + sec * 1000000000ULL;
}

static void read_rtc_once(void) {
  if (rtc_done) return;
  rtc_ns = rtc_read_ns();
  rtc_tsc = rdtsc();
  rtc_done = 1;
}

static uint64_t ticks_ns(uint64_t d) { return d / tsc_hz * 1000000000ULL + d % tsc_hz * 1000000000ULL / tsc_hz; }

static void calibrate(void) {
  tsc_hz = from_cpuid();
  if (!tsc_hz) tsc_hz = from_pit();
  if (!tsc_hz) { tsc_hz = 1000000000; source = "assumed-1GHz"; }
  read_rtc_once();
  wall_boot_ns = rtc_ns ? rtc_ns - ticks_ns(rtc_tsc - tsc_boot) : 0;
  klog("clock: TSC %lu Hz (%s), RTC %s\n", tsc_hz, source, rtc_ns ? "present" : "absent");
}

uint64_t clock_monotonic_ns(void) {
  if (!tsc_hz) calibrate();
  return ticks_ns(rdtsc() - tsc_boot);
}

/* Before anything needed the TSC's rate, the RTC alone (1 s resolution, as
 * the RTC has): file times at boot then cost no calibration window. */
uint64_t clock_realtime_ns(void) {
  if (tsc_hz) return wall_boot_ns + clock_monotonic_ns();
  read_rtc_once();
  return rtc_ns;
}

uint64_t clock_realtime_boot_ns(void) {
  if (!tsc_hz) calibrate();
  return wall_boot_ns;
}

const char *clock_source(void) { return source; }
