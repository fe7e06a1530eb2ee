# Benchmark guest (bench/vmexit.sh): 100,000 port writes to 0x80, each an
# exit the VMM returns to its user-space runner, then HLT.
	.code16
	.text
	.globl _start
_start:
	mov	$100000, %esi
1:	outb	%al, $0x80
	dec	%esi
	jnz	1b
	hlt
