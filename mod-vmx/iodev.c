// SPDX-License-Identifier: GPL-2.0
/*
 * Port I/O and MMIO exits served by in-kernel devices.  emulate.c has
 * already described the access in the run structure, as for user space;
 * a device that claims the port or address plays user space's part (the
 * data of a read goes where the program would put it) and the guest
 * resumes.  The run page is shared with user space, so every field is
 * read once and bounded before use.
 */
#include "vmm.h"

static struct myvmx_iodev *myvmx_iodev_find(struct myvmx_vm *vm, bool mmio,
					    u64 addr, unsigned int len)
{
	/* Pairs with myvmx_device_create's release: the ranges are set. */
	unsigned int i, n = smp_load_acquire(&vm->nr_iodevs);

	for (i = 0; i < n; i++) {
		struct myvmx_iodev *dev = vm->iodevs[i];

		if (dev->mmio == mmio && addr >= dev->base &&
		    addr - dev->base < dev->len &&
		    len <= dev->len - (addr - dev->base))
			return dev;
	}
	return NULL;
}

static bool myvmx_iodev_port(struct myvmx_vcpu *vcpu)
{
	struct myvmx_run *run = vcpu->run;
	u16 port = READ_ONCE(run->io.port);
	unsigned int size = READ_ONCE(run->io.size);
	unsigned int count = READ_ONCE(run->io.count);
	bool in = READ_ONCE(run->io.direction) == MYVMX_IO_IN;
	u8 *data = (u8 *)run + MYVMX_IO_DATA_OFFSET;
	struct myvmx_iodev *dev;
	unsigned int i;

	if ((size != 1 && size != 2 && size != 4) || !count ||
	    count > MYVMX_IO_DATA_MAX / size)
		return false;
	dev = myvmx_iodev_find(vcpu->vm, false, port, size);
	if (!dev)
		return false;
	for (i = 0; i < count; i++) {
		if (in)
			dev->ops->read(dev, port, size, data + i * size);
		else
			dev->ops->write(dev, port, size, data + i * size);
	}
	return true;
}

static bool myvmx_iodev_mmio(struct myvmx_vcpu *vcpu)
{
	struct myvmx_run *run = vcpu->run;
	u64 addr = READ_ONCE(run->mmio.addr);
	unsigned int size = READ_ONCE(run->mmio.size);
	struct myvmx_iodev *dev;
	u8 data[8];

	if (size != 1 && size != 2 && size != 4 && size != 8)
		return false;
	dev = myvmx_iodev_find(vcpu->vm, true, addr, size);
	if (!dev)
		return false;
	if (READ_ONCE(run->mmio.is_write)) {
		memcpy(data, run->mmio.data, size);
		dev->ops->write(dev, addr, size, data);
	} else {
		memset(data, 0, sizeof(data));
		dev->ops->read(dev, addr, size, data);
		memcpy(run->mmio.data, data, size);
	}
	return true;
}

/* MYVMX_RESUME when a device served the exit, else MYVMX_TO_USER. */
int myvmx_iodev_serve(struct myvmx_vcpu *vcpu)
{
	bool served = false;

	if (!smp_load_acquire(&vcpu->vm->nr_iodevs))	/* see above */
		return MYVMX_TO_USER;
	if (vcpu->run->exit_reason == MYVMX_EXIT_IO)
		served = myvmx_iodev_port(vcpu);
	else if (vcpu->run->exit_reason == MYVMX_EXIT_MMIO)
		served = myvmx_iodev_mmio(vcpu);
	return served ? MYVMX_RESUME : MYVMX_TO_USER;
}
