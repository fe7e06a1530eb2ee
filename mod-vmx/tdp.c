// SPDX-License-Identifier: GPL-2.0
/*
 * Two-dimensional paging, the guest-physical to host-physical map: Intel's
 * extended page tables and AMD's nested page tables, four levels of 512
 * entries built from the VM's memory regions with 4 KiB leaves.  EPT
 * leaves are read, write, execute and write-back with the guest's PAT
 * ignored for RAM; NPT leaves are present, writable, user (the guest's
 * and the host's PAT combine: write-back for RAM).  Addresses no region
 * covers stay unmapped, so the guest's access there is an EPT violation
 * or a nested page fault: an MMIO exit.
 */
#include <kunit/visibility.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/mtrr.h>
#include <asm/pgtable_types.h>
#include <asm/vmx.h>

#include "tdp.h"

#define MYVMX_TDP_PRESENT	BIT_ULL(0)
#define MYVMX_TDP_ALL		0x7ULL	/* non-leaf: everything allowed */

static u64 *myvmx_tdp_alloc_table(void)
{
	return (u64 *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
}

int myvmx_tdp_init(struct myvmx_tdp *tdp, enum myvmx_tdp_format format)
{
	tdp->root = myvmx_tdp_alloc_table();
	if (!tdp->root)
		return -ENOMEM;
	if (format == MYVMX_TDP_EPT)
		tdp->leaf_bits = VMX_EPT_RWX_MASK |
				 (MTRR_TYPE_WRBACK << VMX_EPT_MT_EPTE_SHIFT) |
				 VMX_EPT_IPAT_BIT;
	else
		tdp->leaf_bits = _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_tdp_init);

static void myvmx_tdp_free_level(u64 *table, int level)
{
	int i;

	if (level > 1) {
		for (i = 0; i < 512; i++)
			if (table[i] & MYVMX_TDP_PRESENT)
				myvmx_tdp_free_level(__va(table[i] &
						     MYVMX_TDP_ADDR_MASK),
						     level - 1);
	}
	free_page((unsigned long)table);
}

void myvmx_tdp_free(struct myvmx_tdp *tdp)
{
	if (tdp->root)
		myvmx_tdp_free_level(tdp->root, 4);
	tdp->root = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_tdp_free);

static unsigned int myvmx_tdp_index(u64 gpa, int level)
{
	return (gpa >> (12 + 9 * (level - 1))) & 511;
}

/* Map the 4 KiB page at @gpa to @hpa; -EEXIST when already mapped. */
int myvmx_tdp_map(struct myvmx_tdp *tdp, u64 gpa, u64 hpa)
{
	u64 *table = tdp->root;
	int level;

	if ((gpa | hpa) & ~PAGE_MASK || gpa >> MYVMX_TDP_GPA_BITS)
		return -EINVAL;
	for (level = 4; level > 1; level--) {
		u64 *entry = &table[myvmx_tdp_index(gpa, level)];

		if (!(*entry & MYVMX_TDP_PRESENT)) {
			u64 *next = myvmx_tdp_alloc_table();

			if (!next)
				return -ENOMEM;
			/* Non-leaf entries grant everything; leaves decide. */
			*entry = __pa(next) | MYVMX_TDP_ALL;
		}
		table = __va(*entry & MYVMX_TDP_ADDR_MASK);
	}
	table += myvmx_tdp_index(gpa, 1);
	if (*table & MYVMX_TDP_PRESENT)
		return -EEXIST;
	*table = hpa | tdp->leaf_bits;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_tdp_map);

/* The host-physical address @gpa maps to, or -ENOENT. */
int myvmx_tdp_walk(const struct myvmx_tdp *tdp, u64 gpa, u64 *hpa)
{
	const u64 *table = tdp->root;
	int level;

	for (level = 4; level > 0; level--) {
		u64 entry = table[myvmx_tdp_index(gpa, level)];

		if (!(entry & MYVMX_TDP_PRESENT))
			return -ENOENT;
		if (level == 1) {
			*hpa = (entry & MYVMX_TDP_ADDR_MASK) |
			       (gpa & ~PAGE_MASK);
			return 0;
		}
		table = __va(entry & MYVMX_TDP_ADDR_MASK);
	}
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_tdp_walk);
