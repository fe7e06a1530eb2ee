// SPDX-License-Identifier: GPL-2.0
/*
 * MYVMX_DEVICE_VIRTIO_BLK: a virtio block device (virtio 1.2, 5.2) over
 * a host file or block device that user space opened and passed by fd
 * (@args[2]; @args[3] bit 0: read-only, also when the fd is not open for
 * writing).  Requests are served synchronously on the vCPU's exit that
 * notified the queue (disk.c), with the guest's buffers reached only
 * through the checked virtqueue; a broken queue makes the device need a
 * reset.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/virtio_ids.h>

#include "disk.h"
#include "virtio_blk.h"
#include "virtio_dev.h"

struct myvdev_blk {
	struct myvdev_virtio v;		/* its lock covers all below */
	struct myvdev_disk disk;
	struct myvdev_vq_chain chain;
};

static struct myvdev_blk *myvdev_blk_of(struct myvdev_vmmio *t)
{
	return container_of(myvdev_virtio_of(t), struct myvdev_blk, v);
}

static u32 myvdev_blk_config_read(struct myvdev_vmmio *t, unsigned int offset,
				  unsigned int len)
{
	struct myvdev_blk *b = myvdev_blk_of(t);
	struct virtio_blk_config config = {
		.capacity = cpu_to_le64(b->disk.capacity),
		.seg_max = cpu_to_le32(MYVDEV_VQ_MAX_SEGS - 2),
	};

	return myvdev_virtio_config(&config, sizeof(config), offset, len);
}

static u32 myvdev_blk_serve(struct myvdev_virtio *v,
			    const struct myvdev_vq_chain *chain)
{
	struct myvdev_blk *b = container_of(v, struct myvdev_blk, v);

	return myvdev_disk_request(&b->disk, &v->mem, chain);
}

static void myvdev_blk_notify(struct myvdev_vmmio *t, unsigned int index)
{
	struct myvdev_blk *b = myvdev_blk_of(t);

	myvdev_virtio_serve(&b->v, &t->vq[index], &b->chain, myvdev_blk_serve);
}

static const struct myvdev_vmmio_ops myvdev_blk_ops = {
	.config_read = myvdev_blk_config_read,
	.notify = myvdev_blk_notify,
	.interrupt = myvdev_virtio_interrupt,
};

static void *myvdev_blk_create(struct myvmx_vm *vm,
			       const struct myvmx_create_device *args)
{
	u64 fd = args->args[2], flags = args->args[3], features;
	char id[VIRTIO_BLK_ID_BYTES];
	struct myvdev_blk *b;
	struct file *file;
	int err;

	if (fd > INT_MAX || (flags & ~MYVMX_VIRTIO_BLK_RO))
		return ERR_PTR(-EINVAL);
	b = kzalloc(sizeof(*b), GFP_KERNEL_ACCOUNT);
	if (!b)
		return ERR_PTR(-ENOMEM);
	err = -EBADF;
	file = fget(fd);
	if (!file)
		goto fail;
	snprintf(id, sizeof(id), "ringzero-vm%u", myvmx_vm_id(vm));
	err = myvdev_disk_open(&b->disk, file, flags & MYVMX_VIRTIO_BLK_RO,
			       id);
	if (err)
		goto fail_file;
	features = BIT_ULL(VIRTIO_BLK_F_SEG_MAX) | BIT_ULL(VIRTIO_BLK_F_FLUSH);
	if (b->disk.read_only)
		features |= BIT_ULL(VIRTIO_BLK_F_RO);
	err = myvdev_virtio_init(&b->v, vm, args, &myvdev_blk_ops,
				 VIRTIO_ID_BLOCK, features, 1);
	if (err)
		goto fail_disk;
	return b;

fail_disk:
	myvdev_disk_close(&b->disk);
fail_file:
	fput(file);
fail:
	kfree(b);
	return ERR_PTR(err);
}

static void myvdev_blk_destroy(void *dev)
{
	struct myvdev_blk *b = dev;

	myvdev_virtio_destroy(&b->v);
	fput(b->disk.file);
	myvdev_disk_close(&b->disk);
	kfree(b);
}

static void myvdev_blk_stats(void *dev, struct myvmx_device_stats *s)
{
	struct myvdev_blk *b = dev;
	const struct myvdev_disk_counters *c = &b->disk.stats;

	mutex_lock(&b->v.lock);
	myvdev_virtio_stats(&b->v, "virtio-blk", s);
	myvmx_device_count(s, "reads", c->reads);
	myvmx_device_count(s, "writes", c->writes);
	myvmx_device_count(s, "flushes", c->flushes);
	myvmx_device_count(s, "errors", c->errors);
	myvmx_device_count(s, "read_bytes", c->read_bytes);
	myvmx_device_count(s, "written_bytes", c->written_bytes);
	mutex_unlock(&b->v.lock);
}

const struct myvmx_device_class myvdev_blk_class = {
	.type = MYVMX_DEVICE_VIRTIO_BLK,
	.name = "myvdev-virtio-blk",
	.owner = THIS_MODULE,
	.multi = true,
	.create = myvdev_blk_create,
	.destroy = myvdev_blk_destroy,
	.stats = myvdev_blk_stats,
};
