// SPDX-License-Identifier: GPL-2.0
/*
 * Entering an AMD-V guest, once per pass of vcpu.c's run loop, with
 * preemption off: give the vCPU an ASID of this CPU if it has none here
 * (flushing what the ASID may have left in the TLB), tell the CPU which
 * VMCB areas are unchanged, load the guest's FPU registers and enter with
 * interrupts off.  VMRUN and #VMEXIT switch most of the host's state
 * themselves, and the host's interrupts stay pending until STGI and
 * local_irq_enable, so the exit needs no more repair than the swap
 * myvmx_svm_enter does.
 */

#include "svm.h"

/* The event user space asked for, when the guest can take it. */
static void myvmx_svm_deliver_event(struct myvmx_svm_vcpu *sv)
{
	struct vmcb *vmcb = sv->vmcb;
	struct myvmx_event *e = &sv->vcpu->pending_event;

	if (sv->reinject) {
		/* An exit interrupted a delivery: finish it first. */
		vmcb->control.event_inj = sv->reinject;
		vmcb->control.event_inj_err = sv->reinject_err;
		sv->reinject = 0;
		return;
	}
	if (!sv->vcpu->event_pending)
		return;
	if (e->type == MYVMX_EVENT_INTERRUPT &&
	    (!(sv->vcpu->rflags & X86_EFLAGS_IF) ||
	     (vmcb->control.int_state & SVM_INTERRUPT_SHADOW_MASK))) {
		/* A virtual interrupt exits (VINTR) once the guest takes it. */
		vmcb->control.int_ctl |= V_IRQ_MASK | V_INTR_PRIO_MASK |
					 V_IGN_TPR_MASK;
		myvmx_vmcb_intercept(vmcb, INTERCEPT_VINTR, true);
		sv->dirty |= MYVMX_VMCB_INTR | MYVMX_VMCB_INTERCEPTS;
		return;
	}
	myvmx_svm_inject(sv, e->type, e->vector, e->has_error_code,
			 e->error_code);
	sv->vcpu->event_pending = false;
}

/* An ASID of this CPU, before anything else of the pass. */
static void myvmx_svm_prepare(struct myvmx_svm_vcpu *sv)
{
	struct myvmx_asid_space *asids = myvmx_svm_asids();
	struct vmcb_control_area *c = &sv->vmcb->control;
	int cpu = smp_processor_id();

	if (sv->cpu != cpu || sv->asid_generation != asids->generation) {
		c->tlb_ctl = myvmx_asid_new(asids, &sv->asid,
					    &sv->asid_generation);
		/* The new ASID may have entries from a vCPU gone before. */
		if (c->tlb_ctl == TLB_CONTROL_DO_NOTHING)
			c->tlb_ctl = myvmx_svm_caps.flush_by_asid ?
				     TLB_CONTROL_FLUSH_ASID :
				     TLB_CONTROL_FLUSH_ALL_ASID;
		c->asid = sv->asid;
		sv->cpu = cpu;
		sv->dirty = MYVMX_VMCB_ALL;
	}
}

/* One entry and exit; returns the exit code. */
static u32 myvmx_svm_enter_once(struct myvmx_vcpu *vcpu,
				struct myvmx_svm_vcpu *sv)
{
	struct vmcb *vmcb = sv->vmcb;
	u32 code;

	vmcb->save.rip = vcpu->rip;
	vmcb->save.rsp = vcpu->gpr[4];
	vmcb->save.rax = vcpu->gpr[0];
	vmcb->save.rflags = vcpu->rflags;
	myvmx_svm_deliver_event(sv);
	vmcb->control.clean = myvmx_svm_caps.vmcb_clean ?
			      ~sv->dirty & MYVMX_VMCB_ALL : 0;

	local_irq_disable();
	myvmx_fxrstor(vcpu->guest_fpu);
	myvmx_svm_enter(vcpu->gpr, __pa(vmcb), myvmx_svm_host_save_pa());
	myvmx_fxsave(vcpu->guest_fpu);
	local_irq_enable();

	vmcb->control.tlb_ctl = TLB_CONTROL_DO_NOTHING;
	vmcb->control.event_inj = 0;
	sv->dirty = 0;
	code = vmcb->control.exit_code;
	vcpu->rip = vmcb->save.rip;
	vcpu->gpr[4] = vmcb->save.rsp;
	vcpu->gpr[0] = vmcb->save.rax;
	vcpu->rflags = vmcb->save.rflags;
	if (vmcb->control.exit_int_info & SVM_EXITINTINFO_VALID) {
		sv->reinject = vmcb->control.exit_int_info;
		sv->reinject_err = vmcb->control.exit_int_info_err;
	}
	myvmx_count_exit(vcpu,
			 myvmx_svm_exit_kind(code, vmcb->control.exit_info_1));
	return code;
}

void myvmx_svm_vcpu_load(struct myvmx_vcpu *vcpu)
{
	myvmx_svm_prepare(vcpu->arch);
}

int myvmx_svm_vcpu_enter(struct myvmx_vcpu *vcpu)
{
	return myvmx_svm_handle_exit(vcpu, myvmx_svm_enter_once(vcpu,
								vcpu->arch));
}
