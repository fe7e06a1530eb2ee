# Real-mode guest for myvdev's in-kernel PC platform (vmctl run
# --platform).  The PIT's channel 0, through the PICs set up as a PC BIOS
# does, wakes HLT ten times; the CMOS says its battery is good; the UART's
# transmitter-empty interrupt arrives on IRQ 4 as soon as it is enabled
# (not through "sti; hlt": QEMU's AMD-V takes a pending virtual interrupt
# inside STI's shadow, before the HLT); then the i8042 resets the
# machine.  Prints "ten ticks", "rtc ok", "uart iir 02"; the run ends
# "exit: reset".  Without the platform, the first HLT ends it.
	.code16
	.text
	.globl _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x7c00, %sp
	movw	$timer, 0x08 * 4		# IRQ 0: vector 0x08
	movw	$0, 0x08 * 4 + 2
	movw	$uart, 0x0c * 4			# IRQ 4: vector 0x0c
	movw	$0, 0x0c * 4 + 2

	mov	$0x11, %al			# ICW1: edge, cascade, ICW4
	out	%al, $0x20
	out	%al, $0xa0
	mov	$0x08, %al			# ICW2: vector bases
	out	%al, $0x21
	mov	$0x70, %al
	out	%al, $0xa1
	mov	$0x04, %al			# ICW3: the slave on IRQ 2
	out	%al, $0x21
	mov	$0x02, %al
	out	%al, $0xa1
	mov	$0x01, %al			# ICW4: 8086 mode
	out	%al, $0x21
	out	%al, $0xa1
	mov	$0xfe, %al			# only IRQ 0
	out	%al, $0x21
	mov	$0xff, %al
	out	%al, $0xa1

	mov	$0x34, %al			# channel 0, mode 2, LSB/MSB
	out	%al, $0x43
	mov	$0xa9, %al			# 1193 ticks: 1 ms
	out	%al, $0x40
	mov	$0x04, %al
	out	%al, $0x40
	sti
1:	hlt
	cli				# counted with interrupts off: a tick
	cmpw	$10, ticks		# may come between two instructions
	jae	2f
	sti
	jmp	1b
2:	mov	$0x30, %al			# channel 0 stops: mode 0, no count
	out	%al, $0x43
	mov	$msg_ticks, %si
	call	puts

	mov	$0x0d, %al			# CMOS register D: VRT
	out	%al, $0x70
	in	$0x71, %al
	cmp	$0x80, %al
	jne	2f
	mov	$msg_rtc, %si
	call	puts

2:	mov	$0x3fc, %dx			# MCR: OUT2 lets IRQ 4 out
	mov	$0x08, %al
	out	%al, %dx
	mov	$0xef, %al			# only IRQ 4
	out	%al, $0x21
	sti
	mov	$0x3f9, %dx			# IER: THR empty, which it is:
	mov	$0x02, %al			# the interrupt comes at once
	out	%al, %dx
3:	cmpb	$0, uart_irq
	je	3b
	cli
	mov	$msg_uart, %si
	call	puts
	movzbl	iir, %eax
	mov	$2, %cx
	call	puthex
	mov	$'\n', %al
	call	putc

	mov	$0xfe, %al			# i8042: pulse the reset line
	out	%al, $0x64
	hlt

timer:
	push	%ax
	incw	ticks
	mov	$0x20, %al			# non-specific EOI
	out	%al, $0x20
	pop	%ax
	iret

uart:
	push	%ax
	push	%dx
	mov	$0x3fa, %dx			# IIR: reading it clears THRE
	in	%dx, %al
	mov	%al, iir
	movb	$1, uart_irq
	mov	$0x3f9, %dx			# no more UART interrupts
	xor	%al, %al
	out	%al, %dx
	mov	$0x20, %al
	out	%al, $0x20
	pop	%dx
	pop	%ax
	iret

ticks:		.word 0
uart_irq:	.byte 0
iir:		.byte 0
msg_ticks:	.asciz "ten ticks\n"
msg_rtc:	.asciz "rtc ok\n"
msg_uart:	.asciz "uart iir "

	.include "serial16.inc"
