/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtio-mmio transport, version 2 (virtio 1.2, 4.2.2): the register
 * block a guest driver sees, its feature negotiation and status, and the
 * queues' setup.  A device (net, block) fills in the ops; the caller
 * serializes every call with the device's lock.
 */
#ifndef MYVDEV_VIRTIO_MMIO_H
#define MYVDEV_VIRTIO_MMIO_H

#include <linux/types.h>

#include "virtqueue.h"

#define MYVDEV_VMMIO_SIZE	0x200	/* registers and config space */
#define MYVDEV_VMMIO_MAX_VQS	2
#define MYVDEV_VMMIO_VENDOR	0x305a5252	/* "RRZ0" */

struct myvdev_vmmio;

struct myvdev_vmmio_ops {
	/* Config space, at @offset from 0x100, @len 1, 2 or 4 bytes. */
	u32 (*config_read)(struct myvdev_vmmio *t, unsigned int offset,
			   unsigned int len);
	void (*config_write)(struct myvdev_vmmio *t, unsigned int offset,
			     unsigned int len, u32 val);
	/* The driver notified queue @index (ready, after DRIVER_OK). */
	void (*notify)(struct myvdev_vmmio *t, unsigned int index);
	/* Status 0: the device forgets its requests in flight. */
	void (*reset)(struct myvdev_vmmio *t);
	/* The interrupt status gained a bit: raise the line. */
	void (*interrupt)(struct myvdev_vmmio *t);
};

struct myvdev_vmmio {
	const struct myvdev_vmmio_ops *ops;
	u32 device_id;
	u64 device_features;
	unsigned int nr_vqs;

	u64 driver_features;
	u32 device_features_sel;
	u32 driver_features_sel;
	u32 queue_sel;
	u32 status;
	u32 interrupt_status;
	u32 config_generation;
	struct myvdev_vq vq[MYVDEV_VMMIO_MAX_VQS];
};

void myvdev_vmmio_init(struct myvdev_vmmio *t,
		       const struct myvdev_vmmio_ops *ops, u32 device_id,
		       u64 device_features, unsigned int nr_vqs);
u32 myvdev_vmmio_read(struct myvdev_vmmio *t, unsigned int offset,
		      unsigned int len);
void myvdev_vmmio_write(struct myvdev_vmmio *t, unsigned int offset,
			unsigned int len, u32 val);
bool myvdev_vmmio_driver_ok(const struct myvdev_vmmio *t);
void myvdev_vmmio_used(struct myvdev_vmmio *t);
void myvdev_vmmio_batch_done(struct myvdev_vmmio *t, int err, bool used);
void myvdev_vmmio_config_changed(struct myvdev_vmmio *t);
void myvdev_vmmio_needs_reset(struct myvdev_vmmio *t);

#endif /* MYVDEV_VIRTIO_MMIO_H */
