# Real-mode guest that hammers myvdev's platform (vmctl run --platform):
# 2,000 random values to random registers of the PICs, the PIT, port
# 0x61, the UART, the CMOS and the i8042 (a reset among them ends the run
# early), reads in between, and interrupts enabled so that whatever the
# random programming raises is taken: every vector points to a handler
# that masks every line of both PICs and sends them an EOI, as an OS
# silences an interrupt nobody handles (a level-triggered line that
# stays high would interrupt again at each IRET, for ever: VT-x does so,
# QEMU's AMD-V now and then takes the next one after a short STI window
# instead).  Random writes unmask lines again.  Then "fuzz done" and a
# reset through the i8042.  The host must stay healthy whatever happens.
	.code16
	.text
	.globl _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	mov	$0x7c00, %sp
	xor	%di, %di			# every IVT entry: any_irq
	mov	$256, %cx
1:	movw	$any_irq, (%di)
	movw	$0, 2(%di)
	add	$4, %di
	loop	1b

	mov	$2000, %cx
	mov	$0x1234, %bx			# the generator's state
2:	call	random
	mov	%ax, %si
	and	$15, %si			# one of 16 ports
	add	%si, %si
	mov	ports(%si), %dx
	call	random
	test	$0x0100, %ax			# half writes, half reads
	jz	3f
	outb	%al, %dx
	jmp	4f
3:	inb	%dx, %al
4:	test	$0x0e00, %ax			# now and then, take interrupts
	jnz	5f
	sti
	nop
	nop
	cli
5:	loop	2b

	mov	$0x3fb, %dx			# LCR: no divisor latch
	xor	%al, %al
	out	%al, %dx
	mov	$0x3fc, %dx			# MCR: no loopback
	out	%al, %dx
	mov	$msg_done, %si
	call	puts
	mov	$0xfe, %al
	out	%al, $0x64
	hlt

# random: AX = the next value of a 16-bit xorshift generator in BX.
random:
	mov	%bx, %ax
	shl	$7, %ax
	xor	%ax, %bx
	mov	%bx, %ax
	shr	$9, %ax
	xor	%ax, %bx
	mov	%bx, %ax
	shl	$8, %ax
	xor	%ax, %bx
	mov	%bx, %ax
	ret

any_irq:
	push	%ax
	mov	$0xff, %al			# OCW1 (or an ICW, mid-init)
	out	%al, $0x21
	out	%al, $0xa1
	mov	$0x20, %al
	out	%al, $0xa0
	out	%al, $0x20
	pop	%ax
	iret

ports:
	.word	0x20, 0x21, 0xa0, 0xa1, 0x4d0, 0x4d1, 0x40, 0x42
	.word	0x43, 0x61, 0x3f9, 0x3fb, 0x3fc, 0x70, 0x71, 0x64
msg_done:
	.asciz	"fuzz done\n"

	.include "serial16.inc"
