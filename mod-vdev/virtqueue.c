// SPDX-License-Identifier: GPL-2.0
/*
 * Split virtqueues, the device's side (virtio 1.2, 2.7).  The rings live
 * in guest memory and the guest may write anything there at any time, so
 * every index, descriptor number, flag and length is checked when read,
 * and read once.  What breaks the rules (more entries made available than
 * the queue holds, a descriptor number out of the table, a chain longer
 * than the queue (a loop) or than MYVDEV_VQ_MAX_SEGS, an indirect table
 * (not offered), a readable buffer after a writable one, a buffer that
 * wraps around the address space, memory the guest does not have) marks
 * the queue broken: the device then stops using it, and the transport
 * reports DEVICE_NEEDS_RESET.  Guest memory is reached only through the
 * myvdev_gmem accessors, which refuse what is not the guest's.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/virtio_ring.h>
#include <kunit/visibility.h>

#include "virtqueue.h"

/* Offsets in the driver (avail) and device (used) areas. */
#define AVAIL_IDX		2
#define AVAIL_RING(i)		(4 + 2 * (u64)(i))
#define USED_IDX		2
#define USED_RING(i)		(4 + 8 * (u64)(i))

static int myvdev_vq_break(struct myvdev_vq *vq)
{
	vq->broken = true;
	return -EIO;
}

/* The layout the driver gave is one a device can use (2.7.1, 2.7.2). */
bool myvdev_vq_layout_ok(const struct myvdev_vq *vq)
{
	return vq->size && vq->size <= MYVDEV_VQ_MAX_SIZE &&
	       is_power_of_2(vq->size) &&
	       IS_ALIGNED(vq->desc, 16) && IS_ALIGNED(vq->avail, 2) &&
	       IS_ALIGNED(vq->used, 4);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_layout_ok);

void myvdev_vq_reset(struct myvdev_vq *vq)
{
	memset(vq, 0, sizeof(*vq));
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_reset);

static int myvdev_vq_read_desc(struct myvdev_vq *vq,
			       const struct myvdev_gmem *mem, u16 i,
			       struct vring_desc *d)
{
	if (i >= vq->size ||
	    mem->read(mem->ctx, vq->desc + 16 * (u64)i, d, sizeof(*d)))
		return myvdev_vq_break(vq);
	return 0;
}

/*
 * The next chain the driver made available, into @chain: 0, or -ENOENT
 * when there is none, or -EIO when the queue is (now) broken.
 */
int myvdev_vq_pop(struct myvdev_vq *vq, const struct myvdev_gmem *mem,
		  struct myvdev_vq_chain *chain)
{
	unsigned int count;
	__le16 idx_le, head_le;
	u16 avail_idx, i;

	if (vq->broken)
		return -EIO;
	if (!vq->ready)
		return -ENOENT;
	if (mem->read(mem->ctx, vq->avail + AVAIL_IDX, &idx_le, sizeof(idx_le)))
		return myvdev_vq_break(vq);
	avail_idx = le16_to_cpu(idx_le);
	if (avail_idx == vq->last_avail)
		return -ENOENT;
	if ((u16)(avail_idx - vq->last_avail) > vq->size)
		return myvdev_vq_break(vq);
	/* The entry after the index: the driver wrote them the other way. */
	smp_rmb();
	if (mem->read(mem->ctx,
		      vq->avail + AVAIL_RING(vq->last_avail & (vq->size - 1)),
		      &head_le, sizeof(head_le)))
		return myvdev_vq_break(vq);

	chain->head = le16_to_cpu(head_le);
	chain->n_out = 0;
	chain->n_in = 0;
	chain->out_len = 0;
	chain->in_len = 0;
	i = chain->head;
	for (count = 0;; count++) {
		struct myvdev_vq_seg *seg;
		struct vring_desc d;
		u16 flags;

		if (count == vq->size || count == MYVDEV_VQ_MAX_SEGS)
			return myvdev_vq_break(vq);
		if (myvdev_vq_read_desc(vq, mem, i, &d))
			return -EIO;
		flags = le16_to_cpu(d.flags);
		seg = &chain->seg[count];
		seg->gpa = le64_to_cpu(d.addr);
		seg->len = le32_to_cpu(d.len);
		if ((flags & VRING_DESC_F_INDIRECT) ||
		    seg->gpa + seg->len < seg->gpa)
			return myvdev_vq_break(vq);
		if (flags & VRING_DESC_F_WRITE) {
			chain->n_in++;
			chain->in_len += seg->len;
		} else {
			if (chain->n_in)
				return myvdev_vq_break(vq);
			chain->n_out++;
			chain->out_len += seg->len;
		}
		if (!(flags & VRING_DESC_F_NEXT))
			break;
		i = le16_to_cpu(d.next);
	}
	vq->last_avail++;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_pop);

/* Chain @head goes back to the driver, with @written bytes in it. */
int myvdev_vq_push(struct myvdev_vq *vq, const struct myvdev_gmem *mem,
		   u16 head, u32 written)
{
	struct vring_used_elem elem = {
		.id = cpu_to_le32(head),
		.len = cpu_to_le32(written),
	};
	__le16 idx_le;

	if (vq->broken)
		return -EIO;
	if (mem->write(mem->ctx,
		       vq->used + USED_RING(vq->used_idx & (vq->size - 1)),
		       &elem, sizeof(elem)))
		return myvdev_vq_break(vq);
	/* The entry before the index that publishes it. */
	smp_wmb();
	vq->used_idx++;
	idx_le = cpu_to_le16(vq->used_idx);
	if (mem->write(mem->ctx, vq->used + USED_IDX, &idx_le, sizeof(idx_le)))
		return myvdev_vq_break(vq);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_push);

/*
 * Copy @len bytes between @buf and the segments @seg[0..@n), starting
 * @offset bytes into them: -EINVAL if they are shorter, -EFAULT if the
 * guest memory is not there.
 */
static int myvdev_vq_copy(const struct myvdev_gmem *mem,
			  const struct myvdev_vq_seg *seg, unsigned int n,
			  u64 offset, void *buf, unsigned int len, bool to_guest)
{
	unsigned int i, chunk;

	for (i = 0; i < n && len; i++) {
		if (offset >= seg[i].len) {
			offset -= seg[i].len;
			continue;
		}
		chunk = min_t(u64, len, seg[i].len - offset);
		if (to_guest ?
		    mem->write(mem->ctx, seg[i].gpa + offset, buf, chunk) :
		    mem->read(mem->ctx, seg[i].gpa + offset, buf, chunk))
			return -EFAULT;
		buf += chunk;
		len -= chunk;
		offset = 0;
	}
	return len ? -EINVAL : 0;
}

/* From the chain's readable buffers, as one stream, into @buf. */
int myvdev_vq_copy_out(const struct myvdev_gmem *mem,
		       const struct myvdev_vq_chain *chain, u64 offset,
		       void *buf, unsigned int len)
{
	return myvdev_vq_copy(mem, chain->seg, chain->n_out, offset, buf, len,
			      false);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_copy_out);

/* Into the chain's writable buffers, as one stream, from @buf. */
int myvdev_vq_copy_in(const struct myvdev_gmem *mem,
		      const struct myvdev_vq_chain *chain, u64 offset,
		      const void *buf, unsigned int len)
{
	return myvdev_vq_copy(mem, chain->seg + chain->n_out, chain->n_in,
			      offset, (void *)buf, len, true);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_vq_copy_in);
