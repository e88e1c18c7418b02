/* Process-level services other modules may call. */
#pragma once

/* Ends the app: "@exit N" on diagnostics, then QEMU stops. */
void process_exit(int status) __attribute__((noreturn));
/* Ends the app as if killed by signal sig (a fault or a fatal signal). */
void process_kill(int sig, int vector, unsigned long addr, unsigned long rip) __attribute__((noreturn));
/* A CPU fault at rip (app stack rsp): runs the app's handler for sig if it
 * has one and the fault came from app code, else ends the app as process_kill. */
void process_fault(int sig, int vector, unsigned long addr, unsigned long rip, unsigned long rsp, int from_app) __attribute__((noreturn));
/* Called at every syscall entry with the app's rsp (signal bookkeeping). */
void signal_syscall_entered(unsigned long app_rsp);
/* The blocked-signal mask, which is per thread: the thread module swaps it
 * when it switches threads (no signal is delivered by the swap). */
unsigned long signal_mask_get(void);
void signal_mask_set(unsigned long mask);
