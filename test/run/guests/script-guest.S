/* A stand-in guest for testing the host side of the guest/host contract
 * without the kernel: it plays a script of (port, length, bytes) records,
 * writing each record's bytes to its I/O port (COM1 0x3f8, COM2 0x2f8,
 * debugcon 0xe9), then stops QEMU through isa-debug-exit. Port 0xffff means
 * "spin forever" (for timeouts). The script comes from a second object that
 * defines `script`. Runs in 32-bit protected mode, as PVH enters. */
	.section .note.pvh, "a", @note
	.p2align 2
	.long 4            /* name size: "Xen\0" */
	.long 4            /* descriptor size */
	.long 18           /* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.long _start

	.text
	.code32
	.globl _start
_start:
	cld
	movl $script, %esi
next:
	movzwl (%esi), %edx    /* port */
	movl 2(%esi), %ecx     /* length */
	addl $6, %esi
	testl %edx, %edx
	jz stop
	cmpl $0xffff, %edx
	je spin
	rep outsb              /* %ecx bytes from (%esi) to port %dx */
	jmp next
spin:
	jmp spin
stop:
	movw $0xf4, %dx
	xorl %eax, %eax
	outl %eax, %dx
	hlt
	jmp stop
