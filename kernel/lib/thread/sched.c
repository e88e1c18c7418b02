/* Cooperative round robin on one CPU. A thread runs until it blocks in the
 * kernel (futex wait, a sleep, a wait for input, sched_yield, exit); nothing
 * preempts it, so a thread spinning without syscalls starves the others.
 * Kernel waits (plat_idle_until) come here through plat_idle_hook: before
 * halting the CPU, another runnable thread runs. */
#include "diag.h"
#include "io.h"
#include "page.h"
#include "plat.h"
#include "process.h"
#include "thread-impl.h"

#define MSR_FS_BASE 0xc0000100
#define SIGKILL 9

static struct thread *zombie; /* dead, its pages freed once we are off its stack */
static int in_scheduler;      /* our own halts skip the idle hook */

static int may_run(const struct thread *t, uint64_t now) {
  if (t->state == T_RUNNABLE) return 1;
  return (t->state == T_FUTEX || t->state == T_IDLE) && t->deadline && now >= t->deadline;
}

/* The next thread after the current one, in table order, that may run. */
static struct thread *pick_other(uint64_t now) {
  int me = 0;
  while (thread_table[me] != thread_current) me++;
  for (int i = 1; i < THREAD_MAX; i++) {
    struct thread *t = thread_table[(me + i) % THREAD_MAX];
    if (t && t != thread_current && may_run(t, now)) return t;
  }
  return 0;
}

/* The earliest deadline of any waiting thread, 0 if none has one. */
static uint64_t earliest_deadline(void) {
  uint64_t d = 0;
  for (int i = 0; i < THREAD_MAX; i++) {
    struct thread *t = thread_table[i];
    if (t && (t->state == T_FUTEX || t->state == T_IDLE) && t->deadline && (!d || t->deadline < d)) d = t->deadline;
  }
  return d;
}

static void reap(void) {
  if (!zombie) return;
  for (int i = 0; i < THREAD_MAX; i++)
    if (thread_table[i] == zombie) thread_table[i] = 0;
  if (zombie->pages) pages_free(zombie->pages, THREAD_PAGES);
  zombie = 0;
}

static void switch_to(struct thread *next) {
  struct thread *me = thread_current;
  me->kstack = syscall_kstack;
  me->frame = syscall_current;
  me->fs = rdmsr(MSR_FS_BASE);
  me->sigmask = signal_mask_get();
  __asm__ volatile("fxsave (%0)" ::"r"(me->fx) : "memory");
  if (me->state == T_DEAD) zombie = me;
  thread_current = next;
  syscall_kstack = next->kstack;
  syscall_current = next->frame;
  wrmsr(MSR_FS_BASE, next->fs);
  signal_mask_set(next->sigmask);
  __asm__ volatile("fxrstor (%0)" ::"r"(next->fx) : "memory");
  thread_switch(&me->ksp, next->ksp);
  reap(); /* back on this thread */
}

/* A new thread's first moment on its own stack (switch.S). */
void thread_begin(struct thread *t) __attribute__((noreturn));
void thread_begin(struct thread *t) {
  reap();
  thread_enter_app(&t->start);
}

static void deadlock(void) __attribute__((noreturn));
static void deadlock(void) {
  kprintf("thread: deadlock: all %d threads wait on futexes with no timeout, and nothing can wake them\n", thread_live);
  kprintf("@deadlock threads=%d\n", thread_live);
  process_kill(SIGKILL, -1, 0, syscall_current ? (unsigned long)syscall_current->rcx : 0);
}

static void halt_until(uint64_t deadline) {
  in_scheduler = 1;
  plat_idle_until(deadline);
  in_scheduler = 0;
}

void thread_block(void) {
  struct thread *me = thread_current;
  for (;;) {
    uint64_t now = clock_monotonic_ns();
    struct thread *next = pick_other(now);
    if (next) switch_to(next);
    else if (!may_run(me, now)) {
      uint64_t d = earliest_deadline();
      if (!d) deadlock();
      halt_until(d);
    }
    if (may_run(me, clock_monotonic_ns())) return;
  }
}

void thread_yield(void) {
  struct thread *next = pick_other(clock_monotonic_ns());
  if (next) switch_to(next);
}

void thread_run_others(void) {
  for (;;) {
    struct thread *next = pick_other(clock_monotonic_ns());
    if (next) switch_to(next); /* never comes back: nobody picks a dead thread */
    uint64_t d = earliest_deadline();
    if (!d) deadlock();
    halt_until(d);
  }
}

/* plat_idle_until's hook: the current thread waits until about deadline (or
 * input). Another thread runs first if one may; otherwise halt until the
 * earliest deadline of all, so a sleeping thread wakes on time. */
uint64_t thread_idle_hook(uint64_t deadline) {
  if (in_scheduler || thread_live <= 1) return deadline;
  struct thread *me = thread_current;
  me->state = T_IDLE;
  me->deadline = deadline;
  struct thread *next = pick_other(clock_monotonic_ns());
  uint64_t d = next ? 0 : earliest_deadline();
  if (next) switch_to(next);
  me->state = T_RUNNABLE;
  if (next) return 0; /* the caller looks again at what it waits for */
  return d && d < deadline ? d : deadline;
}
