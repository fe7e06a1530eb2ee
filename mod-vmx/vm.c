// SPDX-License-Identifier: GPL-2.0
/*
 * A VM: its file descriptor, its guest memory (regions of the creating
 * process's memory, pinned for the VM's life) and its vCPUs.  The VM is
 * freed when its fd and the last vCPU fd are closed.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "vmm.h"

static LIST_HEAD(myvmx_vms);
static DEFINE_MUTEX(myvmx_vms_lock);
static DEFINE_IDA(myvmx_vm_ids);

/*
 * The guest may have written any page of the region (through EPT or NPT,
 * or by emulation): each is marked dirty as it is unpinned, so that a
 * file-backed mapping writes it back.
 */
static void myvmx_region_release(struct myvmx_region *r)
{
	if (r->pages)
		unpin_user_pages_dirty_lock(r->pages, r->npages, true);
	kvfree(r->pages);
	r->pages = NULL;
}

static void myvmx_vm_release(struct kref *kref)
{
	struct myvmx_vm *vm = container_of(kref, struct myvmx_vm, kref);
	unsigned int i;

	mutex_lock(&myvmx_vms_lock);
	list_del(&vm->node);
	mutex_unlock(&myvmx_vms_lock);
	myvmx_devices_destroy(vm);
	myvmx_backend->vm_destroy(vm);
	for (i = 0; i < vm->nr_regions; i++)
		myvmx_region_release(&vm->regions[i]);
	ida_free(&myvmx_vm_ids, vm->id);
	kfree(vm);
	myvmx_hw_put();
}

void myvmx_vm_put(struct myvmx_vm *vm)
{
	kref_put(&vm->kref, myvmx_vm_release);
}

/* The region holding @gpa, or NULL (MMIO).  Regions never change once
 * vCPUs run, so no lock is needed on the exit path.
 */
struct myvmx_region *myvmx_find_region(struct myvmx_vm *vm, u64 gpa)
{
	unsigned int i;

	for (i = 0; i < READ_ONCE(vm->nr_regions); i++) {
		struct myvmx_region *r = &vm->regions[i];

		if (gpa >= r->gpa && gpa - r->gpa < r->size)
			return r;
	}
	return NULL;
}

/* The VM with id @id, with a reference (myvmx_vm_put), or NULL. */
struct myvmx_vm *myvmx_vm_get(u32 id)
{
	struct myvmx_vm *vm, *found = NULL;

	mutex_lock(&myvmx_vms_lock);
	list_for_each_entry(vm, &myvmx_vms, node) {
		if (vm->id == id && kref_get_unless_zero(&vm->kref)) {
			found = vm;
			break;
		}
	}
	mutex_unlock(&myvmx_vms_lock);
	return found;
}

/*
 * Call @fn on every VM from the @skip-th on, under the list's lock, until
 * it returns non-zero.  Returns the index of the VM it stopped at (or the
 * number of VMs): where a dump resumes.
 */
int myvmx_vm_walk(int skip, int (*fn)(struct myvmx_vm *vm, void *arg),
		  void *arg)
{
	struct myvmx_vm *vm;
	int idx = 0;

	mutex_lock(&myvmx_vms_lock);
	list_for_each_entry(vm, &myvmx_vms, node) {
		if (idx >= skip && fn(vm, arg))
			break;
		idx++;
	}
	mutex_unlock(&myvmx_vms_lock);
	return idx;
}

u64 myvmx_vm_memory(struct myvmx_vm *vm)
{
	unsigned int i, n = READ_ONCE(vm->nr_regions);
	u64 bytes = 0;

	for (i = 0; i < n; i++)
		bytes += vm->regions[i].size;
	return bytes;
}

