/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVMX_TDP_H
#define _MYVMX_TDP_H

#include <linux/types.h>

/* Guest-physical addresses a 4-level table covers. */
#define MYVMX_TDP_GPA_BITS	48
#define MYVMX_TDP_ADDR_MASK	0x000ffffffffff000ULL

/*
 * The two formats differ only in their leaves: both mark an entry
 * present with bit 0 and grant everything in non-leaf entries with bits
 * 2:0 (EPT: read, write, execute; NPT: present, write, user).
 */
enum myvmx_tdp_format {
	MYVMX_TDP_EPT,		/* Intel extended page tables */
	MYVMX_TDP_NPT,		/* AMD nested page tables */
};

struct myvmx_tdp {
	u64 *root;
	u64 leaf_bits;
};

int myvmx_tdp_init(struct myvmx_tdp *tdp, enum myvmx_tdp_format format);
void myvmx_tdp_free(struct myvmx_tdp *tdp);
int myvmx_tdp_map(struct myvmx_tdp *tdp, u64 gpa, u64 hpa);
int myvmx_tdp_walk(const struct myvmx_tdp *tdp, u64 gpa, u64 *hpa);

#endif /* _MYVMX_TDP_H */
