// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel device types (registered by myvdev.ko) and their instances:
 * MYVMX_CREATE_DEVICE on a VM fd, the device fd it returns, and the
 * devices' end with the VM.  A device's port and MMIO ranges and its
 * interrupt controller become visible to the vCPUs only once ->create
 * succeeded, and stay until the VM is freed, so the exit path reads them
 * without a lock.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/netlink.h>

#include "vmm.h"

#define MYVMX_MAX_DEVICE_TYPES	8

static const struct myvmx_device_class *myvmx_types[MYVMX_MAX_DEVICE_TYPES];
static DEFINE_MUTEX(myvmx_types_lock);

struct myvmx_device {
	struct list_head node;		/* on vm->devices */
	struct myvmx_vm *vm;
	const struct myvmx_device_class *type;
	void *priv;
};

int myvmx_device_class_register(const struct myvmx_device_class *t)
{
	int i, free = -1, err = 0;

	mutex_lock(&myvmx_types_lock);
	for (i = 0; i < MYVMX_MAX_DEVICE_TYPES; i++) {
		if (myvmx_types[i] && myvmx_types[i]->type == t->type)
			err = -EEXIST;
		if (!myvmx_types[i] && free < 0)
			free = i;
	}
	if (!err && free < 0)
		err = -ENOSPC;
	if (!err)
		myvmx_types[free] = t;
	mutex_unlock(&myvmx_types_lock);
	return err;
}
EXPORT_SYMBOL_GPL(myvmx_device_class_register);

/* The owner's module reference held by each device keeps @t alive. */
void myvmx_device_class_unregister(const struct myvmx_device_class *t)
{
	int i;

	mutex_lock(&myvmx_types_lock);
	for (i = 0; i < MYVMX_MAX_DEVICE_TYPES; i++)
		if (myvmx_types[i] == t)
			myvmx_types[i] = NULL;
	mutex_unlock(&myvmx_types_lock);
}
EXPORT_SYMBOL_GPL(myvmx_device_class_unregister);

/* The type numbered @type, with a reference to its module, or NULL. */
static const struct myvmx_device_class *myvmx_type_get(u32 type)
{
	const struct myvmx_device_class *t = NULL;
	int i;

	mutex_lock(&myvmx_types_lock);
	for (i = 0; i < MYVMX_MAX_DEVICE_TYPES; i++) {
		if (myvmx_types[i] && myvmx_types[i]->type == type &&
		    try_module_get(myvmx_types[i]->owner)) {
			t = myvmx_types[i];
			break;
		}
	}
	mutex_unlock(&myvmx_types_lock);
	return t;
}

u32 myvmx_vm_id(const struct myvmx_vm *vm)
{
	return vm->id;
}
EXPORT_SYMBOL_GPL(myvmx_vm_id);

/* From ->create only: the range is live once ->create has succeeded. */
int myvmx_iodev_add(struct myvmx_vm *vm, struct myvmx_iodev *dev)
{
	unsigned int i;

	lockdep_assert_held(&vm->dev_lock);
	if (!dev->len || dev->base + dev->len < dev->base ||
	    (!dev->mmio && dev->base + dev->len > 0x10000))
		return -EINVAL;
	if (vm->nr_iodevs_staged == MYVMX_MAX_IODEVS)
		return -ENOSPC;
	/* RAM hides MMIO: the guest would never reach the device. */
	for (i = 0; dev->mmio && i < READ_ONCE(vm->nr_regions); i++)
		if (myvmx_overlaps(vm->regions[i].gpa, vm->regions[i].size,
				   dev->base, dev->len))
			return -EEXIST;
	for (i = 0; i < vm->nr_iodevs_staged; i++)
		if (vm->iodevs[i]->mmio == dev->mmio &&
		    myvmx_overlaps(vm->iodevs[i]->base, vm->iodevs[i]->len,
				   dev->base, dev->len))
			return -EEXIST;
	vm->iodevs[vm->nr_iodevs_staged++] = dev;
	return 0;
}
EXPORT_SYMBOL_GPL(myvmx_iodev_add);

/* From ->create only; one interrupt controller per VM. */
int myvmx_set_irqchip(struct myvmx_vm *vm, const struct myvmx_irqchip_ops *ops,
		      void *chip)
{
	lockdep_assert_held(&vm->dev_lock);
	if (vm->irqchip || vm->irqchip_staged)
		return -EEXIST;
	vm->irqchip_staged = ops;
	vm->irqchip_data = chip;
	return 0;
}
EXPORT_SYMBOL_GPL(myvmx_set_irqchip);

