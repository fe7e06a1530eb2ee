// SPDX-License-Identifier: GPL-2.0
/*
 * Entering an AMD-V guest, once per pass of vcpu.c's run loop, with
 * preemption off.  Whenever the vCPU's thread comes to a CPU (vcpu_load.c)
 * the vCPU gets an ASID of that CPU if it has none there (flushing what
 * the ASID may have left in the TLB).  Each entry tells the CPU which
 * VMCB areas are unchanged, loads the guest's FPU registers and enters
 * with interrupts off.  VMRUN and #VMEXIT switch most of the host's state
 * themselves, and the host's interrupts stay pending until STGI and
 * local_irq_enable, so the exit needs no more repair than the swap
 * myvmx_svm_enter does.
 */

#include <asm/trapnr.h>

#include "svm.h"

/*
 * External interrupts go to the guest as virtual interrupts (V_IRQ with
 * the vector in the VMCB), not through EVENTINJ: the CPU delivers them
 * itself when the guest can take one, and V_IRQ still set after an exit
 * says the guest has not.  (QEMU's AMD-V also delivers an EVENTINJ
 * interrupt a second time when an exit comes at the wrong moment.)
 * Only exceptions use EVENTINJ.
 *
 * A V_IRQ without a vector, with the VINTR intercept, is the interrupt
 * window: it exits once the guest could take an interrupt.  The two
 * uses never overlap.
 */
void myvmx_svm_set_window(struct myvmx_svm_vcpu *sv, bool on)
{
	struct vmcb_control_area *c = &sv->vmcb->control;

	if (sv->window == on)
		return;
	if (on) {
		c->int_vector = 0;
		c->int_ctl |= V_IRQ_MASK | V_INTR_PRIO_MASK | V_IGN_TPR_MASK;
	} else {
		c->int_ctl &= ~(V_IRQ_MASK | V_INTR_PRIO_MASK |
				V_IGN_TPR_MASK);
	}
	myvmx_vmcb_intercept(sv->vmcb, INTERCEPT_VINTR, on);
	sv->window = on;
	sv->dirty |= MYVMX_VMCB_INTR | MYVMX_VMCB_INTERCEPTS;
}

static void myvmx_svm_virq(struct myvmx_svm_vcpu *sv, u8 vector)
{
	struct vmcb_control_area *c = &sv->vmcb->control;

	myvmx_svm_set_window(sv, false);
	c->int_vector = vector;
	c->int_ctl |= V_IRQ_MASK | V_INTR_PRIO_MASK | V_IGN_TPR_MASK;
	sv->virq = true;
	sv->dirty |= MYVMX_VMCB_INTR;
}

/*
 * The next event for the guest (irq.c), when it can take it; else a
 * VINTR exit when it can.  A delivery an exit interrupted, an event this
 * exit's handling queued and an interrupt the guest has not taken yet go
 * first.
 */
static void myvmx_svm_deliver_event(struct myvmx_svm_vcpu *sv)
{
	struct vmcb *vmcb = sv->vmcb;
	struct myvmx_vcpu *vcpu = sv->vcpu;
	struct myvmx_event e;
	bool can;

	/*
	 * An instruction the exit completed (RIP moved on) ends the STI or
	 * MOV SS shadow: "sti; hlt" takes its interrupt after the HLT.
	 */
	if (vcpu->rip != sv->exit_rip)
		vmcb->control.int_state &= ~SVM_INTERRUPT_SHADOW_MASK;
	if (sv->reinject) {
		vmcb->control.event_inj = sv->reinject;
		vmcb->control.event_inj_err = sv->reinject_err;
		sv->reinject = 0;
	}
	if (sv->virq)
		return;
	if (vmcb->control.event_inj & SVM_EVTINJ_VALID) {
		myvmx_svm_set_window(sv, myvmx_event_waiting(vcpu));
		return;
	}
	can = (vcpu->rflags & X86_EFLAGS_IF) &&
	      !(vmcb->control.int_state & SVM_INTERRUPT_SHADOW_MASK);
	switch (myvmx_next_event(vcpu, can, &e)) {
	case MYVMX_NEXT_NONE:
		myvmx_svm_set_window(sv, false);
		return;
	case MYVMX_NEXT_WAIT:
		myvmx_svm_set_window(sv, true);
		return;
	case MYVMX_NEXT_NOW:
		myvmx_svm_set_window(sv, false);
		if (e.type == MYVMX_EVENT_INTERRUPT)
			myvmx_svm_virq(sv, e.vector);
		else
			myvmx_svm_inject(sv, e.type, e.vector,
					 e.has_error_code, e.error_code);
	}
}

/*
 * After an exit: the virtual interrupt the guest took, and a delivery
 * the exit interrupted, which goes again (an interrupt as a virtual
 * one), unless an instruction raised it (INTn, INT3, INTO): RIP still
 * points to that instruction, which runs again; injecting it would need
 * the next RIP, which a CPU without NRIPS does not give.
 */
static void myvmx_svm_complete_events(struct myvmx_svm_vcpu *sv)
{
	struct vmcb_control_area *c = &sv->vmcb->control;
	u32 info = c->exit_int_info;
	u32 type = info & SVM_EXITINTINFO_TYPE_MASK;
	u8 vector = info & SVM_EXITINTINFO_VEC_MASK;

	if (sv->virq && !(c->int_ctl & V_IRQ_MASK)) {
		sv->virq = false;
		c->int_ctl &= ~(V_INTR_PRIO_MASK | V_IGN_TPR_MASK);
	}
	if (!(info & SVM_EXITINTINFO_VALID) ||
	    type == SVM_EXITINTINFO_TYPE_SOFT ||
	    (type == SVM_EXITINTINFO_TYPE_EXEPT &&
	     (vector == X86_TRAP_BP || vector == X86_TRAP_OF)))
		return;
	if (type == SVM_EXITINTINFO_TYPE_INTR) {
		myvmx_svm_virq(sv, vector);
		return;
	}
	sv->reinject = info;
	sv->reinject_err = c->exit_int_info_err;
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

	/* Interrupts off before asking the irqchip: see irq.c. */
	local_irq_disable();
	myvmx_svm_deliver_event(sv);
	vmcb->control.clean = myvmx_svm_caps.vmcb_clean ?
			      ~sv->dirty & MYVMX_VMCB_ALL : 0;

	myvmx_fxrstor(vcpu->guest_fpu);
	myvmx_svm_enter(vcpu->gpr, __pa(vmcb), myvmx_svm_host_save_pa());
	myvmx_fxsave(vcpu->guest_fpu);
	local_irq_enable();

	vmcb->control.tlb_ctl = TLB_CONTROL_DO_NOTHING;
	vmcb->control.event_inj = 0;
	sv->dirty = 0;
	code = vmcb->control.exit_code;
	vcpu->rip = vmcb->save.rip;
	sv->exit_rip = vcpu->rip;
	vcpu->gpr[4] = vmcb->save.rsp;
	vcpu->gpr[0] = vmcb->save.rax;
	vcpu->rflags = vmcb->save.rflags;
	myvmx_svm_complete_events(sv);
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
