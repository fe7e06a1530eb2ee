/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A virtio-blk request engine (virtio 1.2, 5.2.6): one descriptor chain
 * in, its status and used length out, over a host file.  It knows
 * nothing of the transport, so KUnit drives it with fake guest memory.
 */
#ifndef MYVDEV_DISK_H
#define MYVDEV_DISK_H

#include <linux/sizes.h>
#include <linux/types.h>
#include <linux/virtio_blk.h>

#include "virtqueue.h"

#define MYVDEV_DISK_BOUNCE	SZ_64K
#define MYVDEV_DISK_SECTOR	9		/* 512-byte sectors */

struct file;

struct myvdev_disk {
	struct file *file;
	u64 capacity;			/* in sectors */
	bool read_only;
	void *bounce;			/* MYVDEV_DISK_BOUNCE bytes */
	char id[VIRTIO_BLK_ID_BYTES];	/* VIRTIO_BLK_T_GET_ID's answer */
	struct myvdev_disk_counters {
		u64 reads, writes, flushes, errors;
		u64 read_bytes, written_bytes;
	} stats;
};

int myvdev_disk_open(struct myvdev_disk *d, struct file *file,
		     bool read_only, const char *id);
void myvdev_disk_close(struct myvdev_disk *d);
u32 myvdev_disk_request(struct myvdev_disk *d, const struct myvdev_gmem *mem,
			const struct myvdev_vq_chain *chain);

#endif /* MYVDEV_DISK_H */
