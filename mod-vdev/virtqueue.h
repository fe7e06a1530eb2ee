/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Split virtqueues (virtio 1.2, 2.7) as a device sees them: take the
 * next descriptor chain the driver made available, give it back as used.
 * Everything in the rings comes from the guest and is checked; a queue
 * the guest broke stays broken until the device is reset.
 */
#ifndef MYVDEV_VIRTQUEUE_H
#define MYVDEV_VIRTQUEUE_H

#include <linux/types.h>

/* The largest queue myvdev offers (QueueNumMax). */
#define MYVDEV_VQ_MAX_SIZE	256
/* Buffers in one chain, at most. */
#define MYVDEV_VQ_MAX_SEGS	64

/* Guest-physical memory, as the device reaches it. */
struct myvdev_gmem {
	void *ctx;
	int (*read)(void *ctx, u64 gpa, void *buf, unsigned int len);
	int (*write)(void *ctx, u64 gpa, const void *buf, unsigned int len);
};

struct myvdev_vq {
	u16 size;		/* a power of two, at most MYVDEV_VQ_MAX_SIZE */
	bool ready;
	bool broken;
	u64 desc;		/* guest-physical: the descriptor table */
	u64 avail;		/* the driver area */
	u64 used;		/* the device area */
	u16 last_avail;		/* the next available entry to take */
	u16 used_idx;		/* the next used entry to fill */
};

struct myvdev_vq_seg {
	u64 gpa;
	u32 len;
};

/* A chain: its device-readable buffers first, then the writable ones. */
struct myvdev_vq_chain {
	u16 head;
	unsigned int n_out, n_in;
	u64 out_len, in_len;
	struct myvdev_vq_seg seg[MYVDEV_VQ_MAX_SEGS];
};

int myvdev_vq_pop(struct myvdev_vq *vq, const struct myvdev_gmem *mem,
		  struct myvdev_vq_chain *chain);
int myvdev_vq_push(struct myvdev_vq *vq, const struct myvdev_gmem *mem,
		   u16 head, u32 written);
int myvdev_vq_copy_out(const struct myvdev_gmem *mem,
		       const struct myvdev_vq_chain *chain, u64 offset,
		       void *buf, unsigned int len);
int myvdev_vq_copy_in(const struct myvdev_gmem *mem,
		      const struct myvdev_vq_chain *chain, u64 offset,
		      const void *buf, unsigned int len);
bool myvdev_vq_layout_ok(const struct myvdev_vq *vq);
void myvdev_vq_reset(struct myvdev_vq *vq);

#endif /* MYVDEV_VIRTQUEUE_H */
