// SPDX-License-Identifier: GPL-2.0
/*
 * Entering a VT-x guest, once per pass of vcpu.c's run loop: with
 * preemption off and the VMCS current here (vcpu_load.c), load the guest's
 * FPU registers and SYSCALL MSRs and enter with interrupts off; after the
 * exit put back what VMX does not (those MSRs, data and FS/GS selectors,
 * TSS and GDT limits), hand a host interrupt that came during the guest
 * to its handler, then handle the exit.
 */
#include <asm/desc.h>
#include <asm/tlbflush.h>

#include "vmx.h"

struct myvmx_host_segs {
	u16 ds, es, fs, gs;
	unsigned long fs_base;
	u64 kernel_gs_base;
};

/*
 * The host's SYSCALL MSRs.  Linux gives STAR, LSTAR and SYSCALL_MASK the
 * same values on every CPU and keeps them (syscall_init), so they are
 * read once, when the backend loads.
 */
static u64 myvmx_host_star, myvmx_host_lstar, myvmx_host_sfmask;

void myvmx_vmx_read_host_msrs(void)
{
	rdmsrl(MSR_STAR, myvmx_host_star);
	rdmsrl(MSR_LSTAR, myvmx_host_lstar);
	rdmsrl(MSR_SYSCALL_MASK, myvmx_host_sfmask);
}

static void myvmx_swap_msr(u32 msr, u64 from, u64 to)
{
	if (from != to)
		wrmsrl(msr, to);
}

/*
 * VMX switches neither the SYSCALL MSRs nor KERNEL_GS_BASE: while the
 * guest runs, the CPU must hold the guest's (its SYSCALL and SWAPGS use
 * them), and the host's again before anything of the host can.  The
 * guest's SWAPGS changes KERNEL_GS_BASE without an exit: it is read back.
 * CSTAR is left alone: Intel CPUs have no SYSCALL in compatibility mode.
 */
static void myvmx_load_guest_msrs(struct myvmx_vmx_vcpu *vx,
				  struct myvmx_host_segs *h)
{
	rdmsrl(MSR_KERNEL_GS_BASE, h->kernel_gs_base);
	wrmsrl(MSR_KERNEL_GS_BASE, vx->msr_kernel_gs_base);
	myvmx_swap_msr(MSR_STAR, myvmx_host_star, vx->msr_star);
	myvmx_swap_msr(MSR_LSTAR, myvmx_host_lstar, vx->msr_lstar);
	myvmx_swap_msr(MSR_SYSCALL_MASK, myvmx_host_sfmask, vx->msr_sfmask);
}

static void myvmx_put_guest_msrs(struct myvmx_vmx_vcpu *vx,
				 const struct myvmx_host_segs *h)
{
	rdmsrl(MSR_KERNEL_GS_BASE, vx->msr_kernel_gs_base);
	wrmsrl(MSR_KERNEL_GS_BASE, h->kernel_gs_base);
	myvmx_swap_msr(MSR_STAR, vx->msr_star, myvmx_host_star);
	myvmx_swap_msr(MSR_LSTAR, vx->msr_lstar, myvmx_host_lstar);
	myvmx_swap_msr(MSR_SYSCALL_MASK, vx->msr_sfmask, myvmx_host_sfmask);
}

static void myvmx_save_host_segs(struct myvmx_vmx_vcpu *vx,
				 struct myvmx_host_segs *h)
{
	savesegment(ds, h->ds);
	savesegment(es, h->es);
	savesegment(fs, h->fs);
	savesegment(gs, h->gs);
	rdmsrl(MSR_FS_BASE, h->fs_base);
	if (h->fs_base != vx->host_fs_base) {
		vmcs_write(HOST_FS_BASE, h->fs_base);
		vx->host_fs_base = h->fs_base;
	}
}

