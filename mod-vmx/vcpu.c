// SPDX-License-Identifier: GPL-2.0
/*
 * A vCPU's file descriptor: its run structure (one page, mmap'ed by the
 * program), its registers and RUN.  Every field user space hands in is
 * checked here before the backend sees it.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/fpu/api.h>

#include "vmm.h"

/* RFLAGS bits a guest may hold: everything architectural but VM. */
#define MYVMX_RFLAGS_ALLOWED	(X86_EFLAGS_CF | X86_EFLAGS_FIXED |	\
	X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | X86_EFLAGS_SF |	\
	X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_OF |	\
	X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF |		\
	X86_EFLAGS_AC | X86_EFLAGS_VIF | X86_EFLAGS_VIP | X86_EFLAGS_ID)

static const u8 myvmx_regs_order[16] = {
	/* struct myvmx_regs order -> x86 encoding */
	0, 3, 1, 2, 6, 7, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15,
};

static void myvmx_get_regs(struct myvmx_vcpu *vcpu, struct myvmx_regs *r)
{
	u64 *out = &r->rax;
	int i;

	for (i = 0; i < 16; i++)
		out[i] = vcpu->gpr[myvmx_regs_order[i]];
	r->rip = vcpu->rip;
	r->rflags = vcpu->rflags;
}

static int myvmx_set_regs(struct myvmx_vcpu *vcpu, const struct myvmx_regs *r)
{
	const u64 *in = &r->rax;
	int i;

	if (!(r->rflags & X86_EFLAGS_FIXED) ||
	    (r->rflags & ~MYVMX_RFLAGS_ALLOWED))
		return -EINVAL;
	for (i = 0; i < 16; i++)
		vcpu->gpr[myvmx_regs_order[i]] = in[i];
	vcpu->rip = r->rip;
	vcpu->rflags = r->rflags;
	/* A program that sets registers has given up the pending exit. */
	vcpu->pending = MYVMX_PENDING_NONE;
	return 0;
}

static int myvmx_check_segment(const struct myvmx_segment *s)
{
	if (s->type > 15 || s->s > 1 || s->dpl > 3 || s->present > 1 ||
	    s->avl > 1 || s->l > 1 || s->db > 1 || s->g > 1 ||
	    s->unusable > 1 || s->pad)
		return -EINVAL;
	return 0;
}

static int myvmx_check_sregs(const struct myvmx_sregs *s)
{
	const struct myvmx_segment *segs[] = {
		&s->cs, &s->ds, &s->es, &s->fs, &s->gs, &s->ss, &s->tr, &s->ldt,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(segs); i++)
		if (myvmx_check_segment(segs[i]))
			return -EINVAL;
	if (s->gdt.pad[0] | s->gdt.pad[1] | s->gdt.pad[2] |
	    s->idt.pad[0] | s->idt.pad[1] | s->idt.pad[2])
		return -EINVAL;
	/* Paging needs protection; long mode needs PAE paging. */
	if ((s->cr0 & X86_CR0_PG) && !(s->cr0 & X86_CR0_PE))
		return -EINVAL;
	if ((s->cr0 >> 32) || (s->cr4 >> 32))
		return -EINVAL;
	if (s->cr4 & (X86_CR4_VMXE | X86_CR4_OSXSAVE | X86_CR4_SMXE))
		return -EINVAL;
	if (s->efer & ~(EFER_SCE | EFER_LME | EFER_LMA | EFER_NX))
		return -EINVAL;
	if (!!(s->efer & EFER_LMA) !=
	    ((s->efer & EFER_LME) && (s->cr0 & X86_CR0_PG)))
		return -EINVAL;
	if ((s->efer & EFER_LMA) && !(s->cr4 & X86_CR4_PAE))
		return -EINVAL;
	return 0;
}

/* An exit the kernel may still serve: an in-kernel device, HLT. */
static int myvmx_serve_exit(struct myvmx_vcpu *vcpu)
{
	switch (vcpu->run->exit_reason) {
	case MYVMX_EXIT_IO:
	case MYVMX_EXIT_MMIO:
		return myvmx_iodev_serve(vcpu);
	case MYVMX_EXIT_HLT:
		return myvmx_halt(vcpu);
	default:
		return MYVMX_TO_USER;
	}
}

/*
 * RUN: enter the guest until an exit user space must see (0) or a signal
 * (-EINTR).  From myvmx_vcpu_get on, the backend's state (a current VMCS,
 * an ASID of this CPU) follows the thread from CPU to CPU (vcpu_load.c).
 * Each pass runs with preemption off, as kernel_fpu_begin leaves it,
 * while the guest's FPU registers belong to this CPU: a read user space
 * completed goes into the guest, and the backend enters and handles the
 * exit.  guest_cpu tells kicks where the pass runs (see irq.c).  In-kernel
 * devices and HLT are served after the pass, preemptible.
 */