/*
 * From ->create only: the device drives input @line of the VM's interrupt
 * controller (installed by now, or by this ->create), and nothing else
 * does.
 */
int myvmx_irq_claim(struct myvmx_vm *vm, unsigned int line)
{
	lockdep_assert_held(&vm->dev_lock);
	if (!vm->irqchip && !vm->irqchip_staged)
		return -ENODEV;
	if (line >= MYVMX_IRQ_LINES)
		return -EINVAL;
	if ((vm->irq_lines | vm->irq_lines_staged) & BIT(line))
		return -EBUSY;
	vm->irq_lines_staged |= BIT(line);
	return 0;
}
EXPORT_SYMBOL_GPL(myvmx_irq_claim);

static ssize_t myvmx_device_read(struct file *file, char __user *buf,
				 size_t len, loff_t *ppos)
{
	struct myvmx_device *dev = file->private_data;

	if (!dev->type->read)
		return -EINVAL;
	return dev->type->read(dev->priv, buf, len,
			       file->f_flags & O_NONBLOCK);
}

static ssize_t myvmx_device_write(struct file *file, const char __user *buf,
				  size_t len, loff_t *ppos)
{
	struct myvmx_device *dev = file->private_data;

	if (!dev->type->write)
		return -EINVAL;
	return dev->type->write(dev->priv, buf, len);
}

static __poll_t myvmx_device_poll(struct file *file, poll_table *wait)
{
	struct myvmx_device *dev = file->private_data;

	return dev->type->poll ? dev->type->poll(dev->priv, file, wait) : 0;
}

static int myvmx_device_release(struct inode *inode, struct file *file)
{
	struct myvmx_device *dev = file->private_data;

	myvmx_vm_put(dev->vm);
	return 0;
}

static const struct file_operations myvmx_device_fops = {
	.owner		= THIS_MODULE,
	.read		= myvmx_device_read,
	.write		= myvmx_device_write,
	.poll		= myvmx_device_poll,
	.release	= myvmx_device_release,
	.llseek		= noop_llseek,
};

/* A new fd for @dev; takes a VM reference for it. */
static int myvmx_device_fd(struct myvmx_device *dev)
{
	int fd;

	kref_get(&dev->vm->kref);
	fd = anon_inode_getfd(dev->type->name, &myvmx_device_fops, dev,
			      O_RDWR | O_CLOEXEC);
	if (fd < 0)
		myvmx_vm_put(dev->vm);
	return fd;
}

static bool myvmx_vm_has_device(struct myvmx_vm *vm,
				const struct myvmx_device_class *t)
{
	struct myvmx_device *dev;

	list_for_each_entry(dev, &vm->devices, node)
		if (dev->type == t)
			return true;
	return false;
}

int myvmx_device_create(struct myvmx_vm *vm,
			const struct myvmx_create_device __user *arg)
{
	const struct myvmx_device_class *t;
	struct myvmx_create_device req;
	struct myvmx_device *dev;
	int err, fd;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (req.flags)
		return -EINVAL;
	t = myvmx_type_get(req.type);
	if (!t)
		return -ENODEV;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL_ACCOUNT);
	if (!dev) {
		module_put(t->owner);
		return -ENOMEM;
	}
	dev->vm = vm;
	dev->type = t;

	mutex_lock(&vm->dev_lock);
	err = -EBUSY;			/* devices come before MYVMX_START */
	if (READ_ONCE(vm->state) != MYVMX_STATE_CREATED)
		goto fail;
	err = -EEXIST;
	if (!t->multi && myvmx_vm_has_device(vm, t))
		goto fail;
	vm->had_devices = true;
	dev->priv = t->create(vm, &req);
	if (IS_ERR(dev->priv)) {
		err = PTR_ERR(dev->priv);
		goto fail;
	}
	fd = myvmx_device_fd(dev);
	if (fd < 0) {
		err = fd;
		t->destroy(dev->priv);
		goto fail;
	}
	list_add_tail(&dev->node, &vm->devices);
	/*
	 * The vCPUs see the new ranges and chip from here on: the releases
	 * pair with the acquires of iodev.c and irq.c, which then see the
	 * device's set-up complete.
	 */
	smp_store_release(&vm->nr_iodevs, vm->nr_iodevs_staged);
	if (vm->irqchip_staged)		/* the same pairing */
		smp_store_release(&vm->irqchip, vm->irqchip_staged);
	vm->irqchip_staged = NULL;
	vm->irq_lines |= vm->irq_lines_staged;
	vm->irq_lines_staged = 0;
	mutex_unlock(&vm->dev_lock);
	return fd;

