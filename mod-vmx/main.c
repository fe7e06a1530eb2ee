// SPDX-License-Identifier: GPL-2.0
/*
 * myvmx: the ringzero virtual machine monitor, on Intel VT-x or AMD-V.
 * Module entry points: the backend is chosen by the CPU's vendor.
 */
#include <linux/module.h>
#include <net/genetlink.h>
#include <asm/processor.h>

#include "dev.h"
#include "netlink.h"
#include "vmm.h"
#include <myvmx.h>

const struct myvmx_backend *myvmx_backend;

static int myvmx_pick_backend(void)
{
	if (boot_cpu_data.x86_vendor == X86_VENDOR_AMD ||
	    boot_cpu_data.x86_vendor == X86_VENDOR_HYGON)
		return myvmx_svm_init();
	return myvmx_vmx_init();
}

static int __init myvmx_init(void)
{
	int err;

	err = myvmx_pick_backend();
	if (err)
		return err;
	err = myvmx_cpu_init();
	if (err)
		return err;
	err = myvmx_genl_init();
	if (err)
		goto cpu_exit;
	err = myvmx_dev_init();
	if (err)
		goto genl_uninit;
	return 0;

genl_uninit:
	myvmx_genl_uninit();
cpu_exit:
	myvmx_cpu_exit();
	return err;
}

static void __exit myvmx_exit(void)
{
	myvmx_dev_uninit();
	myvmx_genl_uninit();
	myvmx_cpu_exit();
}

module_init(myvmx_init);
module_exit(myvmx_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ringzero virtual machine monitor (VT-x, AMD-V)");
MODULE_VERSION(RINGZERO_VERSION);
MODULE_ALIAS_GENL_FAMILY(MYVMX_GENL_NAME);
