/* Switching kernel stacks between threads, and a new thread's first return
 * to the app. Only the callee-saved registers need saving: thread_switch is
 * an ordinary C call. */
	.text
/* thread_switch(&save_ksp, new_ksp) */
	.globl thread_switch
thread_switch:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, (%rdi)
	mov %rsi, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret

/* A new thread's kernel stack is built so thread_switch "returns" here with
 * rbx = its struct thread. */
	.globl thread_first_run
thread_first_run:
	mov %rbx, %rdi
	and $-16, %rsp
	call thread_begin     /* noreturn: ends in thread_enter_app */
	ud2

/* thread_enter_app(frame): return from clone in the child, as syscall_entry
 * returns: the frame's registers, rax = 0, flags from r11, jump to rcx. */
	.globl thread_enter_app
thread_enter_app:
	mov 0x08(%rdi), %rsi
	mov 0x10(%rdi), %rdx
	mov 0x18(%rdi), %r10
	mov 0x20(%rdi), %r8
	mov 0x28(%rdi), %r9
	mov 0x38(%rdi), %rcx
	mov 0x40(%rdi), %r11
	push %r11
	popfq
	mov 0x48(%rdi), %rsp
	mov 0x00(%rdi), %rdi
	xor %eax, %eax
	xor %ebx, %ebx
	xor %ebp, %ebp
	xor %r12d, %r12d
	xor %r13d, %r13d
	xor %r14d, %r14d
	xor %r15d, %r15d
	jmp *%rcx

	.section .note.GNU-stack, "", @progbits
