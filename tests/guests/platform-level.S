# Real-mode guest for myvdev's PICs (vmctl run --platform): a
# level-triggered line interrupts again after every EOI while it stays
# high, an edge-triggered one once.  The UART's transmitter-empty
# interrupt on IRQ 4 stays high, as this handler never reads the IIR; the
# handler counts and, at 100, masks the line.  Prints "level irqs 0064"
# and "edge irqs 0001", then resets the machine through the i8042.
	.code16
	.text
	.globl _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x7c00, %sp
	movw	$uart, 0x0c * 4			# IRQ 4: vector 0x0c
	movw	$0, 0x0c * 4 + 2

	mov	$0x11, %al			# ICW1: edge, cascade, ICW4
	out	%al, $0x20
	mov	$0x08, %al			# ICW2: vector base 0x08
	out	%al, $0x21
	mov	$0x04, %al			# ICW3: a slave on IRQ 2
	out	%al, $0x21
	mov	$0x01, %al			# ICW4: 8086 mode
	out	%al, $0x21

	mov	$0x10, %al			# ELCR: IRQ 4 level-triggered
	mov	$0x4d0, %dx
	out	%al, %dx
	call	count_irqs
	mov	$msg_level, %si
	call	report

	xor	%al, %al			# ELCR: IRQ 4 edge-triggered
	mov	$0x4d0, %dx
	out	%al, %dx
	call	count_irqs
	mov	$msg_edge, %si
	call	report

	mov	$0xfe, %al			# i8042: pulse the reset line
	out	%al, $0x64
	hlt

# count_irqs: raise IRQ 4 (the UART's THR is empty), let interrupts come
# for a while, then lower it.
count_irqs:
	movw	$0, irqs
	mov	$0x3fc, %dx			# MCR: OUT2 lets IRQ 4 out
	mov	$0x08, %al
	out	%al, %dx
	mov	$0xef, %al			# only IRQ 4
	out	%al, $0x21
	mov	$0x3f9, %dx			# IER: THR empty
	mov	$0x02, %al
	out	%al, %dx
	sti
	xor	%cx, %cx			# 65536 turns
1:	cmpw	$100, irqs
	jae	2f
	loop	1b
2:	cli
	xor	%al, %al			# IER: nothing; MCR: OUT2 off
	mov	$0x3f9, %dx
	out	%al, %dx
	mov	$0x3fc, %dx
	out	%al, %dx
	ret

# report: the string at SI, then the count in hex and a newline.
report:
	call	puts
	movzwl	irqs, %eax
	mov	$4, %cx
	call	puthex
	mov	$'\n', %al
	jmp	putc

uart:
	push	%ax
	incw	irqs
	cmpw	$100, irqs			# enough: mask the line
	jb	1f
	mov	$0xff, %al
	out	%al, $0x21
1:	mov	$0x20, %al			# non-specific EOI
	out	%al, $0x20
	pop	%ax
	iret

irqs:		.word 0
msg_level:	.asciz "level irqs "
msg_edge:	.asciz "edge irqs "

	.include "serial16.inc"
