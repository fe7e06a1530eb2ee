// SPDX-License-Identifier: GPL-2.0
/*
 * SVM on one CPU (cpu.c decides when): EFER.SVME and the host save area
 * VMRUN uses (VM_HSAVE_PA).  EFER.SVME already set means another
 * hypervisor (kvm_amd) runs here: myvmx then refuses with -EBUSY.  Each
 * CPU also has a page for the host state VMSAVE and VMLOAD move around
 * VMRUN (FS, GS, TR, LDTR, the SYSCALL and SYSENTER MSRs) and its ASID
 * space.  The I/O and MSR permission maps are shared by every vCPU.
 */
#include <kunit/visibility.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <asm/msr.h>

#include "svm.h"

static DEFINE_PER_CPU(void *, myvmx_hsave_area);
static DEFINE_PER_CPU(void *, myvmx_host_save);
static DEFINE_PER_CPU(struct myvmx_asid_space, myvmx_asid_spaces);

/* I/O permission map: 12 KiB; MSR permission map: 8 KiB.  All ones. */
#define MYVMX_IOPM_ORDER	2
#define MYVMX_MSRPM_ORDER	1
static void *myvmx_iopm, *myvmx_msrpm;

/*
 * Let the guest reach @msr without an exit, both ways.  The map has two
 * bits per MSR (read, then write) for three ranges of 8192 MSRs, 2 KiB
 * each: 0-0x1fff, 0xc0000000-0xc0001fff, 0xc0010000-0xc0011fff.
 */
void myvmx_msrpm_passthrough(u8 *msrpm, u32 msr)
{
	static const u32 range_base[] = { 0, 0xc0000000, 0xc0010000 };
	unsigned int i, bit;

	for (i = 0; i < ARRAY_SIZE(range_base); i++) {
		if (msr - range_base[i] < 0x2000) {
			bit = i * 0x2000 * 2 + (msr - range_base[i]) * 2;
			__clear_bit(bit, (unsigned long *)msrpm);
			__clear_bit(bit + 1, (unsigned long *)msrpm);
			return;
		}
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_msrpm_passthrough);

void myvmx_asid_reset(struct myvmx_asid_space *space, u32 nr_asids)
{
	space->max = nr_asids - 1;
	/*
	 * Nothing is known of what ran here before: the next ASID starts a
	 * generation, and an ASID a vCPU holds from before is stale now.
	 */
	space->next = space->max + 1;
	space->generation++;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_asid_reset);

/*
 * A fresh ASID for a vCPU arriving on the CPU of @space.  Returns the
 * TLB_CONTROL its entry needs: a flush of every ASID when a generation
 * starts (the ASIDs handed out before may still have TLB entries).
 */
u8 myvmx_asid_new(struct myvmx_asid_space *space, u32 *asid, u64 *generation)
{
	u8 tlb = TLB_CONTROL_DO_NOTHING;

	if (space->next > space->max) {
		space->generation++;
		space->next = 1;
		tlb = TLB_CONTROL_FLUSH_ALL_ASID;
	}
	*asid = space->next++;
	*generation = space->generation;
	return tlb;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_asid_new);

struct myvmx_asid_space *myvmx_svm_asids(void)
{
	return this_cpu_ptr(&myvmx_asid_spaces);
}

u64 myvmx_svm_host_save_pa(void)
{
	return __pa(this_cpu_read(myvmx_host_save));
}

u64 myvmx_svm_iopm_pa(void)
{
	return __pa(myvmx_iopm);
}

u64 myvmx_svm_msrpm_pa(void)
{
	return __pa(myvmx_msrpm);
}

/* Turn SVM on here; runs with interrupts off. */
int myvmx_svm_cpu_enable(void)
{
	u64 efer;

	rdmsrl(MSR_EFER, efer);
	if (efer & EFER_SVME) {
		pr_err("myvmx: CPU %d already has EFER.SVME set (is kvm_amd loaded?)\n",
		       smp_processor_id());
		return -EBUSY;
	}
	wrmsrl(MSR_EFER, efer | EFER_SVME);
	wrmsrl(MSR_VM_HSAVE_PA, __pa(this_cpu_read(myvmx_hsave_area)));
	myvmx_asid_reset(this_cpu_ptr(&myvmx_asid_spaces),
			 myvmx_svm_caps.nr_asids);
	return 0;
}

void myvmx_svm_cpu_disable(void)
{
	u64 efer;

	wrmsrl(MSR_VM_HSAVE_PA, 0);
	rdmsrl(MSR_EFER, efer);
	wrmsrl(MSR_EFER, efer & ~EFER_SVME);
}

void myvmx_svm_cpu_teardown(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		free_page((unsigned long)per_cpu(myvmx_hsave_area, cpu));
		free_page((unsigned long)per_cpu(myvmx_host_save, cpu));
		per_cpu(myvmx_hsave_area, cpu) = NULL;
		per_cpu(myvmx_host_save, cpu) = NULL;
	}
	free_pages((unsigned long)myvmx_iopm, MYVMX_IOPM_ORDER);
	free_pages((unsigned long)myvmx_msrpm, MYVMX_MSRPM_ORDER);
	myvmx_iopm = NULL;
	myvmx_msrpm = NULL;
}

static void *myvmx_cpu_page(int cpu)
{
	struct page *page = alloc_pages_node(cpu_to_node(cpu),
					     GFP_KERNEL | __GFP_ZERO, 0);

	return page ? page_address(page) : NULL;
}

int myvmx_svm_cpu_setup(void)
{
	int cpu;

	myvmx_iopm = (void *)__get_free_pages(GFP_KERNEL, MYVMX_IOPM_ORDER);
	myvmx_msrpm = (void *)__get_free_pages(GFP_KERNEL, MYVMX_MSRPM_ORDER);
	if (!myvmx_iopm || !myvmx_msrpm)
		goto nomem;
	/* Every port and MSR exits, but the segment bases VMLOAD switches. */
	memset(myvmx_iopm, 0xff, PAGE_SIZE << MYVMX_IOPM_ORDER);
	memset(myvmx_msrpm, 0xff, PAGE_SIZE << MYVMX_MSRPM_ORDER);
	myvmx_msrpm_passthrough(myvmx_msrpm, MSR_FS_BASE);
	myvmx_msrpm_passthrough(myvmx_msrpm, MSR_GS_BASE);
	for_each_possible_cpu(cpu) {
		per_cpu(myvmx_hsave_area, cpu) = myvmx_cpu_page(cpu);
		per_cpu(myvmx_host_save, cpu) = myvmx_cpu_page(cpu);
		if (!per_cpu(myvmx_hsave_area, cpu) ||
		    !per_cpu(myvmx_host_save, cpu))
			goto nomem;
	}
	return 0;
nomem:
	myvmx_svm_cpu_teardown();
	return -ENOMEM;
}
