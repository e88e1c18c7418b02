/* The thread pointer (FS base) musl sets at start; each thread's own is
 * saved and restored by the thread module when it switches threads. */
#include <asm/prctl.h>
#include "io.h"
#include "process-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101

SYSCALL_DEFINE(arch_prctl, int code, unsigned long addr) {
  switch (code) {
  case ARCH_SET_FS: wrmsr(MSR_FS_BASE, addr); return 0;
  case ARCH_GET_FS: if (user_bad((void *)addr, 8)) return -EFAULT; *(unsigned long *)addr = rdmsr(MSR_FS_BASE); return 0;
  case ARCH_SET_GS: wrmsr(MSR_GS_BASE, addr); return 0;
  case ARCH_GET_GS: if (user_bad((void *)addr, 8)) return -EFAULT; *(unsigned long *)addr = rdmsr(MSR_GS_BASE); return 0;
  default: return -EINVAL;
  }
}
