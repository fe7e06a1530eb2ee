# Real-mode guest: RDMSR and WRMSR of an MSR no CPU has (0xdeadbeef) raise
# #GP.  A handler in the IVT (vector 13) checks that the fault points at
# the instruction, prints it, and resumes after it.  Expected:
#   rdmsr 0xdeadbeef
#   #GP at rdmsr
#   wrmsr 0xdeadbeef
#   #GP at wrmsr
#   2 faults
	.code16
	.text
	.globl _start
_start:
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %es
	movw	$gp_handler, 13 * 4
	movw	$0, 13 * 4 + 2

	mov	$s_rdmsr, %si
	call	puts
	movw	$the_rdmsr, expect_ip
	movw	$s_at_rdmsr, expect_msg
	mov	$0xdeadbeef, %ecx
the_rdmsr:
	rdmsr

	mov	$s_wrmsr, %si
	call	puts
	movw	$the_wrmsr, expect_ip
	movw	$s_at_wrmsr, expect_msg
	mov	$0xdeadbeef, %ecx
	xor	%eax, %eax
	xor	%edx, %edx
the_wrmsr:
	wrmsr

	mov	faults, %ax
	mov	$1, %cx
	call	puthex
	mov	$s_faults, %si
	call	puts
	hlt

# #GP in real mode: IP, CS and FLAGS on the stack, no error code.
gp_handler:
	push	%bp
	mov	%sp, %bp
	push	%ax
	push	%si
	incw	faults
	mov	2(%bp), %ax		# the faulting IP
	cmp	expect_ip, %ax
	jne	1f
	mov	expect_msg, %si
	call	puts
	addw	$2, 2(%bp)		# skip the 2-byte instruction
	pop	%si
	pop	%ax
	pop	%bp
	iret
1:	mov	$s_elsewhere, %si	# a fault elsewhere: stop here
	call	puts
	mov	$4, %cx
	call	puthex
	mov	$'\n', %al
	call	putc
	hlt

expect_ip:	.word	0
expect_msg:	.word	0
faults:		.word	0
s_rdmsr:	.asciz	"rdmsr 0xdeadbeef\n"
s_wrmsr:	.asciz	"wrmsr 0xdeadbeef\n"
s_at_rdmsr:	.asciz	"#GP at rdmsr\n"
s_at_wrmsr:	.asciz	"#GP at wrmsr\n"
s_faults:	.asciz	" faults\n"
s_elsewhere:	.asciz	"#GP at ip="

	.include "serial16.inc"
