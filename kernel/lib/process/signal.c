/* Signals the app sends itself (kill, tkill, tgkill, raise, abort). One sent
 * while blocked stays pending until unblocked (musl's raise() blocks signals
 * around tkill). When it takes effect: an ignored signal is dropped, a
 * handler runs at once on the app's stack (or its sigaltstack) before the
 * syscall returns, and a default action ends the app ("@fault signal=S
 * vector=-1"). No other signals exist: nothing else can send one. */
#include "process.h"
#include "process-impl.h"
#include "diag.h"
#include "syscall.h"
#include "thread.h"
#include "uaccess.h"

#define NSIG 64
#define SIG_DFL 0UL
#define SIG_IGN 1UL
enum { SIGKILL = 9, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTTOU = 22, SIGURG = 23, SIGWINCH = 28 };

struct ksigaction { unsigned long handler, flags, restorer, mask; };
static struct ksigaction actions[NSIG + 1];
static unsigned long blocked, pending;

static void deliver_unblocked(void);

unsigned long signal_mask_get(void) { return blocked; }
void signal_mask_set(unsigned long mask) { blocked = mask; }

SYSCALL_DEFINE(rt_sigaction, int sig, const struct ksigaction *act, struct ksigaction *old, unsigned long setsize) {
  if (setsize != 8) return -EINVAL;
  if (sig < 1 || sig > NSIG || (act && (sig == SIGKILL || sig == SIGSTOP))) return -EINVAL;
  if ((act && user_bad(act, sizeof *act)) || (old && user_bad(old, sizeof *old))) return -EFAULT;
  if (old) *old = actions[sig];
  if (act) actions[sig] = *act;
  return 0;
}

SYSCALL_DEFINE(rt_sigprocmask, int how, const unsigned long *set, unsigned long *old, unsigned long setsize) {
  if (setsize != 8) return -EINVAL;
  if (set && (how < 0 || how > 2)) return -EINVAL;
  if ((set && user_bad(set, 8)) || (old && user_bad(old, 8))) return -EFAULT;
  if (old) *old = blocked;
  if (set) {
    unsigned long s = *set & ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
    blocked = how == 0 ? blocked | s : how == 1 ? blocked & ~s : s;
    deliver_unblocked();
  }
  return 0;
}

static void take_effect(int sig);

static void deliver_unblocked(void) {
  for (int sig = 1; sig <= NSIG; sig++) {
    unsigned long bit = 1UL << (sig - 1);
    if ((pending & bit) && !(blocked & bit)) {
      pending &= ~bit;
      take_effect(sig);
    }
  }
}

static int ignored_by_default(int sig) {
  return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH || (sig >= SIGSTOP && sig <= SIGTTOU);
}

static long send_self(int sig) {
  if (sig < 0 || sig > NSIG) return -EINVAL;
  if (sig == 0) return 0;
  if (sig != SIGKILL && (blocked & (1UL << (sig - 1)))) {
    pending |= 1UL << (sig - 1);
    return 0;
  }
  take_effect(sig);
  return 0;
}

#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESETHAND 0x80000000
#define SA_NODEFER 0x40000000
#define SI_TKILL (-6)

struct kstack { void *sp; int flags; unsigned long size; };
static struct kstack altstack = {0, 2 /* SS_DISABLE */, 0};
static int on_altstack;

#define MAX_DEPTH 8
/* Handlers running now, innermost last: the app stack range each runs on,
 * the kernel stack to restore, and the app's SSE state. */
static struct running {
  uint64_t lo, hi, kstack;
  int alt;
  uint8_t fx[512] __attribute__((aligned(16)));
} running[MAX_DEPTH];
static int depth;

/* Runs the handler on the app's stack below its red zone (or on the
 * sigaltstack), with the app's SSE state saved around it and the handler's
 * mask applied. siginfo carries the signal and our pid; the ucontext is zero. */
struct siginfo_fill { int code; uint64_t addr; };

