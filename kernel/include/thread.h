/* Threads (kernel/lib/thread): what other modules may ask. */
#pragma once

/* 1 if tid names a live thread of the app (the main thread's tid is the pid). */
int thread_exists(int tid);
/* 1 if another thread can still run (now or after a sleep or timeout): a
 * blocking wait that only another thread could end may wait for it. */
int thread_others_may_run(void);
/* 1 if addr lies on the current thread's kernel stack (the signal module
 * leaves other threads' handler records alone). */
int thread_kstack_holds(unsigned long addr);
