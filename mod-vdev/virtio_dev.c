// SPDX-License-Identifier: GPL-2.0
/*
 * A virtio-mmio device's place in a VM: @args[0] is the guest-physical
 * base of its register block (4 KiB aligned, outside RAM), @args[1] the
 * platform PIC's input line it interrupts on, which no other device may
 * drive.  The guest's register accesses run the transport (virtio_mmio.c)
 * under the device's lock.  Each time the interrupt status gains a bit
 * the line is pulsed: the PIC's ISA lines are edge-triggered, and a line
 * held high while the driver acknowledged only part of the status would
 * lose the rest.
 */
#include <linux/align.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "virtio_dev.h"

static int myvdev_virtio_read_gpa(void *ctx, u64 gpa, void *buf,
				  unsigned int len)
{
	return myvmx_read_gpa(ctx, gpa, buf, len);
}

static int myvdev_virtio_write_gpa(void *ctx, u64 gpa, const void *buf,
				   unsigned int len)
{
	return myvmx_write_gpa(ctx, gpa, buf, len);
}

static struct myvdev_virtio *myvdev_virtio_of_io(struct myvmx_iodev *dev)
{
	return container_of(dev, struct myvdev_virtio, io);
}

static void myvdev_virtio_mmio_read(struct myvmx_iodev *dev, u64 addr,
				    unsigned int len, void *val)
{
	struct myvdev_virtio *v = myvdev_virtio_of_io(dev);
	__le32 data;

	mutex_lock(&v->lock);
	v->mmio_exits++;
	data = cpu_to_le32(myvdev_vmmio_read(&v->t, addr - dev->base, len));
	mutex_unlock(&v->lock);
	memcpy(val, &data, min_t(unsigned int, len, sizeof(data)));
}

static void myvdev_virtio_mmio_write(struct myvmx_iodev *dev, u64 addr,
				     unsigned int len, const void *val)
{
	struct myvdev_virtio *v = myvdev_virtio_of_io(dev);
	__le32 data = 0;

	memcpy(&data, val, min_t(unsigned int, len, sizeof(data)));
	mutex_lock(&v->lock);
	v->mmio_exits++;
	myvdev_vmmio_write(&v->t, addr - dev->base, len, le32_to_cpu(data));
	mutex_unlock(&v->lock);
}

static const struct myvmx_iodev_ops myvdev_virtio_io_ops = {
	.read = myvdev_virtio_mmio_read,
	.write = myvdev_virtio_mmio_write,
};

/* The transport's ->interrupt for every device, with the lock held. */
void myvdev_virtio_interrupt(struct myvdev_vmmio *t)
{
	struct myvdev_virtio *v = myvdev_virtio_of(t);

	v->interrupts++;
	myvmx_set_irq(v->vm, v->irq, true);
	myvmx_set_irq(v->vm, v->irq, false);
}

/*
 * The chains the driver made available on @vq by now (later ones notify
 * again), each taken into @chain and given to @serve, which returns the
 * bytes it wrote into it; then the transport's end-of-batch rule.  With
 * the lock held, in process context.
 */
void myvdev_virtio_serve(struct myvdev_virtio *v, struct myvdev_vq *vq,
			 struct myvdev_vq_chain *chain,
			 u32 (*serve)(struct myvdev_virtio *v,
				      const struct myvdev_vq_chain *chain))
{
	bool used = false;
	unsigned int n;
	int err = 0;

	for (n = 0; n < vq->size; n++) {
		err = myvdev_vq_pop(vq, &v->mem, chain);
		if (err)
			break;
		err = myvdev_vq_push(vq, &v->mem, chain->head, serve(v, chain));
		if (err)
			break;
		used = true;
		cond_resched();
	}
	myvdev_vmmio_batch_done(&v->t, err, used);
}

/* From the class's ->create: claims the range and the line. */
int myvdev_virtio_init(struct myvdev_virtio *v, struct myvmx_vm *vm,
		       const struct myvmx_create_device *args,
		       const struct myvdev_vmmio_ops *ops, u32 device_id,
		       u64 features, unsigned int nr_vqs)
{
	u64 base = args->args[0], irq = args->args[1];
	int err;

	if (!IS_ALIGNED(base, SZ_4K) || base >= (1ULL << 48) ||
	    irq >= MYVMX_IRQ_LINES)
		return -EINVAL;
	v->vm = vm;
	v->irq = irq;
	mutex_init(&v->lock);
	v->mem.ctx = vm;
	v->mem.read = myvdev_virtio_read_gpa;
	v->mem.write = myvdev_virtio_write_gpa;
	myvdev_vmmio_init(&v->t, ops, device_id, features, nr_vqs);
	v->io.ops = &myvdev_virtio_io_ops;
	v->io.base = base;
	v->io.len = MYVDEV_VMMIO_SIZE;
	v->io.mmio = true;
	err = myvmx_irq_claim(vm, irq);
	if (!err)
		err = myvmx_iodev_add(vm, &v->io);
	if (err)
		mutex_destroy(&v->lock);
	return err;
}

void myvdev_virtio_destroy(struct myvdev_virtio *v)
{
	mutex_destroy(&v->lock);
}

/* @len bytes at @offset of a device's config space (little endian). */
u32 myvdev_virtio_config(const void *config, size_t size,
			 unsigned int offset, unsigned int len)
{
	__le32 val = 0;

	if (offset < size && len <= size - offset && len <= sizeof(val))
		memcpy(&val, config + offset, len);
	return le32_to_cpu(val);
}

/* The counters every virtio device has, and its name; lock held. */
void myvdev_virtio_stats(struct myvdev_virtio *v, const char *kind,
			 struct myvmx_device_stats *s)
{
	snprintf(s->name, sizeof(s->name), "%s@0x%llx", kind, v->io.base);
	myvmx_device_count(s, "mmio_exits", v->mmio_exits);
	myvmx_device_count(s, "interrupts", v->interrupts);
}
