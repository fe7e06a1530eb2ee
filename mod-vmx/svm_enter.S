/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entering an AMD-V guest and coming back: void myvmx_svm_enter(u64 *gpr,
 * u64 vmcb_pa, u64 host_save_pa), called with interrupts off.
 *
 * With the global interrupt flag clear, VMSAVE keeps the host's FS, GS,
 * TR, LDTR and syscall MSRs in the per-CPU @host_save_pa page and VMLOAD
 * puts the guest's in place; the guest's general registers come from
 * @gpr (x86 order; RAX and RSP are the VMCB's).  STI right before VMRUN
 * lets the host's interrupts end the guest's turn (the INTR intercept):
 * GIF keeps them pending until then and again after the exit.  On the way
 * back the guest's registers go to @gpr, VMSAVE and VMLOAD swap the state
 * back, and STGI lets the host's pending interrupts in once the caller
 * enables them.
 */
#include <linux/linkage.h>
#include <asm/asm.h>

#include "enter.inc"

#define GPR(n) ((n) * 8)

	.text

SYM_FUNC_START(myvmx_svm_enter)
	push	%rbp
	mov	%rsp, %rbp
	push	%r15
	push	%r14
	push	%r13
	push	%r12
	push	%rbx
	/* @gpr, @vmcb_pa and @host_save_pa stay on the stack. */
	push	%rdi
	push	%rsi
	push	%rdx

	clgi
	mov	%rdx, %rax
	vmsave	%rax
	mov	%rsi, %rax
	vmload	%rax

	mov	GPR(1)(%rdi), %rcx
	mov	GPR(2)(%rdi), %rdx
	mov	GPR(3)(%rdi), %rbx
	mov	GPR(5)(%rdi), %rbp
	mov	GPR(6)(%rdi), %rsi
	mov	GPR(8)(%rdi), %r8
	mov	GPR(9)(%rdi), %r9
	mov	GPR(10)(%rdi), %r10
	mov	GPR(11)(%rdi), %r11
	mov	GPR(12)(%rdi), %r12
	mov	GPR(13)(%rdi), %r13
	mov	GPR(14)(%rdi), %r14
	mov	GPR(15)(%rdi), %r15
	mov	GPR(7)(%rdi), %rdi

	sti
	vmrun	%rax
	cli

	/* RAX is the VMCB's address again; the rest is the guest's. */
	push	%rdi
	mov	3 * 8(%rsp), %rdi
	pop	GPR(7)(%rdi)
	mov	%rcx, GPR(1)(%rdi)
	mov	%rdx, GPR(2)(%rdi)
	mov	%rbx, GPR(3)(%rdi)
	mov	%rbp, GPR(5)(%rdi)
	mov	%rsi, GPR(6)(%rdi)
	mov	%r8, GPR(8)(%rdi)
	mov	%r9, GPR(9)(%rdi)
	mov	%r10, GPR(10)(%rdi)
	mov	%r11, GPR(11)(%rdi)
	mov	%r12, GPR(12)(%rdi)
	mov	%r13, GPR(13)(%rdi)
	mov	%r14, GPR(14)(%rdi)
	mov	%r15, GPR(15)(%rdi)

	vmsave	%rax
	mov	(%rsp), %rax
	vmload	%rax
	stgi

	MYVMX_SCRUB_GUEST_REGS
	add	$3 * 8, %rsp
	pop	%rbx
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	pop	%rbp
	RET
SYM_FUNC_END(myvmx_svm_enter)