static int myvmx_set_memory(struct myvmx_vm *vm,
			    const struct myvmx_memory_region __user *arg)
{
	struct myvmx_memory_region req;
	struct myvmx_region *r;
	unsigned int i;
	long pinned;
	int err;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (req.flags || req.reserved || !req.size ||
	    (req.guest_phys | req.size | req.userspace_addr) & ~PAGE_MASK ||
	    req.size > SZ_4G || req.guest_phys >= (1ULL << 48) - req.size ||
	    !access_ok((void __user *)(unsigned long)req.userspace_addr,
		       req.size))
		return -EINVAL;

	mutex_lock(&vm->lock);
	err = -EBUSY;
	for (i = 0; i < MYVMX_MAX_VCPUS; i++)
		if (vm->vcpus[i])
			goto out;	/* memory is fixed once vCPUs exist */
	err = -ENOSPC;
	if (vm->nr_regions == MYVMX_MAX_REGIONS)
		goto out;
	err = -EEXIST;
	for (i = 0; i < vm->nr_regions; i++) {
		r = &vm->regions[i];
		if (myvmx_overlaps(req.guest_phys, req.size, r->gpa, r->size) ||
		    myvmx_overlaps(req.userspace_addr, req.size, r->uaddr,
				   r->size))
			goto out;
	}
	r = &vm->regions[vm->nr_regions];
	r->gpa = req.guest_phys;
	r->size = req.size;
	r->uaddr = req.userspace_addr;
	r->npages = req.size >> PAGE_SHIFT;
	err = -ENOMEM;
	r->pages = kvcalloc(r->npages, sizeof(*r->pages), GFP_KERNEL_ACCOUNT);
	if (!r->pages)
		goto out;
	pinned = pin_user_pages_fast(req.userspace_addr, r->npages,
				     FOLL_WRITE | FOLL_LONGTERM, r->pages);
	if (pinned != r->npages) {
		r->npages = pinned > 0 ? pinned : 0;
		myvmx_region_release(r);
		err = pinned < 0 ? pinned : -EFAULT;
		goto out;
	}
	err = myvmx_backend->map_region(vm, r);
	if (err) {
		myvmx_region_release(r);
		goto out;
	}
	WRITE_ONCE(vm->nr_regions, vm->nr_regions + 1);
out:
	mutex_unlock(&vm->lock);
	return err;
}

static long myvmx_vm_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	struct myvmx_vm *vm = file->private_data;

	switch (cmd) {
	case MYVMX_SET_MEMORY:
		return myvmx_set_memory(vm, (void __user *)arg);
	case MYVMX_CREATE_VCPU:
		return myvmx_vcpu_create(vm, arg);
	case MYVMX_CREATE_DEVICE:
		return myvmx_device_create(vm, (void __user *)arg);
	case MYVMX_START:
		return arg ? -EINVAL : myvmx_vm_start(vm);
	default:
		return -ENOTTY;
	}
}

static int myvmx_vm_file_release(struct inode *inode, struct file *file)
{
	myvmx_vm_put(file->private_data);
	return 0;
}

static const struct file_operations myvmx_vm_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= myvmx_vm_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.release	= myvmx_vm_file_release,
	.llseek		= noop_llseek,
};

int myvmx_vm_create(const struct myvmx_vm_create __user *arg)
{
	struct myvmx_vm_create req;
	struct myvmx_vm *vm;
	int err, fd;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (req.flags || req.reserved ||
	    strnlen(req.name, sizeof(req.name)) == sizeof(req.name))
		return -EINVAL;

	vm = kzalloc(sizeof(*vm), GFP_KERNEL_ACCOUNT);
	if (!vm)
		return -ENOMEM;
	kref_init(&vm->kref);
	mutex_init(&vm->lock);
	mutex_init(&vm->dev_lock);
	init_waitqueue_head(&vm->state_wq);
	INIT_LIST_HEAD(&vm->devices);
	INIT_LIST_HEAD(&vm->node);
	strscpy(vm->name, req.name, sizeof(vm->name));
	vm->owner = task_tgid_nr(current);
	err = ida_alloc_min(&myvmx_vm_ids, 1, GFP_KERNEL);
	if (err < 0)
		goto free_vm;
	vm->id = err;
	err = myvmx_hw_get();
	if (err)
		goto free_id;
	err = myvmx_backend->vm_init(vm);
	if (err)
		goto put_backend;
	mutex_lock(&myvmx_vms_lock);
	list_add_tail(&vm->node, &myvmx_vms);
	mutex_unlock(&myvmx_vms_lock);

	fd = anon_inode_getfd("myvmx-vm", &myvmx_vm_fops, vm,
			      O_RDWR | O_CLOEXEC);
	if (fd < 0)
		myvmx_vm_put(vm);
	return fd;

put_backend:
	myvmx_hw_put();
free_id:
	ida_free(&myvmx_vm_ids, vm->id);
free_vm:
	kfree(vm);
	return err;
}
