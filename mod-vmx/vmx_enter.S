/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering a guest and coming back: int myvmx_vmx_enter(u64 *gpr,
 * bool launched).  Loads the guest's general registers from @gpr (x86
 * order, RSP excepted: the VMCS holds it), runs VMLAUNCH or VMRESUME, and
 * on the VM exit (HOST_RIP = myvmx_vmx_exit_point, HOST_RSP = the stack
 * below) stores them back.  Returns 0 after a VM exit, 1 when the VM
 * instruction itself failed.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/segment.h>
#include <asm/unwind_hints.h>

#include "enter.inc"

#define GPR(n) ((n) * 8)
/* The VMCS field encoding of HOST_RSP (checked in vmx_vmcs.c). */
#define MYVMX_HOST_RSP 0x6c14

	.text

SYM_FUNC_START(myvmx_vmx_enter)
	push	%rbp
	mov	%rsp, %rbp
	push	%r15
	push	%r14
	push	%r13
	push	%r12
	push	%rbx
	/* @gpr stays on the stack for the way back. */
	push	%rdi
	mov	%sil, %bl

	/* The VM exit lands with this stack pointer. */
	mov	$MYVMX_HOST_RSP, %eax
	vmwrite	%rsp, %rax
	jbe	.Lfail

	mov	%rdi, %rax
	test	%bl, %bl
	mov	GPR(1)(%rax), %rcx
	mov	GPR(2)(%rax), %rdx
	mov	GPR(3)(%rax), %rbx
	mov	GPR(5)(%rax), %rbp
	mov	GPR(6)(%rax), %rsi
	mov	GPR(7)(%rax), %rdi
	mov	GPR(8)(%rax), %r8
	mov	GPR(9)(%rax), %r9
	mov	GPR(10)(%rax), %r10
	mov	GPR(11)(%rax), %r11
	mov	GPR(12)(%rax), %r12
	mov	GPR(13)(%rax), %r13
	mov	GPR(14)(%rax), %r14
	mov	GPR(15)(%rax), %r15
	mov	GPR(0)(%rax), %rax
	/* ZF from the test above: the MOVs leave flags alone. */
	jnz	.Lresume

	UNWIND_HINT_SAVE
	vmlaunch
	jmp	.Lfail
.Lresume:
	vmresume
	jmp	.Lfail

SYM_INNER_LABEL(myvmx_vmx_exit_point, SYM_L_GLOBAL)
	UNWIND_HINT_RESTORE
	ENDBR
	push	%rax
	mov	8(%rsp), %rax
	pop	GPR(0)(%rax)
	mov	%rcx, GPR(1)(%rax)
	mov	%rdx, GPR(2)(%rax)
	mov	%rbx, GPR(3)(%rax)
	mov	%rbp, GPR(5)(%rax)
	mov	%rsi, GPR(6)(%rax)
	mov	%rdi, GPR(7)(%rax)
	mov	%r8, GPR(8)(%rax)
	mov	%r9, GPR(9)(%rax)
	mov	%r10, GPR(10)(%rax)
	mov	%r11, GPR(11)(%rax)
	mov	%r12, GPR(12)(%rax)
	mov	%r13, GPR(13)(%rax)
	mov	%r14, GPR(14)(%rax)
	mov	%r15, GPR(15)(%rax)
	xor	%ebx, %ebx
	jmp	.Lout

.Lfail:
	mov	$1, %ebx
.Lout:
	MYVMX_SCRUB_GUEST_REGS
	mov	%ebx, %eax
	pop	%rdi
	pop	%rbx
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	pop	%rbp
	RET
SYM_FUNC_END(myvmx_vmx_enter)

/*
 * void myvmx_vmx_do_interrupt(unsigned long handler): run the host's
 * handler of an interrupt or NMI that VM exit took (and acknowledged)
 * in the guest's place, through the frame the CPU would have built: SS,
 * RSP, RFLAGS (interrupts off), CS, and the return address.  The handler
 * ends with IRET, which comes back here.
 */
SYM_FUNC_START(myvmx_vmx_do_interrupt)
	push	%rbp
	mov	%rsp, %rbp
	and	$-16, %rsp
	push	$__KERNEL_DS
	push	%rbp
	pushf
	push	$__KERNEL_CS
	CALL_NOSPEC rdi
	/* IRET restored RSP already; this tells objtool as much. */
	mov	%rbp, %rsp
	pop	%rbp
	RET
SYM_FUNC_END(myvmx_vmx_do_interrupt)