int myvmx_vcpu_run(struct myvmx_vcpu *vcpu)
{
	int ret = MYVMX_RESUME, err = 0;
	u32 stop;

	vcpu->run->exit_reason = MYVMX_EXIT_NONE;
	myvmx_vcpu_get(vcpu);
	while (ret == MYVMX_RESUME) {
		if (signal_pending(current)) {
			vcpu->run->exit_reason = MYVMX_EXIT_INTR;
			err = -EINTR;
			break;
		}
		stop = READ_ONCE(vcpu->vm->exit_request);
		if (stop) {
			vcpu->run->exit_reason = stop;
			break;
		}
		if (READ_ONCE(vcpu->vm->paused)) {
			vcpu->run->exit_reason = MYVMX_EXIT_NONE; /* runner.c */
			break;
		}
		cond_resched();

		kernel_fpu_begin();
		WRITE_ONCE(vcpu->guest_cpu, smp_processor_id());
		smp_mb();	/* before the backend asks the irqchip */
		if (vcpu->pending != MYVMX_PENDING_NONE &&
		    myvmx_complete_user_exit(vcpu))
			ret = myvmx_exit_internal(vcpu,
						  MYVMX_INTERNAL_EMULATION, 0,
						  vcpu->pending_linear);
		else
			ret = myvmx_backend->vcpu_enter(vcpu);
		WRITE_ONCE(vcpu->guest_cpu, -1);
		kernel_fpu_end();
		if (ret == MYVMX_TO_USER)
			ret = myvmx_serve_exit(vcpu);
	}
	myvmx_vcpu_put(vcpu);
	if (!err)
		vcpu->run->exits = vcpu->exits;
	return err;
}

static long myvmx_vcpu_ioctl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	struct myvmx_vcpu *vcpu = file->private_data;
	void __user *argp = (void __user *)arg;
	union {
		struct myvmx_regs regs;
		struct myvmx_sregs sregs;
		struct myvmx_event event;
	} u;
	long ret;

	if (!mutex_trylock(&vcpu->run_lock))
		return -EBUSY;
	switch (cmd) {
	case MYVMX_RUN:
		if (arg || vcpu->started) {
			ret = arg ? -EINVAL : -EBUSY;
			break;
		}
		WRITE_ONCE(vcpu->in_run, true);
		ret = myvmx_vcpu_run(vcpu);
		WRITE_ONCE(vcpu->in_run, false);
		break;
	case MYVMX_GET_REGS:
		myvmx_get_regs(vcpu, &u.regs);
		ret = copy_to_user(argp, &u.regs, sizeof(u.regs)) ? -EFAULT : 0;
		break;
	case MYVMX_SET_REGS:
		ret = copy_from_user(&u.regs, argp, sizeof(u.regs)) ? -EFAULT :
		      myvmx_set_regs(vcpu, &u.regs);
		break;
	case MYVMX_GET_SREGS:
		memset(&u.sregs, 0, sizeof(u.sregs));
		myvmx_vcpu_get(vcpu);
		ret = myvmx_backend->get_sregs(vcpu, &u.sregs);
		myvmx_vcpu_put(vcpu);
		if (!ret && copy_to_user(argp, &u.sregs, sizeof(u.sregs)))
			ret = -EFAULT;
		break;
	case MYVMX_SET_SREGS:
		ret = copy_from_user(&u.sregs, argp, sizeof(u.sregs)) ?
		      -EFAULT : myvmx_check_sregs(&u.sregs);
		if (!ret) {
			myvmx_vcpu_get(vcpu);
			ret = myvmx_backend->set_sregs(vcpu, &u.sregs);
			myvmx_vcpu_put(vcpu);
		}
		break;
	case MYVMX_INJECT:
		ret = copy_from_user(&u.event, argp, sizeof(u.event)) ?
		      -EFAULT : 0;
		if (ret)
			break;
		ret = -EINVAL;
		if (u.event.pad || u.event.has_error_code > 1)
			break;
		if (u.event.type == MYVMX_EVENT_INTERRUPT &&
		    (u.event.vector < 32 || u.event.has_error_code))
			break;
		if (u.event.type == MYVMX_EVENT_EXCEPTION &&
		    (u.event.vector >= 32 || u.event.vector == 2))
			break;
		if (u.event.type != MYVMX_EVENT_INTERRUPT &&
		    u.event.type != MYVMX_EVENT_EXCEPTION)
			break;
		ret = -EBUSY;
		if (vcpu->event_pending)
			break;
		vcpu->pending_event = u.event;
		vcpu->event_pending = true;
		ret = 0;
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&vcpu->run_lock);
	return ret;
}

