# Benchmark guest (bench/vmexit.sh): 100,000 CPUID exits, which the VMM
# handles in the kernel, then HLT.
	.code16
	.text
	.globl _start
_start:
	mov	$100000, %esi
1:	xor	%eax, %eax
	cpuid
	dec	%esi
	jnz	1b
	hlt
