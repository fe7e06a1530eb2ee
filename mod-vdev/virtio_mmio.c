// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio-mmio transport, version 2 (virtio 1.2, 4.2.2 and 3.1): what
 * Linux's virtio_mmio driver reads and writes to find a device, agree on
 * features, set up its queues and take interrupts.
 *
 * What the guest writes is checked where the specification leaves the
 * device a choice: registers below the config space take aligned 32-bit
 * accesses only; the driver's features must be a subset of the device's
 * and include VIRTIO_F_VERSION_1, or FEATURES_OK does not stick; a queue
 * whose size or ring addresses a device cannot use is not made ready, and
 * the device then needs a reset; queue registers of a ready queue, or of
 * a queue that does not exist, do not change.  Writing 0 to the status
 * resets everything.
 */
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/virtio_config.h>
#include <linux/virtio_mmio.h>
#include <kunit/visibility.h>

#include "virtio_mmio.h"

#define VMMIO_MAGIC	0x74726976	/* "virt" */

void myvdev_vmmio_init(struct myvdev_vmmio *t,
		       const struct myvdev_vmmio_ops *ops, u32 device_id,
		       u64 device_features, unsigned int nr_vqs)
{
	memset(t, 0, sizeof(*t));
	t->ops = ops;
	t->device_id = device_id;
	t->device_features = device_features | BIT_ULL(VIRTIO_F_VERSION_1);
	t->nr_vqs = min_t(unsigned int, nr_vqs, MYVDEV_VMMIO_MAX_VQS);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_init);

static void myvdev_vmmio_reset(struct myvdev_vmmio *t)
{
	unsigned int i;

	t->driver_features = 0;
	t->device_features_sel = 0;
	t->driver_features_sel = 0;
	t->queue_sel = 0;
	t->status = 0;
	t->interrupt_status = 0;
	for (i = 0; i < t->nr_vqs; i++)
		myvdev_vq_reset(&t->vq[i]);
	if (t->ops->reset)
		t->ops->reset(t);
}

bool myvdev_vmmio_driver_ok(const struct myvdev_vmmio *t)
{
	return (t->status & VIRTIO_CONFIG_S_DRIVER_OK) &&
	       !(t->status & (VIRTIO_CONFIG_S_NEEDS_RESET |
			      VIRTIO_CONFIG_S_FAILED));
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_driver_ok);

static void myvdev_vmmio_raise(struct myvdev_vmmio *t, u32 bits)
{
	t->interrupt_status |= bits;
	if (t->ops->interrupt)
		t->ops->interrupt(t);
}

/* The device put buffers in a used ring. */
void myvdev_vmmio_used(struct myvdev_vmmio *t)
{
	myvdev_vmmio_raise(t, VIRTIO_MMIO_INT_VRING);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_used);

/*
 * A device took chains from a queue: @err -EIO (the queue broke) makes it
 * need a reset; buffers it put in the used ring (@used) interrupt once.
 */
void myvdev_vmmio_batch_done(struct myvdev_vmmio *t, int err, bool used)
{
	if (err == -EIO)
		myvdev_vmmio_needs_reset(t);
	if (used)
		myvdev_vmmio_used(t);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_batch_done);

void myvdev_vmmio_config_changed(struct myvdev_vmmio *t)
{
	t->config_generation++;
	myvdev_vmmio_raise(t, VIRTIO_MMIO_INT_CONFIG);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_config_changed);

/* The guest broke the device's rules (2.1.1): it must reset it. */
void myvdev_vmmio_needs_reset(struct myvdev_vmmio *t)
{
	if (t->status & VIRTIO_CONFIG_S_NEEDS_RESET)
		return;
	t->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
	if (t->status & VIRTIO_CONFIG_S_DRIVER_OK)
		myvdev_vmmio_raise(t, VIRTIO_MMIO_INT_CONFIG);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_needs_reset);

/* The selected queue, or NULL when it does not exist. */
static struct myvdev_vq *myvdev_vmmio_vq(struct myvdev_vmmio *t)
{
	return t->queue_sel < t->nr_vqs ? &t->vq[t->queue_sel] : NULL;
}

static u32 myvdev_vmmio_read_reg(struct myvdev_vmmio *t, unsigned int offset)
{
	struct myvdev_vq *vq = myvdev_vmmio_vq(t);

	switch (offset) {
	case VIRTIO_MMIO_MAGIC_VALUE:
		return VMMIO_MAGIC;
	case VIRTIO_MMIO_VERSION:
		return 2;
	case VIRTIO_MMIO_DEVICE_ID:
		return t->device_id;
	case VIRTIO_MMIO_VENDOR_ID:
		return MYVDEV_VMMIO_VENDOR;
	case VIRTIO_MMIO_DEVICE_FEATURES:
		if (t->device_features_sel > 1)
			return 0;
		return t->device_features >> (32 * t->device_features_sel);
	case VIRTIO_MMIO_QUEUE_NUM_MAX:
		return vq ? MYVDEV_VQ_MAX_SIZE : 0;
	case VIRTIO_MMIO_QUEUE_READY:
		return vq && vq->ready;
	case VIRTIO_MMIO_INTERRUPT_STATUS:
		return t->interrupt_status;
	case VIRTIO_MMIO_STATUS:
		return t->status;
	case VIRTIO_MMIO_CONFIG_GENERATION:
		return t->config_generation;
	}
	return 0;
}

