# Real-mode guest: print a line on the COM1 data port, then halt.
# Loaded at 0x7c00 and entered with CS:IP = 0000:7c00, like a boot sector.
	.code16
	.text
	.globl _start
_start:
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	$0x3f8, %dx
	mov	$msg, %si
	mov	$msg_end - msg, %cx
1:	lodsb
	outb	%al, %dx
	loop	1b
	hlt

msg:	.ascii	"Hello from real mode\n"
msg_end:
