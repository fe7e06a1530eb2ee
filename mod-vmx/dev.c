// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/myvmx, the VMM's character device (documented in uapi/myvmx.h).
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include "dev.h"
#include "vmm.h"
#include <myvmx.h>

static long myvmx_dev_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	switch (cmd) {
	case MYVMX_GET_API_VERSION:
		if (arg)
			return -EINVAL;
		return MYVMX_API_VERSION;
	case MYVMX_CREATE_VM:
		return myvmx_vm_create((void __user *)arg);
	case MYVMX_OPEN_DEVICE:
		return myvmx_device_open((void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations myvmx_dev_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= myvmx_dev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

/* Root only: whoever opens /dev/myvmx can run code in VMX non-root mode. */
static struct miscdevice myvmx_miscdev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "myvmx",
	.fops	= &myvmx_dev_fops,
	.mode	= 0600,
};

int myvmx_dev_init(void)
{
	return misc_register(&myvmx_miscdev);
}

void myvmx_dev_uninit(void)
{
	misc_deregister(&myvmx_miscdev);
}
