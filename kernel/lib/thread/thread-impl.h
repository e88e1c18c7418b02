/* Private to the thread module: the thread table and the scheduler. */
#pragma once
#include <stdint.h>
#include "syscall.h"

enum thread_state {
  T_RUNNABLE, /* running now, or ready to */
  T_FUTEX,    /* in futex wait: woken by FUTEX_WAKE or its deadline */
  T_IDLE,     /* in a kernel wait (poll, sleep, read): looks again at its deadline */
  T_DEAD,
};

struct thread {
  int tid;
  enum thread_state state;
  uint64_t deadline;         /* monotonic ns; 0 = none (T_FUTEX only) */
  /* futex wait */
  uint32_t *futex_word;
  uint32_t futex_bits;
  uint64_t futex_seq;        /* waiters wake in arrival order */
  int woken;
  /* saved while switched out */
  uint64_t ksp;              /* kernel rsp inside thread_switch */
  uint64_t kstack;           /* syscall_kstack */
  struct syscall_frame *frame; /* syscall_current */
  uint64_t fs;               /* FS base: the thread pointer (TLS) */
  unsigned long sigmask;     /* blocked signals */
  uint8_t fx[512] __attribute__((aligned(16))); /* the app's SSE/x87 state */
  /* set by clone and set_tid_address, set_robust_list */
  int *clear_tid;
  void *robust_head;
  /* a new thread's registers for its first return to the app */
  struct syscall_frame start;
  void *pages;               /* this struct and its kernel stack; NULL for the main thread */
};

#define THREAD_MAX 256
#define THREAD_PAGES 16 /* struct thread, then its kernel stack (60 KiB, as the boot stack's 64) */
extern struct thread *thread_current;
extern struct thread *thread_table[THREAD_MAX];
extern int thread_live; /* threads not yet dead */

/* The current thread has set its state (T_FUTEX, ...): run others until it
 * may go on (woken or its deadline passed). Ends the app on a deadlock. */
void thread_block(void);
/* Lets every other runnable thread run once, then returns. */
void thread_yield(void);
/* Never returns: the current thread is dead. */
void thread_run_others(void) __attribute__((noreturn));
/* Wakes up to n waiters on word whose bitset meets bits; returns how many. */
int futex_wake(uint32_t *word, int n, uint32_t bits);

/* switch.S */
void thread_switch(uint64_t *save_ksp, uint64_t new_ksp);
void thread_first_run(void);
void thread_enter_app(const struct syscall_frame *f) __attribute__((noreturn));
