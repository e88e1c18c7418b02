/* PVH entry: QEMU jumps here in 32-bit protected mode, paging off, with
 * %ebx = physical address of the hvm_start_info. We identity-map the first
 * 4 GiB (2 MiB pages, 1 GiB ones above the first GiB where the CPU has
 * them, and the first 2 MiB in 4 KiB pages so that kmain can unmap page 0
 * and NULL dereferences fault), enable long mode and SSE, zero .bss and
 * call kmain(start_info) on the kernel stack (syscalls use it later).
 * Under TCG every step of a rep or loop instruction costs about as much as
 * an instruction, so the loops here are what boot time is made of. */

#define CR0_PE (1 << 0)
#define CR0_MP (1 << 1)
#define CR0_NE (1 << 5)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_SCE (1 << 0)
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)

/* The PVH ELF note (Xen type 18: 32-bit physical entry). The linker script
 * puts it in its own 4-byte aligned PT_NOTE. */
	.section .note.pvh, "a", @note
	.p2align 2
	.long 4, 4, 18
	.asciz "Xen"
	.long pvh_start32

	.section .text.boot, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	cli
	cld
	mov %ebx, pvh_start_info

	/* The page tables live outside .bss (which is zeroed later, 8 bytes a
	 * step in long mode): every entry is written here. pml4 and pdpt: zero. */
	mov $boot_pml4, %edi
	mov $2048, %ecx
	xor %eax, %eax
	rep stosl

	/* 4 GiB identity map: 1 GiB pages above the first GiB where the CPU
	 * has them (CPUID 0x80000001 EDX bit 26; TCG's -cpu max does), so only
	 * one page directory (2 MiB pages) is filled; else all four. */
	mov $0x80000001, %eax
	cpuid
	xor %ebp, %ebp              /* 1 = 1 GiB pages */
	mov $2048, %ecx
	bt $26, %edx
	jnc 0f
	mov $1, %ebp
	mov $512, %ecx
0:	mov $__kboot_pd, %edi
	mov $0x83, %eax             /* present | writable | 2 MiB */
	xor %edx, %edx              /* high dword of the address */
1:	mov %eax, (%edi)
	mov %edx, 4(%edi)
	add $0x200000, %eax
	add $8, %edi
	loop 1b

	/* first 2 MiB in 4 KiB pages; page 0 stays mapped until kmain has
	 * copied the boot info (the pc firmware puts it there) */
	mov $__kboot_pt0, %edi
	mov $0x0003, %eax
	mov $512, %ecx
2:	mov %eax, (%edi)
	mov %edx, 4(%edi)
	add $0x1000, %eax
	add $8, %edi
	loop 2b
	movl $__kboot_pt0 + 3, __kboot_pd

	/* pdpt[0] -> the first page directory; pdpt[1..3] -> 1 GiB pages or
	 * the other three; pml4[0] -> pdpt */
	movl $__kboot_pd + 0x0003, boot_pdpt
	test %ebp, %ebp
	jz 3f
	movl $0x40000083, boot_pdpt + 8
	movl $0x80000083, boot_pdpt + 16
	movl $0xc0000083, boot_pdpt + 24
	jmp 4f
3:	movl $__kboot_pd + 0x1003, boot_pdpt + 8
	movl $__kboot_pd + 0x2003, boot_pdpt + 16
	movl $__kboot_pd + 0x3003, boot_pdpt + 24
4:	movl $boot_pdpt + 3, boot_pml4

	mov $boot_pml4, %eax
	mov %eax, %cr3
	mov %cr4, %eax
	or $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
	mov %eax, %cr4

	/* NX only if the CPU has it (CPUID 0x80000001 EDX bit 20) */
	mov $0x80000001, %eax
	cpuid
	xor %esi, %esi
	bt $20, %edx
	jnc 3f
	mov $EFER_NXE, %esi
3:	mov $MSR_EFER, %ecx
	rdmsr
	or $(EFER_LME | EFER_SCE), %eax
	or %esi, %eax
	wrmsr

	mov %cr0, %eax
	and $~0xc, %eax             /* clear EM and TS: SSE usable */
	or $(CR0_PE | CR0_MP | CR0_NE | CR0_WP | CR0_PG), %eax
	mov %eax, %cr0

	lgdt gdt_ptr
	ljmp $0x08, $long_mode

	.code64
long_mode:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	xor %eax, %eax
	mov %ax, %fs
	mov %ax, %gs
	lea __kboot_stack_top(%rip), %rsp
	xor %ebp, %ebp
	/* zero .bss */
	lea __bss_start(%rip), %rdi
	lea __bss_end(%rip), %rcx
	sub %rdi, %rcx
	shr $3, %rcx
	xor %eax, %eax
	rep stosq
	mov pvh_start_info(%rip), %edi
	call __autoport_kmain
4:	hlt
	jmp 4b

	.data
	.p2align 4
	.globl __kboot_gdt
	/* null, 0x08 kernel code (64-bit), 0x10 kernel data, 0x18 user data,
	 * 0x20 user code, 0x28 TSS (16 bytes, filled by cpu_init) */
__kboot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff
	.quad 0x00cf92000000ffff
	.quad 0x00cff2000000ffff
	.quad 0x00affa000000ffff
	.quad 0, 0
__kboot_gdt_end:
gdt_ptr:
	.word __kboot_gdt_end - __kboot_gdt - 1
	.quad __kboot_gdt

pvh_start_info:
	.long 0

	/* not zeroed (image.ld keeps .bss.nozero out of [__bss_start,
	 * __bss_end)): the tables are written whole above, stacks need no zeroes */
	.section .bss.nozero, "aw", @nobits
	.p2align 12
	.globl __kboot_pd, __kboot_pt0, __kboot_pdpt
boot_pml4:	.skip 4096
__kboot_pdpt:
boot_pdpt:	.skip 4096
__kboot_pd:	.skip 4096 * 4
__kboot_pt0:	.skip 4096
	/* the kernel stack: boot runs on it, then every syscall (entry.S) */
	.p2align 4
	.globl __kboot_stack, __kboot_stack_top
__kboot_stack:	.skip 65536
__kboot_stack_top:

	.section .note.GNU-stack, "", @progbits