static void run_handler_at(int sig, uint64_t app_rsp, const struct siginfo_fill *fill) {
  struct ksigaction a = actions[sig];
  if (a.flags & SA_RESETHAND) actions[sig].handler = SIG_DFL;
  unsigned long saved_mask = blocked;
  blocked |= a.mask | ((a.flags & SA_NODEFER) ? 0 : 1UL << (sig - 1));
  uint64_t sp = app_rsp - 128;
  int use_alt = (a.flags & SA_ONSTACK) && altstack.flags == 0 && !on_altstack;
  if (use_alt) sp = (uint64_t)altstack.sp + altstack.size;
  sp -= 1024; /* ucontext */
  uint64_t uc = sp &= ~15UL;
  sp -= 128; /* siginfo */
  uint64_t info = sp &= ~15UL;
  for (int i = 0; i < 1024 / 8; i++) ((uint64_t *)uc)[i] = 0;
  for (int i = 0; i < 128 / 8; i++) ((uint64_t *)info)[i] = 0;
  ((int *)info)[0] = sig;
  if (fill) ((int *)info)[2] = fill->code, ((uint64_t *)info)[2] = fill->addr; /* si_addr */
  else ((int *)info)[2] = SI_TKILL, ((int *)info)[4] = PROCESS_PID;

  if (depth == MAX_DEPTH) kpanic("signal handlers nested too deeply");
  struct running *run = &running[depth++];
  run->lo = use_alt ? (uint64_t)altstack.sp : 0;
  run->hi = use_alt ? (uint64_t)altstack.sp + altstack.size : app_rsp;
  run->kstack = syscall_kstack;
  run->alt = use_alt;
  struct syscall_frame *outer = syscall_current;
  __asm__ volatile("fxsave (%0)" ::"r"(run->fx) : "memory");
  syscall_kstack = ((uint64_t)__builtin_frame_address(0) - 512) & ~15UL;
  on_altstack += use_alt;
  call_on_stack((void *)a.handler, sig, (long)info, (long)uc, (void *)sp);
  on_altstack -= use_alt;
  syscall_kstack = run->kstack;
  syscall_current = outer;
  __asm__ volatile("fxrstor (%0)" ::"r"(run->fx) : "memory");
  depth--;
  blocked = saved_mask;
  deliver_unblocked();
}

static void run_handler(int sig) { run_handler_at(sig, (uint64_t)syscall_current->rsp, 0); }

/* A CPU fault with a handler installed (and the signal neither blocked nor
 * ignored, which Linux overrides for faults): the handler runs as for a sent
 * signal, called from the syscall stack rather than the IST one. If it returns, the
 * faulting instruction would only fault again, so the app ends with the
 * original fault; a handler that longjmps away carries on. */
struct fault { int sig, vector; unsigned long addr, rip, rsp; };

static void fault_on_kstack(struct fault *f) {
  /* si_code 1 is SEGV_MAPERR, FPE_INTDIV, ILL_ILLOPC, BUS_ADRALN or TRAP_BRKPT */
  struct siginfo_fill fill = {1, f->addr};
  struct fault copy = *f;
  syscall_current = 0;
  run_handler_at(copy.sig, copy.rsp, &fill);
  process_kill(copy.sig, copy.vector, copy.addr, copy.rip);
}

void process_fault(int sig, int vector, unsigned long addr, unsigned long rip, unsigned long rsp, int from_app) {
  unsigned long h = actions[sig].handler;
  if (!from_app || h == SIG_DFL || h == SIG_IGN || (blocked & (1UL << (sig - 1)))) process_kill(sig, vector, addr, rip);
  struct fault f = {sig, vector, addr, rip, rsp};
  /* leave the IST stack (a fault inside the handler reuses it) for the kernel stack */
  call_on_stack((void *)fault_on_kstack, (long)&f, 0, 0, (void *)(syscall_kstack & ~15UL));
  process_kill(sig, vector, addr, rip);
}

/* A handler left by longjmp never returns to run_handler: when a syscall
 * comes from outside the stack a handler ran on, forget that handler (and
 * any inside it) and give the kernel stack back. */
void signal_syscall_entered(unsigned long app_rsp) {
  while (depth > 0) {
    struct running *run = &running[depth - 1];
    if (app_rsp >= run->lo && app_rsp <= run->hi) return;
    syscall_kstack = run->kstack;
    on_altstack -= run->alt;
    depth--;
  }
}

static void take_effect(int sig) {
  unsigned long h = actions[sig].handler;
  if (sig != SIGKILL && h == SIG_IGN) return;
  if (sig != SIGKILL && h == SIG_DFL && ignored_by_default(sig)) return;
  if (sig != SIGKILL && h != SIG_DFL && syscall_current) return run_handler(sig);
  process_kill(sig, -1, 0, syscall_current ? (unsigned long)syscall_current->rcx : 0);
}

SYSCALL_DEFINE(kill, int pid, int sig) {
  if (pid != 0 && pid != -1 && pid != PROCESS_PID) return sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}
SYSCALL_DEFINE(tkill, int tid, int sig) {
  if (!thread_exists(tid)) return tid <= 0 || sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}
SYSCALL_DEFINE(tgkill, int tgid, int tid, int sig) {
  if (tgid != PROCESS_PID || !thread_exists(tid)) return tid <= 0 || tgid <= 0 || sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}

/* The alternate stack for handlers installed with SA_ONSTACK. */

SYSCALL_DEFINE(sigaltstack, const struct kstack *ss, struct kstack *old) {
  if ((ss && user_bad(ss, sizeof *ss)) || (old && user_bad(old, sizeof *old))) return -EFAULT;
  if (ss) {
    if (ss->flags != 0 && ss->flags != 2 && ss->flags != (int)(1U << 31)) return -EINVAL;
    if (ss->flags != 2 && ss->size < 2048) return -ENOMEM; /* MINSIGSTKSZ */
  }
  if (old) *old = altstack;
  if (ss) altstack = ss->flags == 2 ? (struct kstack){0, 2, 0} : *ss;
  return 0;
}
