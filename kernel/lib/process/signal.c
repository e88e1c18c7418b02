/* Signals without handlers: dispositions and the mask are remembered and
 * reported back. A signal sent to ourselves while blocked stays pending until
 * it is unblocked (musl's raise() blocks signals around tkill). When it takes
 * effect, an ignored signal is dropped and any other ends the app as its
 * default action would ("@fault signal=S vector=-1"); installed handlers are
 * never called, the signal is then dropped. */
#include "process.h"
#include "process-impl.h"
#include "syscall.h"
#include "uaccess.h"

#define NSIG 64
#define SIG_DFL 0UL
#define SIG_IGN 1UL
enum { SIGKILL = 9, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTTOU = 22, SIGURG = 23, SIGWINCH = 28 };

struct ksigaction { unsigned long handler, flags, restorer, mask; };
static struct ksigaction actions[NSIG + 1];
static unsigned long blocked, pending;

extern struct syscall_frame *syscall_current;
static void deliver_unblocked(void);

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

static void take_effect(int sig) {
  unsigned long h = actions[sig].handler;
  if (sig != SIGKILL && (h != SIG_DFL || ignored_by_default(sig))) return; /* ignored, or a handler we cannot run */
  process_kill(sig, -1, 0, syscall_current ? (unsigned long)syscall_current->rcx : 0);
}

SYSCALL_DEFINE(kill, int pid, int sig) {
  if (pid != 0 && pid != -1 && pid != PROCESS_PID) return sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}
SYSCALL_DEFINE(tkill, int tid, int sig) {
  if (tid != PROCESS_PID) return tid <= 0 || sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}
SYSCALL_DEFINE(tgkill, int tgid, int tid, int sig) {
  if (tgid != PROCESS_PID || tid != PROCESS_PID) return tid <= 0 || tgid <= 0 || sig < 0 || sig > NSIG ? -EINVAL : -ESRCH;
  return send_self(sig);
}
SYSCALL_DEFINE(sched_yield, void) { return 0; }

/* The alternate stack is remembered; no handler ever runs on it. */
struct kstack { void *sp; int flags; unsigned long size; };
static struct kstack altstack = {0, 2 /* SS_DISABLE */, 0};

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
