/* Routes the number in rax to the generated table. A number the image
 * lacks (unknown, unselected or a stub) is reported once on diagnostics as
 * "@unsupported name=X nr=N" and returns -ENOSYS, as Linux would for an
 * unknown syscall. */
#include "diag.h"
#include "process.h"
#include "syscall.h"
#include "syscall-impl.h"

static unsigned char reported[SYSCALL_REPORT_MAX / 8];

static long unsupported(unsigned long nr) {
  if (nr < SYSCALL_REPORT_MAX) {
    if (reported[nr / 8] & (1 << nr % 8)) return -ENOSYS;
    reported[nr / 8] |= 1 << nr % 8;
  }
  const char *name = nr < syscall_count && syscall_names[nr] ? syscall_names[nr] : "unknown";
  kprintf("@unsupported name=%s nr=%lu\n", name, nr);
  return -ENOSYS;
}

struct syscall_frame *syscall_current; /* the syscall in progress, for reports */

long syscall_dispatch(struct syscall_frame *f) {
  syscall_current = f;
  signal_syscall_entered((unsigned long)f->rsp);
  unsigned long nr = (unsigned long)f->nr;
  syscall_fn fn = nr < syscall_count ? syscall_table[nr] : 0;
  if (!fn) return unsupported(nr);
  return fn(f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9);
}
