// SPDX-License-Identifier: GPL-2.0
/*
 * myvdev: in-kernel devices for myvmx virtual machines.  The module
 * registers its device classes with myvmx; VMs get them through
 * MYVMX_CREATE_DEVICE.
 */
#include <linux/module.h>

#include <ringzero.h>
#include "platform.h"

static int __init myvdev_init(void)
{
	return myvmx_device_class_register(&myvdev_platform_class);
}

static void __exit myvdev_exit(void)
{
	myvmx_device_class_unregister(&myvdev_platform_class);
}

module_init(myvdev_init);
module_exit(myvdev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero in-kernel virtual devices");
MODULE_VERSION(RINGZERO_VERSION);
