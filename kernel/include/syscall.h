/* Syscall handlers: SYSCALL_DEFINE(read, int fd, void *buf, size_t n) defines
 * sys_read with the app's arguments (rdi, rsi, rdx, r10, r8, r9). The table
 * that maps numbers to handlers is generated from the module manifests
 * (scripts/gen-syscall-table) into the build directory. */
#pragma once
#include <stdint.h>
#include <stddef.h>
#include <asm-generic/errno.h>

#define SYSCALL_DEFINE(name, ...) long sys_##name(__VA_ARGS__)

typedef long (*syscall_fn)(long, long, long, long, long, long);

/* Generated (syscall_table.c). */
extern const syscall_fn syscall_table[];
extern const char *const syscall_names[];
extern const unsigned syscall_count;
/* Calls every selected module's init function, in requires order. */
void modules_init(void);

/* Saved app registers at syscall entry (arch/x86_64/entry.S builds it). */
struct syscall_frame {
  long rdi, rsi, rdx, r10, r8, r9, nr, rcx, r11, rsp;
};
long syscall_dispatch(struct syscall_frame *f);
/* The syscall in progress (its saved app registers), or NULL. */
extern struct syscall_frame *syscall_current;
/* Where syscall entry puts the kernel stack; lowered while app code (a signal
 * handler) runs inside a syscall, so nested syscalls keep the outer frames. */
extern uint64_t syscall_kstack;
/* fn(a1, a2, a3) with rsp = stack (16-byte aligned). */
void call_on_stack(void *fn, long a1, long a2, long a3, void *stack);
