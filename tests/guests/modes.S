# Guest that climbs the modes: starts in real mode, enters 32-bit
# protected mode with its own GDT, then enables PAE paging (its own page
# tables, identity-mapping the first 2 MiB) and long mode.  Expected:
#   protected
#   long
#   efer=00000500
	.text
	.globl _start
	.code16
_start:
	cli
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	lgdtl	gdtr
	mov	%cr0, %eax
	or	$1, %eax		# PE
	mov	%eax, %cr0
	ljmp	$0x08, $pm32

	.code32
pm32:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$0x7c00, %esp
	mov	$s_protected, %esi
	mov	$0x3f8, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:
	# PML4 at 0x10000, PDPT at 0x11000, PD at 0x12000 (one 2 MiB page).
	mov	$0x10000, %edi
	mov	$3 * 4096 / 4, %ecx
	xor	%eax, %eax
	rep stosl
	movl	$0x11003, 0x10000
	movl	$0x12003, 0x11000
	movl	$0x00083, 0x12000
	mov	$0x10000, %eax
	mov	%eax, %cr3
	mov	%cr4, %eax
	or	$0x20, %eax		# PAE
	mov	%eax, %cr4
	mov	$0xc0000080, %ecx	# EFER
	rdmsr
	or	$0x100, %eax		# LME
	wrmsr
	mov	%cr0, %eax
	or	$0x80000000, %eax	# PG
	mov	%eax, %cr0
	ljmp	$0x18, $lm64

	.code64
lm64:
	mov	$s_long, %rsi
	call	puts
	mov	$0xc0000080, %ecx
	rdmsr
	mov	$s_efer, %rsi
	call	puts
	mov	$8, %ecx
	call	puthex
	mov	$'\n', %al
	call	putc
	hlt

	.balign	8
gdt:	.quad	0
	.quad	0x00cf9a000000ffff	# 0x08: 32-bit code
	.quad	0x00cf92000000ffff	# 0x10: data
	.quad	0x00af9a000000ffff	# 0x18: 64-bit code
gdtr:	.word	gdtr - gdt - 1
	.long	gdt
s_protected:	.asciz	"protected\n"
s_long:		.asciz	"long\n"
s_efer:		.asciz	"efer="

	.include "serial64.inc"
