// SPDX-License-Identifier: GPL-2.0
/*
 * Entering a VT-x guest, once per pass of vcpu.c's run loop: with
 * preemption off, make the VMCS current here, load the guest's FPU
 * registers and enter with interrupts off; after the exit put back what
 * VMX does not (data and FS/GS selectors, TSS and GDT limits), hand a
 * host interrupt that came during the guest to its handler, then handle
 * the exit.
 */
#include <asm/desc.h>

#include "vmx.h"

struct myvmx_host_segs {
	u16 ds, es, fs, gs;
	unsigned long fs_base;
};

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

/* Queue the event user space asked for, when the guest can take it. */
static void myvmx_deliver_event(struct myvmx_vmx_vcpu *vx)
{
	struct myvmx_event *e = &vx->vcpu->pending_event;
	u32 proc = myvmx_caps.proc;

	if (!vx->vcpu->event_pending)
		return;
	if (e->type == MYVMX_EVENT_INTERRUPT &&
	    (!(vx->vcpu->rflags & X86_EFLAGS_IF) ||
	     (vmcs_read(GUEST_INTERRUPTIBILITY_INFO) &
	      (GUEST_INTR_STATE_STI | GUEST_INTR_STATE_MOV_SS)))) {
		vmcs_write(CPU_BASED_VM_EXEC_CONTROL,
			   proc | CPU_BASED_INTR_WINDOW_EXITING);
		return;
	}
	vmcs_write(CPU_BASED_VM_EXEC_CONTROL, proc);
	myvmx_vmx_inject(vx, e->type, e->vector, e->has_error_code,
			 e->error_code);
	vx->vcpu->event_pending = false;
	/* A halted guest wakes up for the event. */
	vmcs_write(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE);
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
	myvmx_deliver_event(vx);

	local_irq_disable();
	myvmx_save_host_segs(vx, &host);
	myvmx_fxrstor(vcpu->guest_fpu);
	failed = myvmx_vmx_enter(vcpu->gpr, vx->launched);
	myvmx_fxsave(vcpu->guest_fpu);
	myvmx_restore_host_segs(&host);
	if (!failed) {
		vx->launched = true;
		*reason = vmcs_read(VM_EXIT_REASON);
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
