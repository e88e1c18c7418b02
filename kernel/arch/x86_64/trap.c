/* CPU exceptions (other than a first touch of the app's stack, which maps
 * a page and returns) end the app the way a crashed process ends natively: the
 * matching signal (page fault -> SIGSEGV) in an "@fault" record. */
#include <stdint.h>
#include "page.h"
#include "process.h"

struct trap_frame {
  uint64_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
  uint64_t vector, error;
  uint64_t rip, cs, rflags, rsp, ss;
};

enum { SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11 };

static int signal_of(uint64_t vector) {
  switch (vector) {
  case 0: case 16: case 19: return SIGFPE;   /* divide error, x87, SIMD */
  case 1: case 3: return SIGTRAP;
  case 6: return SIGILL;
  case 17: return SIGBUS;                     /* alignment check */
  default: return SIGSEGV;                    /* #PF, #GP, #SS, #DF, ... */
  }
}

static int on_stack(uint64_t sp, const char *lo, const char *hi) { return sp >= (uint64_t)lo && sp <= (uint64_t)hi; }

void trap_handler(struct trap_frame *f) {
  uint64_t addr = 0;
  if (f->vector == 14) __asm__ volatile("mov %%cr2, %0" : "=r"(addr));
  /* a first touch of the app's stack (error bit 0 clear: page not present) */
  if (f->vector == 14 && !(f->error & 1) && paging_stack_fault(addr)) return;
  else if (f->vector == 0 || f->vector == 6 || f->vector == 16 || f->vector == 19) addr = f->rip;
  /* the app's own code runs on its stacks; the kernel's on the syscall stack */
  extern char __kboot_stack[], __kboot_stack_top[]; /* boot, then syscalls */
  int from_app = !on_stack(f->rsp, __kboot_stack, __kboot_stack_top);
  process_fault(signal_of(f->vector), (int)f->vector, addr, f->rip, f->rsp, from_app);
}
