# Real-mode guest that spins forever without an exit: a VM kept alive
# for the tests that need one running (tests/vmm/vmx-robust.sh).
	.code16
	.text
	.globl _start
_start:
	jmp	_start
