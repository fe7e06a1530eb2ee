// SPDX-License-Identifier: GPL-2.0
/*
 * mybridge: a virtual switch network device.  Module entry points.
 */
#include <linux/module.h>
#include <net/rtnetlink.h>
#include <net/genetlink.h>

#include "bridge.h"
#include "port.h"
#include "netlink.h"
#include <ringzero.h>
#include <mybridge.h>

static int __init mybridge_init(void)
{
	int err;

	err = mybridge_device_init();
	if (err)
		return err;
	err = mybridge_genl_init();
	if (err)
		mybridge_device_uninit();
	return err;
}

static void __exit mybridge_exit(void)
{
	mybridge_genl_uninit();
	mybridge_device_uninit();
	/* Rules of deleted switches are freed by RCU callbacks here. */
	rcu_barrier();
}

module_init(mybridge_init);
module_exit(mybridge_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero virtual switch network device");
MODULE_VERSION(RINGZERO_VERSION);
MODULE_ALIAS_RTNL_LINK("mybridge");
MODULE_ALIAS_GENL_FAMILY(MYBRIDGE_GENL_NAME);
