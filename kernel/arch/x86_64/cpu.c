/* GDT/TSS/IDT and the syscall MSRs. Every exception gate runs on an IST
 * stack: a fault may come from the app's stack (overflow) or the kernel's. */
#include <stdint.h>
#include "io.h"

#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084

struct tss {
  uint32_t reserved0;
  uint64_t rsp[3];
  uint64_t reserved1;
  uint64_t ist[7];
  uint64_t reserved2;
  uint16_t reserved3, iomap_base;
} __attribute__((packed));

struct idt_gate {
  uint16_t off_lo, sel;
  uint8_t ist, type;
  uint16_t off_mid;
  uint32_t off_hi, reserved;
} __attribute__((packed));

extern uint64_t __kboot_gdt[];
extern const uint64_t trap_stubs[32];
extern char syscall_entry[];

static struct tss tss __attribute__((aligned(16)));
static struct idt_gate idt[256] __attribute__((aligned(16)));
/* IST1: ordinary exceptions (a fault report runs there); IST2: double
 * fault; IST3: NMI and machine check (both only report and stop). */
#define STACK __attribute__((aligned(16), section(".bss.nozero"))) /* not zeroed at boot */
static uint8_t ist1[16384] STACK, ist2[4096] STACK, ist3[4096] STACK;

static void tss_load(void) {
  tss.ist[0] = (uint64_t)(ist1 + sizeof ist1);
  tss.ist[1] = (uint64_t)(ist2 + sizeof ist2);
  tss.ist[2] = (uint64_t)(ist3 + sizeof ist3);
  tss.iomap_base = sizeof tss;
  uint64_t base = (uint64_t)&tss, limit = sizeof tss - 1;
  __kboot_gdt[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
           (((base >> 24) & 0xff) << 56);
  __kboot_gdt[6] = base >> 32;
  __asm__ volatile("ltr %w0" ::"r"(0x28));
}

static void set_gate(int v, uint64_t off, int ist) {
  idt[v] = (struct idt_gate){
      .off_lo = off & 0xffff, .sel = 0x08, .ist = (uint8_t)ist,
      .type = 0x8e, /* present, ring 0, interrupt gate */
      .off_mid = (off >> 16) & 0xffff, .off_hi = off >> 32,
  };
}

/* Interrupts (vectors >= 32) run on IST1 too: they may arrive while the
 * app's stack is in use, and the app's red zone lies below its rsp. */
void cpu_set_irq_gate(int vector, void (*handler)(void)) { set_gate(vector, (uint64_t)handler, 1); }

static void idt_load(void) {
  for (int v = 0; v < 32; v++) set_gate(v, trap_stubs[v], v == 8 ? 2 : (v == 2 || v == 18) ? 3 : 1);
  struct { uint16_t limit; uint64_t base; } __attribute__((packed)) ptr = {sizeof idt - 1, (uint64_t)idt};
  __asm__ volatile("lidt %0" ::"m"(ptr));
}

/* AVX state for apps built for it: CR4.OSXSAVE and XCR0 = x87|SSE|AVX. The
 * kernel itself never touches vector registers, so nothing more is saved. */
static void avx_enable(void) {
  uint32_t r[4];
  cpuid(1, 0, r);
  if (!(r[2] & (1u << 26)) || !(r[2] & (1u << 28))) return; /* XSAVE, AVX */
  uint64_t cr4;
  __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
  __asm__ volatile("mov %0, %%cr4" ::"r"(cr4 | (1UL << 18)));
  __asm__ volatile("xsetbv" ::"c"(0), "a"(7), "d"(0));
}

void cpu_init(void) {
  avx_enable();
  tss_load();
  idt_load();
  /* syscall: CS=0x08/SS=0x10 on entry; FMASK clears IF, DF, TF, AC, NT. */
  wrmsr(MSR_STAR, (0x08ULL << 32) | (0x1bULL << 48));
  wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
  wrmsr(MSR_FMASK, 0x47700);
}
