// SPDX-License-Identifier: GPL-2.0
/*
 * myvdev: in-kernel devices for myvmx virtual machines.  Module entry
 * points; the devices themselves are not written yet.
 */
#include <linux/module.h>

#include <ringzero.h>

static int __init myvdev_init(void)
{
	return 0;
}

static void __exit myvdev_exit(void)
{
}

module_init(myvdev_init);
module_exit(myvdev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero in-kernel virtual devices");
MODULE_VERSION(RINGZERO_VERSION);