/* FEATURES_OK sticks only for features the device offered, v1 among them. */
static void myvdev_vmmio_set_status(struct myvdev_vmmio *t, u32 val)
{
	u32 features_ok = VIRTIO_CONFIG_S_FEATURES_OK;

	if (!val) {
		myvdev_vmmio_reset(t);
		return;
	}
	if ((val & features_ok) && !(t->status & features_ok) &&
	    ((t->driver_features & ~t->device_features) ||
	     !(t->driver_features & BIT_ULL(VIRTIO_F_VERSION_1))))
		val &= ~features_ok;
	/* The device's own bit stays; the driver cannot clear it. */
	t->status = val | (t->status & VIRTIO_CONFIG_S_NEEDS_RESET);
}

static void myvdev_vmmio_set_ready(struct myvdev_vmmio *t,
				   struct myvdev_vq *vq, u32 val)
{
	if (!val) {
		vq->ready = false;
		return;
	}
	if (!myvdev_vq_layout_ok(vq)) {
		myvdev_vmmio_needs_reset(t);
		return;
	}
	vq->ready = true;
}

static void myvdev_vmmio_set_half(u64 *addr, bool high, u32 val)
{
	if (high)
		*addr = (*addr & 0xffffffffull) | ((u64)val << 32);
	else
		*addr = (*addr & ~0xffffffffull) | val;
}

static void myvdev_vmmio_write_queue(struct myvdev_vmmio *t,
				     unsigned int offset, u32 val)
{
	struct myvdev_vq *vq = myvdev_vmmio_vq(t);

	if (!vq)
		return;
	if (offset == VIRTIO_MMIO_QUEUE_READY) {
		myvdev_vmmio_set_ready(t, vq, val);
		return;
	}
	if (vq->ready)
		return;
	switch (offset) {
	case VIRTIO_MMIO_QUEUE_NUM:
		vq->size = val > MYVDEV_VQ_MAX_SIZE ? 0 : val;
		break;
	case VIRTIO_MMIO_QUEUE_DESC_LOW:
	case VIRTIO_MMIO_QUEUE_DESC_HIGH:
		myvdev_vmmio_set_half(&vq->desc,
				      offset == VIRTIO_MMIO_QUEUE_DESC_HIGH, val);
		break;
	case VIRTIO_MMIO_QUEUE_AVAIL_LOW:
	case VIRTIO_MMIO_QUEUE_AVAIL_HIGH:
		myvdev_vmmio_set_half(&vq->avail,
				      offset == VIRTIO_MMIO_QUEUE_AVAIL_HIGH,
				      val);
		break;
	case VIRTIO_MMIO_QUEUE_USED_LOW:
	case VIRTIO_MMIO_QUEUE_USED_HIGH:
		myvdev_vmmio_set_half(&vq->used,
				      offset == VIRTIO_MMIO_QUEUE_USED_HIGH, val);
		break;
	}
}

static void myvdev_vmmio_write_reg(struct myvdev_vmmio *t,
				   unsigned int offset, u32 val)
{
	switch (offset) {
	case VIRTIO_MMIO_DEVICE_FEATURES_SEL:
		t->device_features_sel = val;
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES:
		if (t->status & VIRTIO_CONFIG_S_FEATURES_OK)
			break;		/* agreed on already */
		if (t->driver_features_sel <= 1)
			myvdev_vmmio_set_half(&t->driver_features,
					      t->driver_features_sel, val);
		break;
	case VIRTIO_MMIO_DRIVER_FEATURES_SEL:
		t->driver_features_sel = val;
		break;
	case VIRTIO_MMIO_QUEUE_SEL:
		t->queue_sel = val;
		break;
	case VIRTIO_MMIO_QUEUE_NOTIFY:
		if (val < t->nr_vqs && t->vq[val].ready &&
		    myvdev_vmmio_driver_ok(t) && t->ops->notify)
			t->ops->notify(t, val);
		break;
	case VIRTIO_MMIO_INTERRUPT_ACK:
		t->interrupt_status &= ~val;
		break;
	case VIRTIO_MMIO_STATUS:
		myvdev_vmmio_set_status(t, val);
		break;
	default:
		myvdev_vmmio_write_queue(t, offset, val);
	}
}

/* A guest read of @len bytes at @offset into the register block. */
u32 myvdev_vmmio_read(struct myvdev_vmmio *t, unsigned int offset,
		      unsigned int len)
{
	if (offset >= MYVDEV_VMMIO_SIZE || len > MYVDEV_VMMIO_SIZE - offset)
		return 0;
	if (offset >= VIRTIO_MMIO_CONFIG) {
		if ((len != 1 && len != 2 && len != 4) || !t->ops->config_read)
			return 0;
		return t->ops->config_read(t, offset - VIRTIO_MMIO_CONFIG, len);
	}
	if (len != 4 || offset % 4)
		return 0;
	return myvdev_vmmio_read_reg(t, offset);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_read);

void myvdev_vmmio_write(struct myvdev_vmmio *t, unsigned int offset,
			unsigned int len, u32 val)
{
	if (offset >= MYVDEV_VMMIO_SIZE || len > MYVDEV_VMMIO_SIZE - offset)
		return;
	if (offset >= VIRTIO_MMIO_CONFIG) {
		if ((len == 1 || len == 2 || len == 4) && t->ops->config_write)
			t->ops->config_write(t, offset - VIRTIO_MMIO_CONFIG,
					     len, val);
		return;
	}
	if (len == 4 && !(offset % 4))
		myvdev_vmmio_write_reg(t, offset, val);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vmmio_write);
