// SPDX-License-Identifier: GPL-2.0
/*
 * VMX operation on every CPU.  The first VM turns it on (CR4.VMXE, then
 * VMXON with a per-CPU region), the last one turns it off; a CPU coming
 * online while VMs exist joins, one going offline first clears every VMCS
 * still active on it.  CR4.VMXE already set means another hypervisor
 * (kvm_intel) is in VMX operation: myvmx then refuses with -EBUSY.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/gfp.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <asm/tlbflush.h>

#include "vmx.h"

static DEFINE_MUTEX(myvmx_vmx_lock);
static unsigned int myvmx_vmx_users;	/* VMs alive */
static enum cpuhp_state myvmx_hp_state;

static DEFINE_PER_CPU(struct myvmx_vmcs *, myvmx_vmxon_region);
static DEFINE_PER_CPU(bool, myvmx_vmx_on);
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
static int myvmx_cpu_enable(void)
{
	struct myvmx_vmcs *region = this_cpu_read(myvmx_vmxon_region);
	u64 cr0 = read_cr0(), cr4 = __read_cr4();
	int err;

	if (this_cpu_read(myvmx_vmx_on))
		return 0;
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
	this_cpu_write(myvmx_vmx_on, true);
	return 0;
}

/* Clear every VMCS active here and leave VMX operation. */
static void myvmx_cpu_disable(void)
{
	struct list_head *loaded = this_cpu_ptr(&myvmx_loaded_vmcss);
	struct myvmx_vmx_vcpu *vx, *tmp;
	unsigned long flags;

	local_irq_save(flags);
	if (this_cpu_read(myvmx_vmx_on)) {
		list_for_each_entry_safe(vx, tmp, loaded, loaded_node)
			myvmx_vmcs_clear_on_cpu(vx);
		myvmx_vmxoff();
		cr4_clear_bits(X86_CR4_VMXE);
		this_cpu_write(myvmx_vmx_on, false);
	}
	local_irq_restore(flags);
}

static void myvmx_cpu_enable_ipi(void *failed)
{
	if (myvmx_cpu_enable())
		atomic_inc(failed);
}

static void myvmx_cpu_disable_ipi(void *unused)
{
	myvmx_cpu_disable();
}

/* A VM is being created: make sure every online CPU is in VMX operation. */
int myvmx_vmx_get(void)
{
	atomic_t failed = ATOMIC_INIT(0);
	int err = 0;

	cpus_read_lock();
	mutex_lock(&myvmx_vmx_lock);
	if (!myvmx_vmx_users) {
		on_each_cpu(myvmx_cpu_enable_ipi, &failed, 1);
		if (atomic_read(&failed)) {
			on_each_cpu(myvmx_cpu_disable_ipi, NULL, 1);
			err = -EBUSY;
		}
	}
	if (!err)
		myvmx_vmx_users++;
	mutex_unlock(&myvmx_vmx_lock);
	cpus_read_unlock();
	return err;
}

void myvmx_vmx_put(void)
{
	cpus_read_lock();
	mutex_lock(&myvmx_vmx_lock);
	if (!--myvmx_vmx_users)
		on_each_cpu(myvmx_cpu_disable_ipi, NULL, 1);
	mutex_unlock(&myvmx_vmx_lock);
	cpus_read_unlock();
}

static int myvmx_cpu_online(unsigned int cpu)
{
	int err = 0;

	mutex_lock(&myvmx_vmx_lock);
	if (myvmx_vmx_users) {
		local_irq_disable();
		err = myvmx_cpu_enable();
		local_irq_enable();
	}
	mutex_unlock(&myvmx_vmx_lock);
	return err;
}

static int myvmx_cpu_offline(unsigned int cpu)
{
	myvmx_cpu_disable();
	return 0;
}

static void myvmx_free_regions(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		free_page((unsigned long)per_cpu(myvmx_vmxon_region, cpu));
		per_cpu(myvmx_vmxon_region, cpu) = NULL;
	}
}

int myvmx_vmx_cpu_init(void)
{
	int cpu, ret;

	for_each_possible_cpu(cpu) {
		struct page *page;

		INIT_LIST_HEAD(&per_cpu(myvmx_loaded_vmcss, cpu));
		page = alloc_pages_node(cpu_to_node(cpu),
					GFP_KERNEL | __GFP_ZERO, 0);
		if (!page) {
			myvmx_free_regions();
			return -ENOMEM;
		}
		per_cpu(myvmx_vmxon_region, cpu) = page_address(page);
	}
	ret = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "myvmx:online",
					myvmx_cpu_online, myvmx_cpu_offline);
	if (ret < 0) {
		myvmx_free_regions();
		return ret;
	}
	myvmx_hp_state = ret;
	return 0;
}

void myvmx_vmx_cpu_exit(void)
{
	cpuhp_remove_state_nocalls(myvmx_hp_state);
	myvmx_free_regions();
}
