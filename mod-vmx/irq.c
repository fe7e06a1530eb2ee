// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts for the guest and waking its vCPUs: the event each entry
 * delivers (one user space queued with MYVMX_INJECT, else the in-kernel
 * interrupt controller's, acknowledged only when the guest can take it),
 * HLT that waits in the kernel for the next interrupt, kicks that get a
 * vCPU out of the guest or out of HLT, and exits every vCPU must take.
 *
 * A kick cannot be lost: the vCPU publishes the CPU it enters on and
 * then, with interrupts off, asks the chip; a device changes the chip
 * and then reads that CPU.  One of the two sees the other, and an IPI
 * that arrives while interrupts are off makes the entry exit at once.
 */
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/wait.h>

#include "vmm.h"

/* The interrupt controller vCPU @vcpu takes interrupts from, or NULL. */
static const struct myvmx_irqchip_ops *myvmx_vcpu_irqchip(struct myvmx_vcpu *v)
{
	/* The PICs' INTR line goes to the bootstrap processor. */
	if (v->index)
		return NULL;
	/* Pairs with myvmx_device_create's release: the chip is set up. */
	return smp_load_acquire(&v->vm->irqchip);
}

static bool myvmx_chip_pending(struct myvmx_vcpu *vcpu)
{
	const struct myvmx_irqchip_ops *chip = myvmx_vcpu_irqchip(vcpu);

	return chip && chip->pending(vcpu->vm->irqchip_data);
}

/* Whether an event waits for the guest (user space's or the chip's). */
bool myvmx_event_waiting(struct myvmx_vcpu *vcpu)
{
	return vcpu->event_pending || myvmx_chip_pending(vcpu);
}

/*
 * The event to deliver at this entry, with interrupts off.
 * @can_interrupt: RFLAGS.IF is set and no STI or MOV SS shadow blocks.
 */
enum myvmx_next myvmx_next_event(struct myvmx_vcpu *vcpu, bool can_interrupt,
				 struct myvmx_event *e)
{
	const struct myvmx_irqchip_ops *chip;

	if (vcpu->event_pending) {
		if (vcpu->pending_event.type == MYVMX_EVENT_INTERRUPT &&
		    !can_interrupt)
			return MYVMX_NEXT_WAIT;
		*e = vcpu->pending_event;
		vcpu->event_pending = false;
		return MYVMX_NEXT_NOW;
	}
	chip = myvmx_vcpu_irqchip(vcpu);
	if (!chip || !chip->pending(vcpu->vm->irqchip_data))
		return MYVMX_NEXT_NONE;
	if (!can_interrupt)
		return MYVMX_NEXT_WAIT;
	memset(e, 0, sizeof(*e));
	e->type = MYVMX_EVENT_INTERRUPT;
	e->vector = chip->ack(vcpu->vm->irqchip_data);
	return MYVMX_NEXT_NOW;
}

static bool myvmx_vcpu_wakes(struct myvmx_vcpu *vcpu)
{
	return READ_ONCE(vcpu->vm->exit_request) ||
	       READ_ONCE(vcpu->vm->paused) || myvmx_event_waiting(vcpu);
}

/*
 * HLT: with interrupts enabled and an interrupt controller, wait here for
 * an interrupt (a signal also ends the wait: RUN then returns EINTR and
 * the guest resumes after its HLT).  Otherwise user space sees the HLT.
 */
int myvmx_halt(struct myvmx_vcpu *vcpu)
{
	if (!(vcpu->rflags & X86_EFLAGS_IF) ||
	    !smp_load_acquire(&vcpu->vm->irqchip))	/* as above */
		return MYVMX_TO_USER;
	wait_event_interruptible(vcpu->wq, myvmx_vcpu_wakes(vcpu));
	return MYVMX_RESUME;
}

static void myvmx_vcpu_kick(struct myvmx_vcpu *vcpu)
{
	int cpu, me;

	wake_up_interruptible(&vcpu->wq);
	/* Order the caller's change before reading where the vCPU runs. */
	smp_mb();
	cpu = READ_ONCE(vcpu->guest_cpu);
	me = get_cpu();
	if (cpu >= 0 && cpu != me)
		smp_send_reschedule(cpu);
	put_cpu();
}

/* An interrupt line changed: vCPU 0 looks at the chip soon. */
void myvmx_vm_kick(struct myvmx_vm *vm)
{
	struct myvmx_vcpu *vcpu;

	rcu_read_lock();
	vcpu = READ_ONCE(vm->vcpus[0]);
	if (vcpu)
		myvmx_vcpu_kick(vcpu);
	rcu_read_unlock();
}
EXPORT_SYMBOL_GPL(myvmx_vm_kick);

/* A device's interrupt line (myvmx_irq_claim) goes to @level. */
void myvmx_set_irq(struct myvmx_vm *vm, unsigned int line, bool level)
{
	/* Pairs with myvmx_device_create's release: the chip is set up. */
	const struct myvmx_irqchip_ops *chip = smp_load_acquire(&vm->irqchip);

	if (chip && chip->set_irq &&
	    chip->set_irq(vm->irqchip_data, line, level))
		myvmx_vm_kick(vm);
}
EXPORT_SYMBOL_GPL(myvmx_set_irq);

/* Every vCPU out of the guest and out of HLT, to look at the VM's state. */
void myvmx_vm_kick_all(struct myvmx_vm *vm)
{
	struct myvmx_vcpu *vcpu;
	unsigned int i;

	rcu_read_lock();
	for (i = 0; i < MYVMX_MAX_VCPUS; i++) {
		vcpu = READ_ONCE(vm->vcpus[i]);
		if (vcpu)
			myvmx_vcpu_kick(vcpu);
	}
	rcu_read_unlock();
}

/* Every vCPU stops with @exit_reason, now and at each RUN after. */
void myvmx_vm_request_exit(struct myvmx_vm *vm, u32 exit_reason)
{
	cmpxchg(&vm->exit_request, 0, exit_reason);
	myvmx_vm_kick_all(vm);
}
EXPORT_SYMBOL_GPL(myvmx_vm_request_exit);
