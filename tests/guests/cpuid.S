# Real-mode guest: what CPUID tells a guest of this VMM.
#   vendor=GenuineIntel		leaf 0 EBX, EDX, ECX
#   hypervisor=1 vmx=0		leaf 1 ECX bits 31 and 5
#   signature=KVMKVMKVM...	leaf 0x40000000 EBX, ECX, EDX; bytes
#				outside ' '..'~' shown as '.'
	.code16
	.text
	.globl _start
_start:
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es

	xor	%eax, %eax
	cpuid
	mov	%ebx, regs
	mov	%edx, regs + 4
	mov	%ecx, regs + 8
	mov	$s_vendor, %si
	call	puts
	call	put_regs

	mov	$1, %eax
	cpuid
	mov	$s_hv, %si
	call	puts
	mov	%ecx, %eax
	shr	$31, %eax
	add	$'0', %al
	call	putc
	mov	$s_vmx, %si
	call	puts
	mov	%ecx, %eax
	shr	$5, %eax
	and	$1, %al
	add	$'0', %al
	call	putc
	mov	$'\n', %al
	call	putc

	mov	$0x40000000, %eax
	cpuid
	mov	%ebx, regs
	mov	%ecx, regs + 4
	mov	%edx, regs + 8
	mov	$s_sig, %si
	call	puts
	call	put_regs
	hlt

# Print the 12 bytes at regs, non-printable ones as '.', and a newline.
put_regs:
	mov	$regs, %si
	mov	$12, %cx
1:	lodsb
	cmp	$' ', %al
	jb	2f
	cmp	$'~', %al
	jbe	3f
2:	mov	$'.', %al
3:	call	putc
	loop	1b
	mov	$'\n', %al
	call	putc
	ret

s_vendor:	.asciz	"vendor="
s_hv:		.asciz	"hypervisor="
s_vmx:		.asciz	" vmx="
s_sig:		.asciz	"signature="
regs:		.space	12

	.include "serial16.inc"
