# Real-mode guest: port I/O of every size, single and string.
#   OUT of 1, 2 and 4 bytes to ports 0x80, 0x70 and 0xcf8 (ignored),
#   IN of 1, 2 and 4 bytes from 0x60, 0x64 and 0xcfc (all-ones),
#   REP OUTSB of a line to COM1, REP OUTSW of two words to 0x80,
#   REP INSB of 4 bytes from 0x60 and REP INSW of 2 words from 0x64.
# Expected serial output:
#   in8=ff in16=ffff in32=ffffffff
#   rep outsb to COM1
#   insb=ff ff ff ff
#   insw=ffff ffff
	.code16
	.text
	.globl _start
_start:
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es

	mov	$0x11, %al
	outb	%al, $0x80
	mov	$0x2233, %ax
	outw	%ax, $0x70
	mov	$0xcf8, %dx
	mov	$0x80001234, %eax
	outl	%eax, %dx

	mov	$s_in8, %si
	call	puts
	xor	%eax, %eax
	inb	$0x60, %al
	mov	$2, %cx
	call	puthex
	mov	$s_in16, %si
	call	puts
	xor	%eax, %eax
	inw	$0x64, %ax
	mov	$4, %cx
	call	puthex
	mov	$s_in32, %si
	call	puts
	xor	%eax, %eax
	mov	$0xcfc, %dx
	inl	%dx, %eax
	mov	$8, %cx
	call	puthex
	mov	$'\n', %al
	call	putc

	mov	$line, %si
	mov	$line_end - line, %cx
	mov	$0x3f8, %dx
	rep outsb

	mov	$words, %si
	mov	$2, %cx
	mov	$0x80, %dx
	rep outsw

	mov	$buf, %di
	mov	$4, %cx
	mov	$0x60, %dx
	rep insb
	mov	$s_insb, %si
	call	puts
	mov	$buf, %bx
	mov	$4, %di			# elements
	mov	$2, %cx			# digits each
	call	put_elems

	mov	$buf, %di
	movl	$0, (%di)		# what the reads must overwrite
	mov	$2, %cx
	mov	$0x64, %dx
	rep insw
	mov	$s_insw, %si
	call	puts
	mov	$buf, %bx
	mov	$2, %di
	mov	$4, %cx
	call	put_elems
	hlt

# Print DI elements of CX hex digits from BX on, separated by spaces.
put_elems:
	xor	%eax, %eax
	cmp	$2, %cx
	jne	1f
	mov	(%bx), %al
	inc	%bx
	jmp	2f
1:	mov	(%bx), %ax
	add	$2, %bx
2:	call	puthex
	dec	%di
	jz	3f
	mov	$' ', %al
	call	putc
	jmp	put_elems
3:	mov	$'\n', %al
	call	putc
	ret

s_in8:		.asciz	"in8="
s_in16:		.asciz	" in16="
s_in32:		.asciz	" in32="
s_insb:		.asciz	"insb="
s_insw:		.asciz	"insw="
line:		.ascii	"rep outsb to COM1\n"
line_end:
words:		.word	0x4455, 0x6677
	.balign	4
buf:		.long	0

	.include "serial16.inc"
