# Real-mode guest: accesses outside RAM (1 MiB by default) and around the
# end of the scratch device, from "unreal" mode: DS keeps a 4 GiB limit
# loaded in protected mode, so 32-bit addresses (addr32) reach them.
# Writes outside RAM and the device are dropped, reads return all-ones.
# Expected:
#   0x80000000: wrote 12345678, read ffffffff
#   0x00100000: read ffffffff
#   0xc0000fff: wrote 5a, read 5a
#   0xc0001000: wrote 5a, read ff
	.code16
	.text
	.globl _start
_start:
	cli
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	lgdtl	gdtr
	mov	%cr0, %eax
	or	$1, %al
	mov	%eax, %cr0		# protected mode, still a 16-bit CS
	jmp	1f
1:	mov	$0x08, %bx
	mov	%bx, %ds		# base 0, limit 4 GiB
	and	$~1, %al
	mov	%eax, %cr0		# real mode; DS keeps its limit
	jmp	2f
2:
	mov	$0x12345678, %eax
	addr32 mov %eax, 0x80000000
	addr32 mov 0x80000000, %ebx
	mov	$s_8000, %si
	call	puts
	mov	$8, %cx
	call	puthex
	mov	$s_read, %si
	call	puts
	mov	%ebx, %eax
	call	puthex
	mov	$'\n', %al
	call	putc

	addr32 mov 0x100000, %eax
	mov	$s_0010, %si
	call	puts
	call	puthex
	mov	$'\n', %al
	call	putc

	mov	$s_c000, %si
	mov	$0xc0000fff, %edi
	call	byte_rw
	mov	$s_c001, %si
	mov	$0xc0001000, %edi
	call	byte_rw
	hlt

# Write 0x5a to the byte at EDI, read it back; print the line at SI.
byte_rw:
	call	puts
	movb	$0x5a, %al
	addr32 mov %al, (%edi)
	movb	$0, %al
	addr32 mov (%edi), %bl
	mov	$2, %cx
	mov	$0x5a, %eax
	mov	$s_wrote, %si
	call	puts
	call	puthex
	mov	$s_read, %si
	call	puts
	mov	%bl, %al
	call	puthex
	mov	$'\n', %al
	call	putc
	ret

	.balign	8
gdt:	.quad	0
	.quad	0x00cf92000000ffff	# 0x08: data, base 0, limit 4 GiB
gdtr:	.word	gdtr - gdt - 1
	.long	gdt
s_8000:	.asciz	"0x80000000: wrote "
s_0010:	.asciz	"0x00100000: read "
s_c000:	.asciz	"0xc0000fff:"
s_c001:	.asciz	"0xc0001000:"
s_wrote: .asciz	" wrote "
s_read:	.asciz	", read "

	.include "serial16.inc"
