# Long-mode guest (kvm-run --mode long): MMIO to the scratch device at
# 0xc0000000.  The runner's page tables map only the first GiB, so the
# guest maps 0xc0000000 itself (PDPT[3] -> a PD at 0x4000 with one 2 MiB
# page).  Then:
#   MOV writes of 1, 2, 4 and 8 bytes to offsets 0, 2, 4, 8, read back
#   with MOV of each size and with MOVZBL/MOVZWL;
#   REP STOSB of 4 bytes at 0x10, REP STOSL of 2 dwords at 0x20 and
#   REP MOVSB of "MMIO" from RAM to 0x30 (one exit per element), read
#   back with 4- and 8-byte MOVs; REP MOVSB of them back into RAM;
#   an 8-byte read of never-written offset 0x40.
# Expected:
#   mov8=12 mov16=3456 mov32=789abcde mov64=0123456789abcdef
#   movzb=00000012 movzw=00003456
#   stosb=aaaaaaaa stosl=55aa55aa55aa55aa movsb=4f494d4d
#   back=MMIO
#   unwritten=0000000000000000
	.code64
	.text
	.globl _start
_start:
	cld
	movq	$0x4003, 0x2018		# PDPT[3]: the PD at 0x4000
	mov	$0x4000, %edi
	mov	$512, %ecx
	xor	%eax, %eax
	rep stosq
	mov	$0xc0000083, %eax	# PD[0]: 0xc0000000, a 2 MiB page
	mov	%rax, 0x4000
	mov	%cr3, %rax
	mov	%rax, %cr3

	mov	$0xc0000000, %ebx
	movb	$0x12, (%rbx)
	movw	$0x3456, 2(%rbx)
	movl	$0x789abcde, 4(%rbx)
	mov	$0x0123456789abcdef, %rax
	mov	%rax, 8(%rbx)

	mov	$s_mov8, %rsi
	call	puts
	xor	%eax, %eax
	mov	(%rbx), %al
	mov	$2, %ecx
	call	puthex
	mov	$s_mov16, %rsi
	call	puts
	xor	%eax, %eax
	mov	2(%rbx), %ax
	mov	$4, %ecx
	call	puthex
	mov	$s_mov32, %rsi
	call	puts
	mov	4(%rbx), %eax
	mov	$8, %ecx
	call	puthex
	mov	$s_mov64, %rsi
	call	puts
	mov	8(%rbx), %rax
	mov	$16, %ecx
	call	puthex
	mov	$'\n', %al
	call	putc

	mov	$s_movzb, %rsi
	call	puts
	mov	$-1, %rax
	movzbl	(%rbx), %eax
	mov	$8, %ecx
	call	puthex
	mov	$s_movzw, %rsi
	call	puts
	mov	$-1, %rax
	movzwl	2(%rbx), %eax
	call	puthex
	mov	$'\n', %al
	call	putc

	lea	0x10(%rbx), %rdi
	mov	$0xaa, %al
	mov	$4, %ecx
	rep stosb
	lea	0x20(%rbx), %rdi
	mov	$0x55aa55aa, %eax
	mov	$2, %ecx
	rep stosl
	lea	0x30(%rbx), %rdi
	mov	$s_mmio, %rsi
	mov	$4, %ecx
	rep movsb

	mov	$s_stosb, %rsi
	call	puts
	mov	0x10(%rbx), %eax
	mov	$8, %ecx
	call	puthex
	mov	$s_stosl, %rsi
	call	puts
	mov	0x20(%rbx), %rax
	mov	$16, %ecx
	call	puthex
	mov	$s_movsb, %rsi
	call	puts
	mov	0x30(%rbx), %eax
	mov	$8, %ecx
	call	puthex
	mov	$'\n', %al
	call	putc

	lea	0x30(%rbx), %rsi
	mov	$back, %edi
	mov	$4, %ecx
	rep movsb
	mov	$s_back, %rsi
	call	puts

	mov	$s_unwritten, %rsi
	call	puts
	mov	0x40(%rbx), %rax
	mov	$16, %ecx
	call	puthex
	mov	$'\n', %al
	call	putc
	hlt

s_mov8:		.asciz	"mov8="
s_mov16:	.asciz	" mov16="
s_mov32:	.asciz	" mov32="
s_mov64:	.asciz	" mov64="
s_movzb:	.asciz	"movzb="
s_movzw:	.asciz	" movzw="
s_stosb:	.asciz	"stosb="
s_stosl:	.asciz	" stosl="
s_movsb:	.asciz	" movsb="
s_mmio:		.ascii	"MMIO"
s_back:		.ascii	"back="
back:		.asciz	"....\n"
s_unwritten:	.asciz	"unwritten="

	.include "serial64.inc"
