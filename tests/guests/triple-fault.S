# Guest that triple-faults: from real mode it enters 32-bit protected
# mode, loads an IDT of limit 0 and divides by zero.  The #DE vector is
# beyond the limit (#GP), so is #GP's (#DF), so is #DF's: a triple fault,
# and the run ends "exit: shutdown".  Protected mode and #DE, not real
# mode and INT3, for AMD hosts: on one, real mode ignored the IDT limit,
# and KVM intercepted INT3 and failed to emulate it in protected mode
# (internal-error).  No VMM intercepts #DE.  Expected:
#   divide error with an empty IDT
	.code16
	.text
	.globl _start
_start:
	cli
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	$msg, %si
	call	puts
	lgdtl	gdtr
	mov	%cr0, %eax
	or	$1, %al			# PE
	mov	%eax, %cr0
	ljmpl	$0x08, $pm32

	.code32
pm32:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x7c00, %esp
	lidt	empty_idt
	xor	%ecx, %ecx
	div	%ecx			# #DE
	mov	$0x3f8, %dx		# not reached
	mov	$'!', %al
	outb	%al, %dx
	hlt

	.balign	8
gdt:	.quad	0
	.quad	0x00cf9a000000ffff	# 0x08: 32-bit code
	.quad	0x00cf92000000ffff	# 0x10: data
gdtr:	.word	gdtr - gdt - 1
	.long	gdt
empty_idt:
	.word	0			# limit
	.long	0			# base
msg:	.asciz	"divide error with an empty IDT\n"

	.code16
	.include "serial16.inc"
