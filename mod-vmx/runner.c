// SPDX-License-Identifier: GPL-2.0
/*
 * VMs the kernel runs (MYVMX_START): a kernel thread per vCPU loops over
 * RUN and plays user space's part itself, so the VM needs no process.
 * Port I/O and MMIO that no in-kernel device claims read all-ones and
 * drop writes, as on a PC bus with nothing there.  A vCPU halted with
 * interrupts disabled can never wake (there are no NMIs or IPIs to
 * send it): its thread ends.  Any other exit stops the whole VM, with
 * that exit as its stop reason; so does MYVMX_CMD_STOP.  When the last
 * thread ends, the VM is stopped, and the in-kernel devices hear of it.
 *
 * Each thread holds a reference to its vCPU's file (so to the vCPU and
 * the VM) and to this module, until it ends.
 */
#include <linux/file.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/wait.h>

#include "vmm.h"

/* What a started vCPU does with an exit; false when its thread ends. */
static bool myvmx_thread_serve(struct myvmx_vcpu *vcpu)
{
	struct myvmx_run *run = vcpu->run;
	struct myvmx_vm *vm = vcpu->vm;

	switch (run->exit_reason) {
	case MYVMX_EXIT_NONE:		/* paused */
		wait_event_idle(vm->state_wq, !READ_ONCE(vm->paused) ||
				READ_ONCE(vm->exit_request));
		return true;
	case MYVMX_EXIT_IO:
		if (run->io.direction == MYVMX_IO_IN)
			memset((u8 *)run + MYVMX_IO_DATA_OFFSET, 0xff,
			       min_t(u32, run->io.size * run->io.count,
				     MYVMX_IO_DATA_MAX));
		return true;
	case MYVMX_EXIT_MMIO:
		if (!run->mmio.is_write)
			memset(run->mmio.data, 0xff, sizeof(run->mmio.data));
		return true;
	case MYVMX_EXIT_HLT:
		return false;
	case MYVMX_EXIT_INTERNAL_ERROR:	/* nobody else would see why */
		pr_info_ratelimited("myvmx: vm %u vcpu %u: internal error %u (hardware reason %#x, %#llx) at rip %#llx\n",
				    vm->id, vcpu->index, run->internal.suberror,
				    run->internal.hw_reason,
				    run->internal.qualification, vcpu->rip);
		fallthrough;
	default:
		myvmx_vm_request_exit(vm, run->exit_reason);
		return false;
	}
}

static void myvmx_thread_done(struct myvmx_vm *vm)
{
	bool last;

	mutex_lock(&vm->lock);
	last = !--vm->threads;
	if (last) {
		vm->stop_reason = READ_ONCE(vm->exit_request) ?: MYVMX_EXIT_HLT;
		vm->state = MYVMX_STATE_STOPPED;
	}
	mutex_unlock(&vm->lock);
	if (last)
		myvmx_devices_vm_stopped(vm);
}

static int myvmx_vcpu_thread(void *arg)
{
	struct myvmx_vcpu *vcpu = arg;
	struct myvmx_vm *vm = vcpu->vm;
	struct file *file = vcpu->file;

	mutex_lock(&vcpu->run_lock);
	WRITE_ONCE(vcpu->in_run, true);
	do {
		myvmx_vcpu_run(vcpu);
	} while (myvmx_thread_serve(vcpu));
	WRITE_ONCE(vcpu->in_run, false);
	mutex_unlock(&vcpu->run_lock);
	myvmx_thread_done(vm);
	fput(file);		/* the vCPU may go with it, and the VM */
	module_put_and_kthread_exit(0);
}

