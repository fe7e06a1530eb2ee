/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest memory for myvdev's KUnit suites: a 64 KiB array whose accessors
 * refuse anything outside it (and count the refusals), as myvmx's refuse
 * what is not guest RAM.
 */
#ifndef MYVDEV_FAKE_GMEM_H
#define MYVDEV_FAKE_GMEM_H

#include <linux/string.h>

#include "../../mod-vdev/virtqueue.h"

#define MEM_SIZE	0x10000

struct fake_guest {
	u8 mem[MEM_SIZE];
	unsigned int faults;
};

static inline int fake_read(void *ctx, u64 gpa, void *buf, unsigned int len)
{
	struct fake_guest *g = ctx;

	if (gpa >= MEM_SIZE || len > MEM_SIZE - gpa) {
		g->faults++;
		return -EFAULT;
	}
	memcpy(buf, g->mem + gpa, len);
	return 0;
}

static inline int fake_write(void *ctx, u64 gpa, const void *buf,
			     unsigned int len)
{
	struct fake_guest *g = ctx;

	if (gpa >= MEM_SIZE || len > MEM_SIZE - gpa) {
		g->faults++;
		return -EFAULT;
	}
	memcpy(g->mem + gpa, buf, len);
	return 0;
}

static inline void fake_gmem_init(struct myvdev_gmem *mem,
				  struct fake_guest *g)
{
	mem->ctx = g;
	mem->read = fake_read;
	mem->write = fake_write;
}

#endif /* MYVDEV_FAKE_GMEM_H */
