/* Ring-0 entry points: the `syscall` instruction (LSTAR), CPU exceptions
 * (IDT stubs, each on an IST stack) and the jump to musl's _start. */

	.text
/* `syscall` pushes nothing: rcx = return rip, r11 = rflags, rsp is the app's
 * (its red zone lies below). Switch to the kernel stack, save every register
 * the C handler may clobber except rax (the result), restore rcx, r11 and
 * the flags, then return with a plain jump. */
	.globl syscall_entry
syscall_entry:
	mov %rsp, syscall_user_rsp(%rip)
	mov syscall_kstack(%rip), %rsp  /* lowered while a signal handler runs */
	pushq syscall_user_rsp(%rip)   /* frame.rsp */
	push %r11                      /* frame.r11 */
	push %rcx                      /* frame.rcx */
	push %rax                      /* frame.nr  */
	push %r9
	push %r8
	push %r10
	push %rdx
	push %rsi
	push %rdi                      /* frame.rdi: struct syscall_frame starts here */
	mov %rsp, %rdi
	call syscall_dispatch          /* rsp is 16-aligned: 10 pushes from an aligned top */
	pop %rdi
	pop %rsi
	pop %rdx
	pop %r10
	pop %r8
	pop %r9
	add $8, %rsp
	pop %rcx
	pop %r11
	push %r11
	popfq
	pop %rsp
	jmp *%rcx

/* call_on_stack(fn, a1, a2, a3, stack): fn(a1, a2, a3) on another stack
 * (a signal handler on the app's stack); returns when fn returns. */
	.globl call_on_stack
call_on_stack:
	push %rbp
	mov %rsp, %rbp
	mov %r8, %rsp
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	call *%rax
	mov %rbp, %rsp
	pop %rbp
	ret

/* enter_app(sp, entry): start musl's _start with a fresh register state. */
	.globl enter_app
enter_app:
	mov %rdi, %rsp
	mov %rsi, %rax
	xor %ebx, %ebx
	xor %ecx, %ecx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %ebp, %ebp
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	xor %r11d, %r11d
	xor %r12d, %r12d
	xor %r13d, %r13d
	xor %r14d, %r14d
	xor %r15d, %r15d
	jmp *%rax

/* Exception stubs: make every frame look alike (error code, vector), save
 * the general registers and call trap_handler(struct trap_frame *). */
.macro TRAP vec, has_err
	.p2align 4
trap_\vec:
	.if \has_err == 0
	pushq $0
	.endif
	pushq $\vec
	jmp trap_common
.endm

TRAP 0,0; TRAP 1,0; TRAP 2,0; TRAP 3,0; TRAP 4,0; TRAP 5,0; TRAP 6,0; TRAP 7,0
TRAP 8,1; TRAP 9,0; TRAP 10,1; TRAP 11,1; TRAP 12,1; TRAP 13,1; TRAP 14,1; TRAP 15,0
TRAP 16,0; TRAP 17,1; TRAP 18,0; TRAP 19,0; TRAP 20,0; TRAP 21,1; TRAP 22,0; TRAP 23,0
TRAP 24,0; TRAP 25,0; TRAP 26,0; TRAP 27,0; TRAP 28,0; TRAP 29,1; TRAP 30,1; TRAP 31,0

trap_common:
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	/* An IST gate enters with a null SS; the kernel's own (as in syscalls)
	 * keeps the handler's code in the translations TCG already made for
	 * it, whose flags include SS's size bit. iretq restores the old one. */
	mov $0x10, %eax
	mov %eax, %ss
	mov %rsp, %rdi
	call trap_handler
	/* it returns only when the fault is resolved (a stack page mapped) */
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
	add $16, %rsp /* vector, error code */
	iretq

	.section .rodata
	.globl trap_stubs
	.p2align 3
trap_stubs:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad trap_\v
	.endr

	.bss
	.p2align 4
syscall_user_rsp: .skip 8

	.data
	.p2align 3
	.globl syscall_kstack
syscall_kstack: .quad __kboot_stack_top /* boot.S: the kernel stack, boot's first */

	.section .note.GNU-stack, "", @progbits

/* Local APIC timer: it only wakes the CPU from hlt (plat/qemu/idle.c). */
	.text
	.globl apic_timer_isr, apic_spurious_isr
apic_timer_isr:
	push %rax
	mov apic_eoi_reg(%rip), %rax
	movl $0, (%rax)
	pop %rax
	iretq
apic_spurious_isr:
	iretq

	.section .note.GNU-stack, "", @progbits
