# Real-mode guest for several vCPUs (kvm-run --vcpus N): each takes its
# index from CPUID leaf 1 EBX[31:24] (the initial APIC ID), sets up its
# own stack, prints "hello from vcpu N" and halts.
	.code16
	.text
	.globl _start
_start:
	cli
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$1, %eax
	cpuid
	shr	$24, %ebx		# BX = the vCPU index
	mov	%bx, %ax		# stacks of 512 bytes below 0x7000
	shl	$9, %ax
	mov	$0x7000, %sp
	sub	%ax, %sp
	mov	$msg, %si
	call	puts
	mov	%bx, %ax
	mov	$1, %cx
	call	puthex
	mov	$'\n', %al
	call	putc
	hlt

msg:	.asciz	"hello from vcpu "

	.include "serial16.inc"