static void myvmx_restore_host_segs(const struct myvmx_host_segs *h)
{
	unsigned long kernel_gs_base;

	if (h->ds | h->es) {
		loadsegment(ds, h->ds);
		loadsegment(es, h->es);
	}
	if (h->fs) {
		loadsegment(fs, h->fs);
		wrmsrl(MSR_FS_BASE, h->fs_base);
	}
	if (h->gs) {
		/* Loading GS clobbers the user's GS base: keep it. */
		rdmsrl(MSR_KERNEL_GS_BASE, kernel_gs_base);
		load_gs_index(h->gs);
		wrmsrl(MSR_KERNEL_GS_BASE, kernel_gs_base);
	}
	/* VM exit leaves TR's limit at 0x67 and GDTR's at 0xffff. */
	invalidate_tss_limit();
	load_fixmap_gdt(raw_smp_processor_id());
}

static void myvmx_set_window(struct myvmx_vmx_vcpu *vx, bool on)
{
	if (vx->window == on)
		return;
	vmcs_write(CPU_BASED_VM_EXEC_CONTROL, myvmx_caps.proc |
		   (on ? CPU_BASED_INTR_WINDOW_EXITING : 0));
	vx->window = on;
}

/*
 * The next event for the guest (irq.c), when it can take it; else an
 * interrupt-window exit when it can.  An event this exit's handling or
 * its re-injection already queued goes first.
 */
static void myvmx_deliver_event(struct myvmx_vmx_vcpu *vx)
{
	struct myvmx_vcpu *vcpu = vx->vcpu;
	u32 state = vmcs_read(GUEST_INTERRUPTIBILITY_INFO);
	u32 shadow = state & (GUEST_INTR_STATE_STI | GUEST_INTR_STATE_MOV_SS);
	struct myvmx_event e;

	/*
	 * An instruction the exit completed (RIP moved on) ends the STI or
	 * MOV SS shadow: "sti; hlt" takes its interrupt after the HLT.
	 */
	if (shadow && vcpu->rip != vx->exit_rip) {
		vmcs_write(GUEST_INTERRUPTIBILITY_INFO, state & ~shadow);
		shadow = 0;
	}
	if (vmcs_read(VM_ENTRY_INTR_INFO_FIELD) & INTR_INFO_VALID_MASK) {
		myvmx_set_window(vx, myvmx_event_waiting(vcpu));
		return;
	}
	switch (myvmx_next_event(vcpu, (vcpu->rflags & X86_EFLAGS_IF) &&
				 !shadow, &e)) {
	case MYVMX_NEXT_NONE:
		myvmx_set_window(vx, false);
		return;
	case MYVMX_NEXT_WAIT:
		myvmx_set_window(vx, true);
		return;
	case MYVMX_NEXT_NOW:
		myvmx_set_window(vx, false);
		myvmx_vmx_inject(vx, e.type, e.vector, e.has_error_code,
				 e.error_code);
		/* A halted guest wakes up for the event. */
		vmcs_write(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE);
	}
}

/*
 * The task entering may not be the one that entered last: another
 * process's thread, or a kernel thread (MYVMX_START) that borrows
 * whatever page tables were loaded.  The exit must come back to this
 * task's CR3 (the other may be gone) and this CPU's CR4.
 */
static void myvmx_update_host_cr(struct myvmx_vmx_vcpu *vx)
{
	unsigned long cr3 = __read_cr3(), cr4 = cr4_read_shadow();

	if (cr3 != vx->host_cr3) {
		vmcs_write(HOST_CR3, cr3);
		vx->host_cr3 = cr3;
	}
	if (cr4 != vx->host_cr4) {
		vmcs_write(HOST_CR4, cr4);
		vx->host_cr4 = cr4;
	}
}

/*
 * An exit that interrupted the delivery of an event (an external
 * interrupt exit in the middle of the guest's IDT access, say): deliver
 * it again at the next entry.
 */
static void myvmx_requeue_event(void)
{
	u32 info = vmcs_read(IDT_VECTORING_INFO_FIELD);

	/* The CPU clears it on exit; say so for emulators that do not. */
	vmcs_write(VM_ENTRY_INTR_INFO_FIELD, 0);
	if (!(info & VECTORING_INFO_VALID_MASK))
		return;
	vmcs_write(VM_ENTRY_INTR_INFO_FIELD, info & ~INTR_INFO_UNBLOCK_NMI);
	if (info & VECTORING_INFO_DELIVER_CODE_MASK)
		vmcs_write(VM_ENTRY_EXCEPTION_ERROR_CODE,
			   vmcs_read(IDT_VECTORING_ERROR_CODE));
	/* Software interrupts and exceptions need their length again. */
	vmcs_write(VM_ENTRY_INSTRUCTION_LEN,
		   vmcs_read(VM_EXIT_INSTRUCTION_LEN));
}

