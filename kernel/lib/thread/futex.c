/* futex: the waits and wakes musl's locks, condition variables and
 * pthread_join are built on. Waiters are threads in T_FUTEX; a wake makes
 * them runnable in the order they began waiting. */
#include <linux/time.h>
#include "plat.h"
#include "thread-impl.h"
#include "uaccess.h"

enum { FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10 };
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256

static uint64_t seq;

/* The waiter on word (bits matching) that has waited longest. */
static struct thread *first_waiter(uint32_t *word, uint32_t bits) {
  struct thread *best = 0;
  for (int i = 0; i < THREAD_MAX; i++) {
    struct thread *t = thread_table[i];
    if (t && t->state == T_FUTEX && t->futex_word == word && (t->futex_bits & bits) && (!best || t->futex_seq < best->futex_seq)) best = t;
  }
  return best;
}

int futex_wake(uint32_t *word, int n, uint32_t bits) {
  int woken = 0;
  struct thread *t;
  while (woken < n && (t = first_waiter(word, bits))) {
    t->state = T_RUNNABLE;
    t->futex_word = 0;
    t->woken = 1;
    woken++;
  }
  return woken;
}

static long futex_wait(uint32_t *word, uint32_t val, uint64_t deadline, uint32_t bits) {
  if (*word != val) return -EAGAIN;
  struct thread *me = thread_current;
  me->state = T_FUTEX;
  me->futex_word = word;
  me->futex_bits = bits;
  me->futex_seq = ++seq;
  me->deadline = deadline;
  me->woken = 0;
  thread_block();
  me->state = T_RUNNABLE;
  me->futex_word = 0;
  return me->woken ? 0 : -ETIMEDOUT;
}

/* Wakes n, then moves up to m more waiters from word to word2. */
static long requeue(uint32_t *word, int n, int m, uint32_t *word2) {
  long done = futex_wake(word, n, ~0u);
  struct thread *t;
  while (m-- > 0 && word2 != word && (t = first_waiter(word, ~0u))) {
    t->futex_word = word2;
    done++;
  }
  return done;
}

static int bad_timespec(const struct __kernel_timespec *ts) {
  return ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000;
}

SYSCALL_DEFINE(futex, uint32_t *word, int op, uint32_t val, const struct __kernel_timespec *timeout, uint32_t *word2, uint32_t val3) {
  int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT) return -ENOSYS;
  if ((uintptr_t)word & 3) return -EINVAL;
  /* a private wake never reads the word, so Linux does not fault there either */
  int reads = !((cmd == FUTEX_WAKE || cmd == FUTEX_WAKE_BITSET) && (op & FUTEX_PRIVATE_FLAG));
  if (reads && user_bad(word, 4)) return -EFAULT;
  switch (cmd) {
  case FUTEX_WAIT:
  case FUTEX_WAIT_BITSET: {
    uint32_t bits = cmd == FUTEX_WAIT ? ~0u : val3;
    if (!bits) return -EINVAL;
    uint64_t deadline = 0;
    if (timeout) {
      if (user_bad(timeout, sizeof *timeout)) return -EFAULT;
      if (bad_timespec(timeout)) return -EINVAL;
      uint64_t ns = timeout->tv_sec * 1000000000ULL + timeout->tv_nsec, now = clock_monotonic_ns();
      if (cmd == FUTEX_WAIT) deadline = now + ns; /* relative */
      else if (op & FUTEX_CLOCK_REALTIME) { uint64_t wall = clock_realtime_ns(); deadline = ns > wall ? now + (ns - wall) : now; }
      else deadline = ns; /* absolute CLOCK_MONOTONIC, which is ours */
      if (!deadline) deadline = 1; /* 0 means none */
    }
    return futex_wait(word, val, deadline, bits);
  }
  case FUTEX_WAKE:
  case FUTEX_WAKE_BITSET: {
    uint32_t bits = cmd == FUTEX_WAKE ? ~0u : val3;
    if (!bits) return -EINVAL;
    return futex_wake(word, (int)val, bits);
  }
  case FUTEX_REQUEUE:
  case FUTEX_CMP_REQUEUE:
    if ((int)val < 0 || (long)timeout < 0) return -EINVAL;
    if (user_bad(word2, 4) || ((uintptr_t)word2 & 3)) return -EFAULT;
    if (cmd == FUTEX_CMP_REQUEUE && *word != val3) return -EAGAIN;
    return requeue(word, (int)val, (int)(long)timeout, word2);
  default:
    return -ENOSYS;
  }
}
