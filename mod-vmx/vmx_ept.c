// SPDX-License-Identifier: GPL-2.0
/*
 * Extended page tables: the guest-physical to host-physical map, four
 * levels of 512 entries, built from the VM's memory regions with 4 KiB
 * leaves (read, write, execute; write-back, the guest's PAT ignored for
 * RAM).  Addresses no region covers stay unmapped, so the guest's access
 * there is an EPT violation: an MMIO exit.
 */
#include <kunit/visibility.h>
#include <linux/gfp.h>
#include <linux/mm.h>

#include "ept.h"

static u64 *myvmx_ept_alloc_table(void)
{
	return (u64 *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
}

int myvmx_ept_init(struct myvmx_ept *ept)
{
	ept->root = myvmx_ept_alloc_table();
	if (!ept->root)
		return -ENOMEM;
	/* Write-back paging structures, a 4-level walk (length - 1 = 3). */
	ept->eptp = __pa(ept->root) | VMX_EPTP_MT_WB | VMX_EPTP_PWL_4;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_ept_init);

static void myvmx_ept_free_level(u64 *table, int level)
{
	int i;

	if (level > 1) {
		for (i = 0; i < 512; i++)
			if (table[i] & VMX_EPT_READABLE_MASK)
				myvmx_ept_free_level(__va(table[i] &
						     MYVMX_EPT_ADDR_MASK),
						     level - 1);
	}
	free_page((unsigned long)table);
}

void myvmx_ept_free(struct myvmx_ept *ept)
{
	if (ept->root)
		myvmx_ept_free_level(ept->root, 4);
	ept->root = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_ept_free);

static unsigned int myvmx_ept_index(u64 gpa, int level)
{
	return (gpa >> (12 + 9 * (level - 1))) & 511;
}

/* Map the 4 KiB page at @gpa to @hpa; -EEXIST when already mapped. */
int myvmx_ept_map(struct myvmx_ept *ept, u64 gpa, u64 hpa)
{
	u64 *table = ept->root;
	int level;

	if ((gpa | hpa) & ~PAGE_MASK || gpa >> MYVMX_EPT_GPA_BITS)
		return -EINVAL;
	for (level = 4; level > 1; level--) {
		u64 *entry = &table[myvmx_ept_index(gpa, level)];

		if (!(*entry & VMX_EPT_READABLE_MASK)) {
			u64 *next = myvmx_ept_alloc_table();

			if (!next)
				return -ENOMEM;
			/* Non-leaf entries grant everything; leaves decide. */
			*entry = __pa(next) | VMX_EPT_RWX_MASK;
		}
		table = __va(*entry & MYVMX_EPT_ADDR_MASK);
	}
	table += myvmx_ept_index(gpa, 1);
	if (*table & VMX_EPT_READABLE_MASK)
		return -EEXIST;
	*table = hpa | VMX_EPT_RWX_MASK |
		 (MTRR_TYPE_WRBACK << VMX_EPT_MT_EPTE_SHIFT) |
		 VMX_EPT_IPAT_BIT;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_ept_map);

/* The host-physical address @gpa maps to, or -ENOENT. */
int myvmx_ept_walk(const struct myvmx_ept *ept, u64 gpa, u64 *hpa)
{
	const u64 *table = ept->root;
	int level;

	for (level = 4; level > 0; level--) {
		u64 entry = table[myvmx_ept_index(gpa, level)];

		if (!(entry & VMX_EPT_READABLE_MASK))
			return -ENOENT;
		if (level == 1) {
			*hpa = (entry & MYVMX_EPT_ADDR_MASK) |
			       (gpa & ~PAGE_MASK);
			return 0;
		}
		table = __va(entry & MYVMX_EPT_ADDR_MASK);
	}
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_ept_walk);
