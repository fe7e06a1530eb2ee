// SPDX-License-Identifier: GPL-2.0
/*
 * Keeping a vCPU's hardware state on the CPU its thread runs on.  A VMCS
 * is current on one CPU at a time, and an AMD-V vCPU needs an ASID of the
 * CPU it enters on.  While a thread holds the vCPU (RUN, GET/SET_SREGS:
 * myvmx_vcpu_get to myvmx_vcpu_put), a preempt notifier follows it:
 * whenever the scheduler brings the thread back, on this CPU or another,
 * the backend's vcpu_load makes the state usable there again (VT-x:
 * VMCLEAR on the old CPU by IPI, VMPTRLD here).  Code between two entries
 * may then sleep or be preempted without reloading anything itself.
 *
 * The notifier also counts what the scheduler did to the vCPU, for
 * MYVMX_CMD_GET_STATS: preemptions (switched out while still runnable)
 * and migrations (loaded on another CPU than the last one).
 */
#include <linux/preempt.h>
#include <linux/sched.h>

#include "vmm.h"

#ifndef CONFIG_PREEMPT_NOTIFIERS
#error "myvmx needs CONFIG_PREEMPT_NOTIFIERS (selected by KVM)"
#endif

static struct myvmx_vcpu *myvmx_notifier_vcpu(struct preempt_notifier *pn)
{
	return container_of(pn, struct myvmx_vcpu, preempt);
}

/* Preemption is off. */
static void myvmx_vcpu_load_on(struct myvmx_vcpu *vcpu, int cpu)
{
	if (vcpu->loaded_cpu != cpu) {
		if (vcpu->loaded_cpu >= 0)
			WRITE_ONCE(vcpu->migrations, vcpu->migrations + 1);
		vcpu->loaded_cpu = cpu;
	}
	myvmx_backend->vcpu_load(vcpu);
}

static void myvmx_vcpu_sched_in(struct preempt_notifier *pn, int cpu)
{
	myvmx_vcpu_load_on(myvmx_notifier_vcpu(pn), cpu);
}

static void myvmx_vcpu_sched_out(struct preempt_notifier *pn,
				 struct task_struct *next)
{
	struct myvmx_vcpu *vcpu = myvmx_notifier_vcpu(pn);

	/* Still on the run queue: preempted, not gone to sleep (HLT). */
	if (current->on_rq)
		WRITE_ONCE(vcpu->preemptions, vcpu->preemptions + 1);
}

static struct preempt_ops myvmx_vcpu_preempt_ops = {
	.sched_in	= myvmx_vcpu_sched_in,
	.sched_out	= myvmx_vcpu_sched_out,
};

/* A new vCPU; the scheduler calls notifiers while any vCPU exists. */
void myvmx_vcpu_load_init(struct myvmx_vcpu *vcpu)
{
	vcpu->loaded_cpu = -1;
	preempt_notifier_init(&vcpu->preempt, &myvmx_vcpu_preempt_ops);
	preempt_notifier_inc();
}

void myvmx_vcpu_load_fini(struct myvmx_vcpu *vcpu)
{
	preempt_notifier_dec();
}

/* The caller holds vcpu->run_lock, so one thread at a time gets here. */
void myvmx_vcpu_get(struct myvmx_vcpu *vcpu)
{
	preempt_disable();
	myvmx_vcpu_load_on(vcpu, smp_processor_id());
	preempt_notifier_register(&vcpu->preempt);
	preempt_enable();
}

void myvmx_vcpu_put(struct myvmx_vcpu *vcpu)
{
	preempt_disable();
	preempt_notifier_unregister(&vcpu->preempt);
	preempt_enable();
}
