/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVMX_EPT_H
#define _MYVMX_EPT_H

#include <linux/types.h>
#include <asm/mtrr.h>
#include <asm/vmx.h>

/* Guest-physical addresses a 4-level EPT covers. */
#define MYVMX_EPT_GPA_BITS	48
#define MYVMX_EPT_ADDR_MASK	0x000ffffffffff000ULL

struct myvmx_ept {
	u64 *root;
	u64 eptp;
};

int myvmx_ept_init(struct myvmx_ept *ept);
void myvmx_ept_free(struct myvmx_ept *ept);
int myvmx_ept_map(struct myvmx_ept *ept, u64 gpa, u64 hpa);
int myvmx_ept_walk(const struct myvmx_ept *ept, u64 gpa, u64 *hpa);

#endif /* _MYVMX_EPT_H */
