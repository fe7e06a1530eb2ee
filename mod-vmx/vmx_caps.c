// SPDX-License-Identifier: GPL-2.0
/*
 * VT-x detection: CPUID, IA32_FEATURE_CONTROL and the VMX capability
 * MSRs, turned into the control values every VMCS uses.  A CPU without
 * what myvmx needs (EPT with write-back 4-level tables, unrestricted
 * guest) makes the module refuse to load, with one line saying why.
 */
#include <kunit/visibility.h>
#include <linux/printk.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>
#include <asm/tsc.h>
#include <asm/vmx.h>

#include "vmx.h"

struct myvmx_vmx_caps myvmx_caps;

/*
 * A capability MSR allows a control bit to be 0 when its low half has the
 * bit clear, and to be 1 when its high half has it set.  Returns the
 * controls with every @required bit, the allowed @optional ones and the
 * bits the CPU insists on; -EIO when a required bit cannot be set.
 */
int myvmx_adjust_controls(u32 required, u32 optional, u64 cap_msr,
			  u32 *result)
{
	u32 must_be_one = (u32)cap_msr;
	u32 may_be_one = cap_msr >> 32;

	if ((required & may_be_one) != required)
		return -EIO;
	*result = (required | (optional & may_be_one) | must_be_one) &
		  may_be_one;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_adjust_controls);

static int myvmx_adjust(const char *what, u32 required, u32 optional,
			u32 msr, u32 *result)
{
	u64 cap;

	rdmsrl(msr, cap);
	if (myvmx_adjust_controls(required, optional, cap, result)) {
		pr_err("myvmx: VT-x lacks %s controls %#x (allowed %#llx)\n",
		       what, required, cap >> 32);
		return -ENODEV;
	}
	return 0;
}

static int myvmx_probe_cpu(void)
{
	u64 feature_control;

	if (!(cpuid_ecx(1) & BIT(5))) {
		pr_err("myvmx: no VT-x: CPUID.1:ECX.VMX is clear\n");
		return -ENODEV;
	}
	if (rdmsrl_safe(MSR_IA32_FEAT_CTL, &feature_control) ||
	    !(feature_control & FEAT_CTL_LOCKED) ||
	    !(feature_control & FEAT_CTL_VMX_ENABLED_OUTSIDE_SMX)) {
		pr_err("myvmx: VT-x is disabled by the firmware (IA32_FEATURE_CONTROL)\n");
		return -ENODEV;
	}
	if (!boot_cpu_has(X86_FEATURE_VMX)) {
		pr_err("myvmx: VT-x is disabled by the kernel\n");
		return -ENODEV;
	}
	return 0;
}

