/* Threads of the one process: clone for musl's pthread_create, thread exit
 * with CLONE_CHILD_CLEARTID, tids, the robust list address and
 * sched_yield. All threads share the address space, files and signal
 * state; each has its own kernel stack, FS base and SSE state. */
#include "diag.h"
#include "io.h"
#include "page.h"
#include "plat.h"
#include "process.h"
#include "thread.h"
#include "thread-impl.h"
#include "uaccess.h"

#define MAIN_TID 1 /* = the pid (process module) */
#define CLONE_VM 0x100
#define CLONE_FS 0x200
#define CLONE_FILES 0x400
#define CLONE_SIGHAND 0x800
#define CLONE_THREAD 0x10000
#define CLONE_SYSVSEM 0x40000
#define CLONE_SETTLS 0x80000
#define CLONE_PARENT_SETTID 0x100000
#define CLONE_CHILD_CLEARTID 0x200000
#define CLONE_DETACHED 0x400000
#define CLONE_CHILD_SETTID 0x1000000
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)
#define OPTIONAL_FLAGS (CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID)

static struct thread main_thread = {.tid = MAIN_TID};
struct thread *thread_current = &main_thread;
struct thread *thread_table[THREAD_MAX] = {&main_thread};
int thread_live = 1;
static int next_tid = MAIN_TID + 1;

uint64_t thread_idle_hook(uint64_t deadline);

int thread_exists(int tid) {
  for (int i = 0; i < THREAD_MAX; i++)
    if (thread_table[i] && thread_table[i]->tid == tid && thread_table[i]->state != T_DEAD) return 1;
  return 0;
}

static int free_slot(void) {
  for (int i = 0; i < THREAD_MAX; i++)
    if (!thread_table[i]) return i;
  return -1;
}

SYSCALL_DEFINE(clone, unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls) {
  /* Linux's own consistency rules first, so errors match */
  if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND)) return -EINVAL;
  if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM)) return -EINVAL;
  /* a new process (fork, vfork, posix_spawn) would need a second address space */
  if ((flags & THREAD_FLAGS) != THREAD_FLAGS || (flags & ~(unsigned long)(THREAD_FLAGS | OPTIONAL_FLAGS | 0xff))) return -ENOSYS;
  if (!stack) return -EINVAL;
  if (((flags & CLONE_PARENT_SETTID) && user_bad(ptid, 4)) || ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) && user_bad(ctid, 4))) return -EFAULT;
  int slot = free_slot();
  if (slot < 0) return -EAGAIN;
  struct thread *t = pages_alloc(THREAD_PAGES);
  if (!t) return -ENOMEM;
  t->pages = t;
  t->tid = next_tid++;
  t->state = T_RUNNABLE;
  t->start = *syscall_current;
  t->start.rsp = (long)stack;
  t->fs = (flags & CLONE_SETTLS) ? tls : rdmsr(0xc0000100);
  __asm__ volatile("fxsave (%0)" ::"r"(t->fx) : "memory"); /* the parent's SSE state, as Linux copies it */
  t->sigmask = signal_mask_get(); /* inherited, as on Linux */
  t->clear_tid = (flags & CLONE_CHILD_CLEARTID) ? ctid : 0;
  t->kstack = ((uint64_t)t + THREAD_PAGES * PAGE_SIZE) & ~15UL;
  /* thread_switch pops r15..rbp (rbx = t) then returns to thread_first_run */
  uint64_t *sp = (uint64_t *)(t->kstack - 64);
  sp[0] = sp[1] = sp[2] = sp[3] = 0; /* r15 r14 r13 r12 */
  sp[4] = (uint64_t)t;               /* rbx */
  sp[5] = 0;                         /* rbp */
  sp[6] = (uint64_t)thread_first_run;
  t->ksp = (uint64_t)sp;
  if (flags & CLONE_PARENT_SETTID) *ptid = t->tid;
  if (flags & CLONE_CHILD_SETTID) *ctid = t->tid;
  thread_table[slot] = t;
  thread_live++;
  plat_idle_hook = thread_idle_hook;
  return t->tid;
}

/* SYS_exit ends the calling thread; the last one ends the app. */
SYSCALL_DEFINE(exit, int status) {
  if (thread_live <= 1) process_exit(status);
  struct thread *me = thread_current;
  if (me->clear_tid && !user_bad(me->clear_tid, 4)) {
    *me->clear_tid = 0;
    futex_wake((uint32_t *)me->clear_tid, 0x7fffffff, ~0u);
  }
  me->state = T_DEAD;
  thread_live--;
  thread_run_others();
}

SYSCALL_DEFINE(exit_group, int status) { process_exit(status); }

SYSCALL_DEFINE(gettid, void) { return thread_current->tid; }

SYSCALL_DEFINE(set_tid_address, int *tidptr) {
  thread_current->clear_tid = tidptr;
  return thread_current->tid;
}

SYSCALL_DEFINE(sched_yield, void) {
  thread_yield();
  return 0;
}

/* The robust list is remembered for get_robust_list; musl releases robust
 * mutexes itself when a thread exits, so nothing walks it here. */
#define ROBUST_HEAD_SIZE 24
SYSCALL_DEFINE(set_robust_list, void *head, unsigned long len) {
  if (len != ROBUST_HEAD_SIZE) return -EINVAL;
  thread_current->robust_head = head;
  return 0;
}

SYSCALL_DEFINE(get_robust_list, int tid, void **head, unsigned long *len) {
  struct thread *t = 0;
  for (int i = 0; i < THREAD_MAX && !t; i++)
    if (thread_table[i] && thread_table[i]->state != T_DEAD && (tid == 0 ? thread_table[i] == thread_current : thread_table[i]->tid == tid)) t = thread_table[i];
  if (!t) return -ESRCH;
  if (user_bad(head, 8) || user_bad(len, 8)) return -EFAULT;
  *head = t->robust_head;
  *len = ROBUST_HEAD_SIZE;
  return 0;
}

/* One CPU: every thread already sees every store, so the barriers are no-ops. */
#define MEMBARRIER_CMD_QUERY 0
#define MEMBARRIER_SUPPORTED 31 /* GLOBAL, GLOBAL_EXPEDITED, PRIVATE_EXPEDITED and their registrations */
SYSCALL_DEFINE(membarrier, int cmd, unsigned flags, int cpu) {
  if (flags) return -EINVAL;
  if (cmd == MEMBARRIER_CMD_QUERY) return MEMBARRIER_SUPPORTED;
  return (cmd & MEMBARRIER_SUPPORTED) && !(cmd & (cmd - 1)) ? 0 : -EINVAL;
}