fail:
	vm->nr_iodevs_staged = vm->nr_iodevs;
	vm->irqchip_staged = NULL;
	vm->irq_lines_staged = 0;
	mutex_unlock(&vm->dev_lock);
	kfree(dev);
	module_put(t->owner);
	return err;
}

/* MYVMX_OPEN_DEVICE on /dev/myvmx: another fd for a VM's device. */
int myvmx_device_open(const struct myvmx_open_device __user *arg)
{
	struct myvmx_open_device req;
	struct myvmx_device *dev;
	struct myvmx_vm *vm;
	int ret = -ENODEV;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	vm = myvmx_vm_get(req.vm_id);
	if (!vm)
		return -ENOENT;
	mutex_lock(&vm->dev_lock);
	list_for_each_entry(dev, &vm->devices, node) {
		if (dev->type->type == req.type) {
			ret = myvmx_device_fd(dev);
			break;
		}
	}
	mutex_unlock(&vm->dev_lock);
	myvmx_vm_put(vm);
	return ret;
}

/* A started VM has stopped: its devices may tell their readers. */
void myvmx_devices_vm_stopped(struct myvmx_vm *vm)
{
	struct myvmx_device *dev;

	mutex_lock(&vm->dev_lock);
	list_for_each_entry(dev, &vm->devices, node)
		if (dev->type->stopped)
			dev->type->stopped(dev->priv);
	mutex_unlock(&vm->dev_lock);
}

/*
 * The VM is going: no vCPU and no device fd is left.  The newest device
 * goes first: the interrupt controller others raise lines on is older.
 */
void myvmx_devices_destroy(struct myvmx_vm *vm)
{
	struct myvmx_device *dev, *next;

	list_for_each_entry_safe_reverse(dev, next, &vm->devices, node) {
		dev->type->destroy(dev->priv);
		module_put(dev->type->owner);
		kfree(dev);
	}
}

static int myvmx_device_put_stats(struct sk_buff *msg,
				  const struct myvmx_device *dev)
{
	struct myvmx_device_stats s = { };
	struct nlattr *nest, *counter;
	unsigned int i;

	if (dev->type->stats)
		dev->type->stats(dev->priv, &s);
	nest = nla_nest_start(msg, MYVMX_ATTR_DEVICE);
	if (!nest || nla_put_u32(msg, MYVMX_DEVICE_ATTR_TYPE, dev->type->type) ||
	    nla_put_string(msg, MYVMX_DEVICE_ATTR_NAME,
			   s.name[0] ? s.name : dev->type->name))
		return -EMSGSIZE;
	for (i = 0; i < s.n; i++) {
		counter = nla_nest_start(msg, MYVMX_DEVICE_ATTR_COUNTER);
		if (!counter ||
		    nla_put_string(msg, MYVMX_COUNTER_NAME, s.counter[i].name) ||
		    nla_put_u64_64bit(msg, MYVMX_COUNTER_VALUE,
				      s.counter[i].value, MYVMX_COUNTER_UNSPEC))
			return -EMSGSIZE;
		nla_nest_end(msg, counter);
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* MYVMX_CMD_GET_STATS: a MYVMX_ATTR_DEVICE per device. */
int myvmx_devices_put_stats(struct sk_buff *msg, struct myvmx_vm *vm)
{
	struct myvmx_device *dev;
	int err = 0;

	mutex_lock(&vm->dev_lock);
	list_for_each_entry(dev, &vm->devices, node) {
		err = myvmx_device_put_stats(msg, dev);
		if (err)
			break;
	}
	mutex_unlock(&vm->dev_lock);
	return err;
}

/*
 * MYVMX_CMD_SHUTDOWN: the first device that can ask the guest to shut
 * down does.  -EOPNOTSUPP when none can.
 */
int myvmx_devices_shutdown(struct myvmx_vm *vm)
{
	struct myvmx_device *dev;
	int err = -EOPNOTSUPP;

	mutex_lock(&vm->dev_lock);
	list_for_each_entry(dev, &vm->devices, node) {
		if (dev->type->shutdown) {
			err = dev->type->shutdown(dev->priv);
			break;
		}
	}
	mutex_unlock(&vm->dev_lock);
	return err;
}