int myvmx_vmx_probe(void)
{
	struct myvmx_vmx_caps *c = &myvmx_caps;
	u32 pin_msr, proc_msr, exit_msr, entry_msr, vpid_ctl, vpid_cap;
	u64 basic;
	int err;

	err = myvmx_probe_cpu();
	if (err)
		return err;
	rdmsrl(MSR_IA32_VMX_BASIC, basic);
	c->revision_id = basic & 0x7fffffff;
	c->vmcs_size = (basic >> 32) & 0x1fff;
	c->true_ctls = basic & VMX_BASIC_TRUE_CTLS;
	c->ins_outs_info = basic & VMX_BASIC_INOUT;
	if (((basic >> 50) & 0xf) != VMX_BASIC_MEM_TYPE_WB) {
		pr_err("myvmx: VT-x wants uncached VMCS memory; unsupported\n");
		return -ENODEV;
	}
	pin_msr = c->true_ctls ? MSR_IA32_VMX_TRUE_PINBASED_CTLS :
				 MSR_IA32_VMX_PINBASED_CTLS;
	proc_msr = c->true_ctls ? MSR_IA32_VMX_TRUE_PROCBASED_CTLS :
				  MSR_IA32_VMX_PROCBASED_CTLS;
	exit_msr = c->true_ctls ? MSR_IA32_VMX_TRUE_EXIT_CTLS :
				  MSR_IA32_VMX_EXIT_CTLS;
	entry_msr = c->true_ctls ? MSR_IA32_VMX_TRUE_ENTRY_CTLS :
				   MSR_IA32_VMX_ENTRY_CTLS;

	err = myvmx_adjust("pin-based",
			   PIN_BASED_EXT_INTR_MASK | PIN_BASED_NMI_EXITING,
			   PIN_BASED_VIRTUAL_NMIS | PIN_BASED_VMX_PREEMPTION_TIMER,
			   pin_msr, &c->pin) ?:
	      myvmx_adjust("processor-based",
			   CPU_BASED_HLT_EXITING | CPU_BASED_UNCOND_IO_EXITING |
			   CPU_BASED_USE_MSR_BITMAPS | CPU_BASED_MOV_DR_EXITING |
			   CPU_BASED_MWAIT_EXITING |
			   CPU_BASED_MONITOR_EXITING |
			   CPU_BASED_RDPMC_EXITING |
			   CPU_BASED_ACTIVATE_SECONDARY_CONTROLS, 0, proc_msr,
			   &c->proc) ?:
	      myvmx_adjust("secondary",
			   SECONDARY_EXEC_ENABLE_EPT |
			   SECONDARY_EXEC_UNRESTRICTED_GUEST,
			   SECONDARY_EXEC_ENABLE_VPID |
			   SECONDARY_EXEC_ENABLE_RDTSCP,
			   MSR_IA32_VMX_PROCBASED_CTLS2, &c->proc2) ?:
	      myvmx_adjust("VM-exit",
			   VM_EXIT_HOST_ADDR_SPACE_SIZE |
			   VM_EXIT_ACK_INTR_ON_EXIT |
			   VM_EXIT_SAVE_IA32_EFER | VM_EXIT_LOAD_IA32_EFER |
			   VM_EXIT_SAVE_IA32_PAT | VM_EXIT_LOAD_IA32_PAT, 0,
			   exit_msr, &c->exit) ?:
	      myvmx_adjust("VM-entry",
			   VM_ENTRY_LOAD_IA32_EFER | VM_ENTRY_LOAD_IA32_PAT, 0,
			   entry_msr, &c->entry);
	if (err)
		return err;
	/* Whether the CPU forces them or not, these are set per entry. */
	c->proc &= ~(CPU_BASED_CR3_LOAD_EXITING | CPU_BASED_CR3_STORE_EXITING |
		     CPU_BASED_INVLPG_EXITING);
	c->entry &= ~VM_ENTRY_IA32E_MODE;

	rdmsrl(MSR_IA32_VMX_EPT_VPID_CAP, c->ept_vpid);
	if (!(c->ept_vpid & VMX_EPT_PAGE_WALK_4_BIT) ||
	    !(c->ept_vpid & VMX_EPTP_WB_BIT) ||
	    !(c->ept_vpid & VMX_EPT_INVEPT_BIT) ||
	    !(c->ept_vpid & VMX_EPT_EXTENT_GLOBAL_BIT)) {
		pr_err("myvmx: EPT lacks 4-level write-back tables or INVEPT (caps %#llx)\n",
		       c->ept_vpid);
		return -ENODEV;
	}
	vpid_ctl = c->proc2 & SECONDARY_EXEC_ENABLE_VPID;
	/* The VPID capabilities are the MSR's high half. */
	vpid_cap = c->ept_vpid >> 32;
	c->vpid = vpid_ctl && (vpid_cap & VMX_VPID_INVVPID_BIT) &&
		  (vpid_cap & VMX_VPID_EXTENT_GLOBAL_CONTEXT_BIT);
	if (!c->vpid)
		c->proc2 &= ~SECONDARY_EXEC_ENABLE_VPID;

	/*
	 * The preemption timer bounds each stay in the guest to about 4 ms,
	 * so the host gets the CPU back even where no interrupt brings it (a
	 * nohz_full CPU; Bochs, where a guest's tight loop holds off the
	 * timer interrupt's exit).  It counts at the TSC rate >> VMX_MISC[4:0].
	 */
	if (c->pin & PIN_BASED_VMX_PREEMPTION_TIMER) {
		u64 misc;

		rdmsrl(MSR_IA32_VMX_MISC, misc);
		c->preemption_timer = clamp_t(u64, ((u64)tsc_khz * 4) >>
					      (misc & 0x1f), 1, U32_MAX);
	}

	rdmsrl(MSR_IA32_VMX_CR0_FIXED0, c->cr0_fixed0);
	rdmsrl(MSR_IA32_VMX_CR0_FIXED1, c->cr0_fixed1);
	rdmsrl(MSR_IA32_VMX_CR4_FIXED0, c->cr4_fixed0);
	rdmsrl(MSR_IA32_VMX_CR4_FIXED1, c->cr4_fixed1);
	return 0;
}
