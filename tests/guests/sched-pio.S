# Real-mode guest for tests/vmm/vmx-sched.sh: 2,000 port writes to 0x80,
# each an exit to user space, then a line on COM1 and HLT.  Two of them
# share a CPU with another VM, so most entries follow a switch of VMCS.
# Expected serial output:
#   2000 exits done
	.code16
	.text
	.globl _start
_start:
	mov	$2000, %cx
1:	outb	%al, $0x80
	loop	1b
	cld
	xor	%ax, %ax
	mov	%ax, %ds
	mov	$msg, %si
	call	puts
	hlt

msg:	.asciz	"2000 exits done\n"

	.include "serial16.inc"
