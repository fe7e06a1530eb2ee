# Real-mode guest: halt at once.  No output; the run ends "exit: hlt".
	.code16
	.text
	.globl _start
_start:
	hlt
