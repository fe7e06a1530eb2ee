// SPDX-License-Identifier: GPL-2.0
/*
 * myvmx: the ringzero Intel VT-x virtual machine monitor.  Module entry
 * points.
 */
#include <linux/module.h>
#include <net/genetlink.h>

#include "dev.h"
#include "netlink.h"
#include "vmx.h"
#include <myvmx.h>

static int __init myvmx_init(void)
{
	int err;

	err = myvmx_vmx_init();
	if (err)
		return err;
	err = myvmx_genl_init();
	if (err)
		goto vmx_exit;
	err = myvmx_dev_init();
	if (err)
		goto genl_uninit;
	return 0;

genl_uninit:
	myvmx_genl_uninit();
vmx_exit:
	myvmx_vmx_exit();
	return err;
}

static void __exit myvmx_exit(void)
{
	myvmx_dev_uninit();
	myvmx_genl_uninit();
	myvmx_vmx_exit();
}

module_init(myvmx_init);
module_exit(myvmx_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero VT-x virtual machine monitor");
MODULE_VERSION(RINGZERO_VERSION);
MODULE_ALIAS_GENL_FAMILY(MYVMX_GENL_NAME);
