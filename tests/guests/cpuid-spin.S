# Real-mode guest that runs CPUID forever: every instruction an exit the
# VMM handles in the kernel, so RUN never returns on its own (the tests
# that need a live vCPU in RUN; under KVM too, unlike a loop without
# exits, which an emulated host may not get back from).
	.code16
	.text
	.globl _start
_start:
	cpuid
	jmp	_start
