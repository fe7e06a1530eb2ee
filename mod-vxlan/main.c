// SPDX-License-Identifier: GPL-2.0
/*
 * myvxlan: a VXLAN (RFC 7348) network device.  Module entry points.
 */
#include <linux/module.h>
#include <net/rtnetlink.h>
#include <net/genetlink.h>

#include "device.h"
#include "netlink.h"
#include "socket.h"
#include <ringzero.h>
#include <myvxlan.h>

static int __init myvxlan_init(void)
{
	int err;

	err = myvxlan_socket_init();
	if (err)
		return err;
	err = myvxlan_device_init();
	if (err)
		goto err_socket;
	err = myvxlan_genl_init();
	if (err)
		goto err_device;
	return 0;

err_device:
	myvxlan_device_uninit();
err_socket:
	myvxlan_socket_uninit();
	return err;
}

static void __exit myvxlan_exit(void)
{
	myvxlan_genl_uninit();
	myvxlan_device_uninit();
	myvxlan_socket_uninit();
}

module_init(myvxlan_init);
module_exit(myvxlan_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero VXLAN network device");
MODULE_VERSION(RINGZERO_VERSION);
MODULE_ALIAS_RTNL_LINK("myvxlan");
MODULE_ALIAS_GENL_FAMILY(MYVXLAN_GENL_NAME);
