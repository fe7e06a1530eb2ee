# Long-mode guest (vmctl run --mode long --platform --disk D --net B):
# a hostile driver for the virtio-mmio devices at 0xd0000000 (a disk)
# and 0xd0001000 (a NIC).  For 3,000 rounds it does, on each device, one
# random thing of: set the device up with a queue whose size and ring
# addresses are random (now and then out of RAM or misaligned), fill
# guest memory where rings and buffers may be with random words, build
# descriptor chains with random lengths, flags and links and make a
# random number of them available, notify a random queue, write a
# random register, read the config space, write a random status.  It
# counts the times a device said DEVICE_NEEDS_RESET (0x40), then resets
# both devices and reads their magic values.
# Expected: "needs reset NNNNNNNN" (not 0), "magic 74726976 74726976",
# "virtio fuzz done", then HLT with interrupts off.
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
	mov	$0xd0000083, %eax	# PD[128]: 0xd0000000, a 2 MiB page
	mov	%rax, 0x4000 + 128 * 8
	mov	%cr3, %rax
	mov	%rax, %cr3

	mov	$0x2545f491, %r15d	# the generator's state
	xor	%r13d, %r13d		# NEEDS_RESET seen
	mov	$3000, %r14d
round:
	mov	$0xd0000000, %ebx
	call	fuzz
	mov	$0xd0001000, %ebx
	call	fuzz
	dec	%r14d
	jnz	round

	mov	$s_reset, %rsi
	call	puts
	mov	%r13, %rax
	mov	$8, %ecx
	call	puthex
	mov	$s_magic, %rsi
	call	puts
	mov	$0xd0000000, %ebx
	movl	$0, 0x70(%rbx)
	mov	(%rbx), %eax
	call	puthex
	mov	$' ', %al
	call	putc
	mov	$0xd0001000, %ebx
	movl	$0, 0x70(%rbx)
	mov	(%rbx), %eax
	call	puthex
	mov	$s_done, %rsi
	call	puts
	cli
	hlt

# random: EAX = the next value of a 32-bit xorshift generator in R15D.
random:
	mov	%r15d, %eax
	shl	$13, %eax
	xor	%eax, %r15d
	mov	%r15d, %eax
	shr	$17, %eax
	xor	%eax, %r15d
	mov	%r15d, %eax
	shl	$5, %eax
	xor	%eax, %r15d
	mov	%r15d, %eax
	ret

# zone: EAX = a random address in the 2 MiB at 1 MiB, 16-byte aligned.
zone:
	call	random
	and	$0x1ffff0, %eax
	add	$0x100000, %eax
	ret

# fuzz: one random thing to the device at RBX.
fuzz:
	call	random
	and	$7, %eax
	jmp	*actions(, %rax, 8)

setup:					# reset, features, a queue, DRIVER_OK
	movl	$0, 0x70(%rbx)
	movl	$3, 0x70(%rbx)		# ACKNOWLEDGE | DRIVER
	movl	$1, 0x24(%rbx)
	movl	$1, 0x20(%rbx)		# VIRTIO_F_VERSION_1
	movl	$0, 0x24(%rbx)
	movl	$0, 0x20(%rbx)
	movl	$11, 0x70(%rbx)		# | FEATURES_OK
	call	random
	and	$1, %eax
	mov	%eax, 0x30(%rbx)	# QUEUE_SEL
	call	random
	mov	%eax, %ecx
	and	$7, %ecx
	mov	$1, %eax
	shl	%cl, %eax		# 1 to 128 entries
	mov	%eax, 0x38(%rbx)
	mov	%eax, qsize
	call	zone
	mov	%eax, 0x80(%rbx)	# QUEUE_DESC
	mov	%eax, desc
	call	zone
	mov	%eax, 0x90(%rbx)	# QUEUE_AVAIL
	mov	%eax, avail
	call	zone
	mov	%eax, 0xa0(%rbx)	# QUEUE_USED
	call	random			# now and then: out of RAM, misaligned
	test	$0x70, %eax
	jnz	1f
	mov	%eax, 0x84(%rbx)
	mov	%eax, 0x80(%rbx)
1:	movl	$1, 0x44(%rbx)		# QUEUE_READY
	movl	$15, 0x70(%rbx)		# | DRIVER_OK
	ret

garbage:				# 64 random dwords somewhere in the zone
	call	zone
	mov	%eax, %edi
	mov	$64, %ecx
1:	call	random
	stosl
	loop	1b
	ret

chains:					# descriptors, then make some available
	mov	desc(%rip), %edi
	mov	qsize(%rip), %ecx
1:	call	zone
	mov	%rax, (%rdi)		# addr
	call	random
	test	$0x3, %eax		# mostly short, now and then huge
	jz	2f
	and	$0x1fff, %eax
2:	mov	%eax, 8(%rdi)		# len
	call	random
	and	$7, %eax		# NEXT, WRITE, INDIRECT
	mov	%ax, 12(%rdi)
	call	random
	mov	%ax, 14(%rdi)		# next: any index
	add	$16, %edi
	loop	1b
	mov	avail(%rip), %edi
	call	random
	and	$0x1ff, %eax
	mov	%ax, 4(%rdi)		# ring[0], ring[1]: any head
	shr	$16, %eax
	mov	%ax, 6(%rdi)
	call	random
	and	$3, %eax
	add	%ax, 2(%rdi)		# idx: 0 to 3 more
	call	random
	test	$0xf0, %eax		# now and then far more
	jnz	notify
	add	%ax, 2(%rdi)
notify:
	call	random
	and	$3, %eax		# queues 0, 1 and two that do not exist
	mov	%eax, 0x50(%rbx)
	mov	0x70(%rbx), %eax
	test	$0x40, %eax
	jz	1f
	inc	%r13d
1:	mov	0x60(%rbx), %eax	# acknowledge what it raised
	mov	%eax, 0x64(%rbx)
	ret

reg:					# a random register, a random value
	call	random
	and	$0xfc, %eax
	mov	%eax, %ecx
	call	random
	mov	%eax, (%rbx, %rcx)
	ret

config:					# reads of the config space
	call	random
	and	$0x7f, %eax
	movzbl	0x100(%rbx, %rax), %ecx
	movzwl	0x100(%rbx, %rax), %ecx
	and	$0x7c, %eax
	mov	0x100(%rbx, %rax), %ecx
	ret

status:
	call	random
	and	$0xff, %eax
	mov	%eax, 0x70(%rbx)
	ret

	.align	8
actions:
	.quad	setup, garbage, chains, chains, notify, reg, config, status

qsize:	.long	1
desc:	.long	0x100000
avail:	.long	0x100000

s_reset:	.asciz	"needs reset "
s_magic:	.asciz	"\nmagic "
s_done:		.asciz	"\nvirtio fuzz done\n"

	.include "serial64.inc"
