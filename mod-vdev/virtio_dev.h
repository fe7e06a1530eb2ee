/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every virtio-mmio device of myvdev shares: its register block in
 * the VM's MMIO space, its interrupt line, its lock and its way into
 * guest memory.  virtio_blk.c and virtio_net.c embed one and fill in the
 * transport's ops.
 */
#ifndef MYVDEV_VIRTIO_DEV_H
#define MYVDEV_VIRTIO_DEV_H

#include <linux/mutex.h>
#include <linux/types.h>

#include <myvmx_device.h>
#include "virtio_mmio.h"

struct myvdev_virtio {
	struct myvmx_vm *vm;
	/*
	 * The transport and the queues: taken on the vCPU's MMIO exits and
	 * by the device's workers, in process context only.
	 */
	struct mutex lock;
	struct myvdev_vmmio t;
	struct myvdev_gmem mem;
	struct myvmx_iodev io;
	unsigned int irq;
	u64 mmio_exits;			/* under lock */
	u64 interrupts;			/* under lock */
};

int myvdev_virtio_init(struct myvdev_virtio *v, struct myvmx_vm *vm,
		       const struct myvmx_create_device *args,
		       const struct myvdev_vmmio_ops *ops, u32 device_id,
		       u64 features, unsigned int nr_vqs);
void myvdev_virtio_destroy(struct myvdev_virtio *v);
void myvdev_virtio_interrupt(struct myvdev_vmmio *t);
void myvdev_virtio_serve(struct myvdev_virtio *v, struct myvdev_vq *vq,
			 struct myvdev_vq_chain *chain,
			 u32 (*serve)(struct myvdev_virtio *v,
				      const struct myvdev_vq_chain *chain));
void myvdev_virtio_stats(struct myvdev_virtio *v, const char *kind,
			 struct myvmx_device_stats *s);
u32 myvdev_virtio_config(const void *config, size_t size,
			 unsigned int offset, unsigned int len);

static inline struct myvdev_virtio *myvdev_virtio_of(struct myvdev_vmmio *t)
{
	return container_of(t, struct myvdev_virtio, t);
}

#endif /* MYVDEV_VIRTIO_DEV_H */