static vm_fault_t myvmx_run_fault(struct vm_fault *vmf)
{
	struct myvmx_vcpu *vcpu = vmf->vma->vm_file->private_data;

	if (vmf->pgoff)
		return VM_FAULT_SIGBUS;
	vmf->page = virt_to_page(vcpu->run);
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct myvmx_run_vm_ops = {
	.fault = myvmx_run_fault,
};

static int myvmx_vcpu_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff || vma_pages(vma) != 1)
		return -EINVAL;
	vma->vm_ops = &myvmx_run_vm_ops;
	return 0;
}

static void myvmx_vcpu_free_mem(struct myvmx_vcpu *vcpu)
{
	free_page((unsigned long)vcpu->run);
	kfree(vcpu->guest_fpu);
	kfree(vcpu);
}

static void myvmx_vcpu_free(struct myvmx_vcpu *vcpu)
{
	myvmx_backend->vcpu_destroy(vcpu);
	myvmx_vcpu_load_fini(vcpu);
	myvmx_vcpu_free_mem(vcpu);
}

static int myvmx_vcpu_release(struct inode *inode, struct file *file)
{
	struct myvmx_vcpu *vcpu = file->private_data;
	struct myvmx_vm *vm = vcpu->vm;
	bool kicks;

	mutex_lock(&vm->lock);
	WRITE_ONCE(vm->vcpus[vcpu->index], NULL);
	mutex_unlock(&vm->lock);
	/* A device's kick may still look at it (irq.c). */
	mutex_lock(&vm->dev_lock);
	kicks = vm->had_devices;
	mutex_unlock(&vm->dev_lock);
	if (kicks)
		synchronize_rcu();
	myvmx_vcpu_free(vcpu);
	myvmx_vm_put(vm);
	return 0;
}

static const struct file_operations myvmx_vcpu_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= myvmx_vcpu_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.mmap		= myvmx_vcpu_mmap,
	.release	= myvmx_vcpu_release,
	.llseek		= noop_llseek,
};

int myvmx_vcpu_create(struct myvmx_vm *vm, unsigned long index)
{
	struct myvmx_vcpu *vcpu;
	int err, fd;

	if (index >= MYVMX_MAX_VCPUS)
		return -EINVAL;
	vcpu = kzalloc(sizeof(*vcpu), GFP_KERNEL_ACCOUNT);
	if (!vcpu)
		return -ENOMEM;
	vcpu->run = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	/* FXSAVE wants 16-byte alignment: kmalloc(512) is 512-aligned. */
	vcpu->guest_fpu = kzalloc(sizeof(*vcpu->guest_fpu), GFP_KERNEL_ACCOUNT);
	if (!vcpu->run || !vcpu->guest_fpu) {
		myvmx_vcpu_free_mem(vcpu);
		return -ENOMEM;
	}
	/* FNINIT's control word and the reset MXCSR. */
	vcpu->guest_fpu->cwd = 0x37f;
	vcpu->guest_fpu->mxcsr = 0x1f80;
	vcpu->vm = vm;
	vcpu->index = index;
	vcpu->guest_cpu = -1;
	myvmx_vcpu_load_init(vcpu);
	mutex_init(&vcpu->run_lock);
	init_waitqueue_head(&vcpu->wq);

	mutex_lock(&vm->lock);
	err = -EBUSY;			/* the kernel runs it, or it stopped */
	if (vm->state != MYVMX_STATE_CREATED)
		goto unlock;
	err = -EEXIST;
	if (vm->vcpus[index])
		goto unlock;
	err = myvmx_backend->vcpu_init(vcpu);
	if (err)
		goto unlock;
	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0) {
		err = fd;
		goto destroy;
	}
	vcpu->file = anon_inode_getfile("myvmx-vcpu", &myvmx_vcpu_fops, vcpu,
					O_RDWR);
	if (IS_ERR(vcpu->file)) {
		put_unused_fd(fd);
		err = PTR_ERR(vcpu->file);
		goto destroy;
	}
	kref_get(&vm->kref);
	/* Kicks (irq.c) read it under RCU: publish it initialized. */
	smp_store_release(&vm->vcpus[index], vcpu);
	fd_install(fd, vcpu->file);
	mutex_unlock(&vm->lock);
	return fd;

destroy:
	myvmx_backend->vcpu_destroy(vcpu);
unlock:
	mutex_unlock(&vm->lock);
	myvmx_vcpu_load_fini(vcpu);
	myvmx_vcpu_free_mem(vcpu);
	return err;
}