/*
 * An interrupt or NMI that arrived in the guest belongs to the host.  The
 * exit acknowledged the interrupt (as KVM has it: the path emulators and
 * CPUs know best), so its vector is in the exit information; call the
 * host's handler as the CPU would have.
 */
static void myvmx_host_event(u32 reason)
{
	u32 info = vmcs_read(VM_EXIT_INTR_INFO);
	u32 type = info & INTR_INFO_INTR_TYPE_MASK;
	struct desc_ptr idt;
	gate_desc *gate;

	if (!(info & INTR_INFO_VALID_MASK))
		return;
	if (reason == EXIT_REASON_EXCEPTION_NMI && type != INTR_TYPE_NMI_INTR)
		return;
	store_idt(&idt);
	gate = (gate_desc *)idt.address + (info & INTR_INFO_VECTOR_MASK);
	myvmx_vmx_do_interrupt(gate_offset(gate));
}

/* One entry and exit; returns the exit reason or a negative error. */
static int myvmx_enter_once(struct myvmx_vcpu *vcpu,
			    struct myvmx_vmx_vcpu *vx, u32 *reason)
{
	struct myvmx_host_segs host;
	int failed;

	vmcs_write(GUEST_RIP, vcpu->rip);
	vmcs_write(GUEST_RSP, vcpu->gpr[4]);
	vmcs_write(GUEST_RFLAGS, vcpu->rflags);

	/* Interrupts off before asking the irqchip: see irq.c. */
	local_irq_disable();
	myvmx_deliver_event(vx);
	myvmx_update_host_cr(vx);
	myvmx_save_host_segs(vx, &host);
	myvmx_load_guest_msrs(vx, &host);
	myvmx_fxrstor(vcpu->guest_fpu);
	failed = myvmx_vmx_enter(vcpu->gpr, vx->launched);
	myvmx_fxsave(vcpu->guest_fpu);
	myvmx_put_guest_msrs(vx, &host);
	myvmx_restore_host_segs(&host);
	if (!failed) {
		vx->launched = true;
		*reason = vmcs_read(VM_EXIT_REASON);
		if (!(*reason & VMX_EXIT_REASONS_FAILED_VMENTRY))
			myvmx_requeue_event();
		if ((*reason & 0xffff) == EXIT_REASON_EXCEPTION_NMI ||
		    (*reason & 0xffff) == EXIT_REASON_EXTERNAL_INTERRUPT)
			myvmx_host_event(*reason & 0xffff);
	}
	local_irq_enable();

	if (failed) {
		vcpu->run->exit_reason = MYVMX_EXIT_FAIL_ENTRY;
		vcpu->run->fail_entry.hardware_reason =
			MYVMX_FAIL_VMINSTR | vmcs_read(VM_INSTRUCTION_ERROR);
		return -EIO;
	}
	vcpu->rip = vmcs_read(GUEST_RIP);
	vx->exit_rip = vcpu->rip;
	vcpu->gpr[4] = vmcs_read(GUEST_RSP);
	vcpu->rflags = vmcs_read(GUEST_RFLAGS);
	myvmx_count_exit(vcpu, myvmx_vmx_exit_kind(*reason));
	return 0;
}

void myvmx_vmx_vcpu_load(struct myvmx_vcpu *vcpu)
{
	myvmx_vmcs_load(vcpu->arch);
}

int myvmx_vmx_vcpu_enter(struct myvmx_vcpu *vcpu)
{
	u32 reason = 0;

	if (myvmx_enter_once(vcpu, vcpu->arch, &reason))
		return MYVMX_TO_USER;
	return myvmx_vmx_handle_exit(vcpu, reason);
}
