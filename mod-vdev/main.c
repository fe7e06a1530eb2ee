// SPDX-License-Identifier: GPL-2.0
/*
 * myvdev: in-kernel devices for myvmx virtual machines.  The module
 * registers its device classes with myvmx; VMs get them through
 * MYVMX_CREATE_DEVICE.
 */
#include <linux/module.h>

#include <ringzero.h>
#include "platform.h"
#include "virtio_blk.h"
#include "virtio_net.h"

static const struct myvmx_device_class *const myvdev_classes[] = {
	&myvdev_platform_class,
	&myvdev_blk_class,
	&myvdev_net_class,
};

static void myvdev_unregister(unsigned int n)
{
	while (n--)
		myvmx_device_class_unregister(myvdev_classes[n]);
}

static int __init myvdev_init(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(myvdev_classes); i++) {
		err = myvmx_device_class_register(myvdev_classes[i]);
		if (err) {
			myvdev_unregister(i);
			return err;
		}
	}
	return 0;
}

static void __exit myvdev_exit(void)
{
	myvdev_unregister(ARRAY_SIZE(myvdev_classes));
}

module_init(myvdev_init);
module_exit(myvdev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero in-kernel virtual devices");
MODULE_VERSION(RINGZERO_VERSION);