/* MYVMX_START: returns the VM's id. */
int myvmx_vm_start(struct myvmx_vm *vm)
{
	struct task_struct *threads[MYVMX_MAX_VCPUS] = { NULL };
	struct myvmx_vcpu *vcpu;
	unsigned int i, n = 0;
	int err = 0;

	mutex_lock(&vm->lock);
	if (vm->state != MYVMX_STATE_CREATED || READ_ONCE(vm->exit_request)) {
		err = -EBUSY;
		goto out;
	}
	/* No RUN may be in progress, and none may start now. */
	for (i = 0; i < MYVMX_MAX_VCPUS && !err; i++) {
		vcpu = vm->vcpus[i];
		if (!vcpu)
			continue;
		if (!mutex_trylock(&vcpu->run_lock)) {
			err = -EBUSY;
			break;
		}
		vcpu->started = true;
		mutex_unlock(&vcpu->run_lock);
		threads[i] = kthread_create(myvmx_vcpu_thread, vcpu,
					    "myvmx%u/%u", vm->id, i);
		if (IS_ERR(threads[i])) {
			err = PTR_ERR(threads[i]);
			threads[i] = NULL;
		}
		n++;
	}
	if (!err && !n)
		err = -EINVAL;
	if (err) {
		for (i = 0; i < MYVMX_MAX_VCPUS; i++) {
			if (!vm->vcpus[i])
				continue;
			if (threads[i])
				kthread_stop(threads[i]);	/* never ran */
			mutex_lock(&vm->vcpus[i]->run_lock);
			vm->vcpus[i]->started = false;
			mutex_unlock(&vm->vcpus[i]->run_lock);
		}
		goto out;
	}
	vm->state = MYVMX_STATE_RUNNING;
	vm->threads = n;
	err = vm->id;
	for (i = 0; i < MYVMX_MAX_VCPUS; i++) {
		if (!threads[i])
			continue;
		get_file(vm->vcpus[i]->file);
		__module_get(THIS_MODULE);
		wake_up_process(threads[i]);
	}
out:
	mutex_unlock(&vm->lock);
	return err;
}

/* MYVMX_CMD_STOP: any VM that has not stopped. */
int myvmx_vm_stop(struct myvmx_vm *vm)
{
	int err = 0;

	mutex_lock(&vm->lock);
	if (vm->state == MYVMX_STATE_STOPPED) {
		err = -EALREADY;
	} else if (vm->state == MYVMX_STATE_CREATED) {
		/* Nobody to wait for: user space's RUN sees the request. */
		vm->state = MYVMX_STATE_STOPPED;
		vm->stop_reason = MYVMX_EXIT_STOPPED;
	}
	mutex_unlock(&vm->lock);
	if (!err) {
		myvmx_vm_request_exit(vm, MYVMX_EXIT_STOPPED);
		wake_up_all(&vm->state_wq);	/* paused threads */
	}
	return err;
}

/* MYVMX_CMD_SHUTDOWN: the guest is asked; it stops the VM itself. */
int myvmx_vm_shutdown(struct myvmx_vm *vm)
{
	bool stopped;

	mutex_lock(&vm->lock);
	stopped = vm->state == MYVMX_STATE_STOPPED;
	mutex_unlock(&vm->lock);
	return stopped ? -EALREADY : myvmx_devices_shutdown(vm);
}

/* MYVMX_CMD_PAUSE (@pause) and MYVMX_CMD_RESUME: started VMs only. */
int myvmx_vm_pause(struct myvmx_vm *vm, bool pause)
{
	int err = 0;

	mutex_lock(&vm->lock);
	if (vm->state != MYVMX_STATE_RUNNING &&
	    vm->state != MYVMX_STATE_PAUSED)
		err = -EINVAL;
	else if ((vm->state == MYVMX_STATE_PAUSED) == pause)
		err = -EALREADY;
	else
		vm->state = pause ? MYVMX_STATE_PAUSED : MYVMX_STATE_RUNNING;
	if (!err)
		WRITE_ONCE(vm->paused, pause);
	mutex_unlock(&vm->lock);
	if (err)
		return err;
	if (pause)
		myvmx_vm_kick_all(vm);
	else
		wake_up_all(&vm->state_wq);
	return 0;
}
