// SPDX-License-Identifier: GPL-2.0
/*
 * VMX operation on one CPU (cpu.c decides when): CR4.VMXE, then VMXON
 * with a per-CPU region; leaving it first clears every VMCS still active
 * on the CPU.  CR4.VMXE already set means another hypervisor (kvm_intel)
 * is in VMX operation: myvmx then refuses with -EBUSY.
 */
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <asm/tlbflush.h>

#include "vmx.h"

static DEFINE_PER_CPU(struct myvmx_vmcs *, myvmx_vmxon_region);
/* VMCSs active on the CPU; changed only there, with interrupts off. */
DEFINE_PER_CPU(struct list_head, myvmx_loaded_vmcss);

/*
 * VMXON can only fail (VMfail) in VMX operation, excluded by CR4.VMXE
 * being clear before; a fault (#GP: the firmware locked VMX off behind
 * our back) skips the instruction that clears @err.
 */
static int myvmx_vmxon(u64 pa)
{
	int err = -EFAULT;

	asm volatile("1: vmxon %[region]\n\t"
		     "xor %[err], %[err]\n\t"
		     "2:\n\t"
		     _ASM_EXTABLE(1b, 2b)
		     : [err] "+r"(err) : [region] "m"(pa) : "cc", "memory");
	return err;
}

static void myvmx_vmxoff(void)
{
	asm volatile("vmxoff" : : : "cc", "memory");
}

/* Enter VMX operation on this CPU; runs with interrupts off. */
int myvmx_vmx_cpu_enable(void)
{
	struct myvmx_vmcs *region = this_cpu_read(myvmx_vmxon_region);
	u64 cr0 = read_cr0(), cr4 = __read_cr4();
	int err;

	if (cr4 & X86_CR4_VMXE) {
		pr_err("myvmx: CPU %d is already in VMX operation (is kvm_intel loaded?)\n",
		       smp_processor_id());
		return -EBUSY;
	}
	if ((cr0 & myvmx_caps.cr0_fixed0) != myvmx_caps.cr0_fixed0 ||
	    (cr0 & ~myvmx_caps.cr0_fixed1)) {
		pr_err("myvmx: CPU %d: CR0 %#llx does not suit VMX\n",
		       smp_processor_id(), cr0);
		return -EIO;
	}
	region->revision_id = myvmx_caps.revision_id;
	cr4_set_bits(X86_CR4_VMXE);
	err = myvmx_vmxon(__pa(region));
	if (err) {
		cr4_clear_bits(X86_CR4_VMXE);
		pr_err("myvmx: VMXON failed on CPU %d\n", smp_processor_id());
		return err;
	}
	return 0;
}

/* Clear every VMCS active here and leave VMX operation. */
void myvmx_vmx_cpu_disable(void)
{
	struct list_head *loaded = this_cpu_ptr(&myvmx_loaded_vmcss);
	struct myvmx_vmx_vcpu *vx, *tmp;

	list_for_each_entry_safe(vx, tmp, loaded, loaded_node)
		myvmx_vmcs_clear_on_cpu(vx);
	myvmx_vmxoff();
	cr4_clear_bits(X86_CR4_VMXE);
}

void myvmx_vmx_cpu_teardown(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		free_page((unsigned long)per_cpu(myvmx_vmxon_region, cpu));
		per_cpu(myvmx_vmxon_region, cpu) = NULL;
	}
}

int myvmx_vmx_cpu_setup(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct page *page;

		INIT_LIST_HEAD(&per_cpu(myvmx_loaded_vmcss, cpu));
		page = alloc_pages_node(cpu_to_node(cpu),
					GFP_KERNEL | __GFP_ZERO, 0);
		if (!page) {
			myvmx_vmx_cpu_teardown();
			return -ENOMEM;
		}
		per_cpu(myvmx_vmxon_region, cpu) = page_address(page);
	}
	return 0;
}
