/* Waiting without spinning: the local APIC timer (one-shot, rate measured
 * against the TSC on first use) wakes the CPU from `sti; hlt`, so a sleeping
 * app leaves the host CPU free. Interrupts are enabled only inside hlt; the
 * 8259 PICs stay masked so the PIT cannot raise IRQ0. */
#include <stdint.h>
#include "cpu.h"
#include "diag.h"
#include "io.h"
#include "plat.h"

#define MSR_APIC_BASE 0x1b
#define TIMER_VECTOR 0x40
#define SPURIOUS_VECTOR 0xff
enum { TPR = 0x80, EOI = 0xb0, SVR = 0xf0, LVT_TIMER = 0x320, INIT_COUNT = 0x380, CUR_COUNT = 0x390, DIVIDE = 0x3e0 };

void apic_timer_isr(void);
void apic_spurious_isr(void);
volatile uint32_t *apic_eoi_reg; /* read by apic_timer_isr */

static volatile uint32_t *apic;
static uint64_t apic_hz; /* timer ticks per second at divide 16; 0 = not usable */
static int state;        /* 0 untried, 1 ready, -1 no APIC */

static void w(int reg, uint32_t v) { apic[reg / 4] = v; }
static uint32_t r(int reg) { return apic[reg / 4]; }

static void setup(void) {
  uint32_t c[4];
  cpuid(1, 0, c);
  state = -1;
  if (!(c[3] & (1u << 9))) return; /* no local APIC */
  outb(0x21, 0xff);
  outb(0xa1, 0xff);
  uint64_t base = rdmsr(MSR_APIC_BASE);
  wrmsr(MSR_APIC_BASE, base | (1 << 11)); /* globally enabled */
  apic = (volatile uint32_t *)(uintptr_t)(base & 0xfffff000);
  apic_eoi_reg = &apic[EOI / 4];
  cpu_set_irq_gate(TIMER_VECTOR, apic_timer_isr);
  cpu_set_irq_gate(SPURIOUS_VECTOR, apic_spurious_isr);
  w(SVR, 0x100 | SPURIOUS_VECTOR);
  w(TPR, 0);
  w(DIVIDE, 0x3);                        /* divide by 16 */
  w(LVT_TIMER, (1 << 16) | TIMER_VECTOR); /* masked while measuring */
  w(INIT_COUNT, 0xffffffff);
  uint64_t t0 = clock_monotonic_ns();
  while (clock_monotonic_ns() - t0 < 1000000) cpu_relax();
  uint32_t elapsed = 0xffffffff - r(CUR_COUNT);
  uint64_t ns = clock_monotonic_ns() - t0;
  w(INIT_COUNT, 0);
  if (!elapsed) return;
  apic_hz = (uint64_t)elapsed * 1000000000 / ns;
  w(LVT_TIMER, TIMER_VECTOR); /* one-shot */
  state = 1;
  klog("idle: APIC timer %lu Hz\n", apic_hz);
}

static int (*pollers[4])(void);
static int npollers;

void plat_add_poller(int (*fn)(void)) {
  if (npollers < 4) pollers[npollers++] = fn;
}

uint64_t (*plat_idle_hook)(uint64_t deadline_ns);

void plat_idle_until(uint64_t deadline_ns) {
  int progress = 0;
  for (int i = 0; i < npollers; i++) progress |= pollers[i]();
  if (progress) return;
  if (plat_idle_hook) deadline_ns = plat_idle_hook(deadline_ns);
  if (!state) setup();
  uint64_t now = clock_monotonic_ns();
  if (now >= deadline_ns) return;
  if (state < 0) { cpu_relax(); return; }
  uint64_t ticks = (deadline_ns - now) * apic_hz / 1000000000;
  w(INIT_COUNT, ticks == 0 ? 1 : ticks > 0xffffffff ? 0xffffffff : (uint32_t)ticks);
  __asm__ volatile("sti; hlt; cli" ::: "memory");
}
