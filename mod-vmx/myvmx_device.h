/* SPDX-License-Identifier: GPL-2.0 */
/*
 * myvmx's interface for in-kernel devices (myvdev.ko uses it).  Devices
 * know nothing of VT-x or AMD-V:
 *
 * - A device class registers with myvmx_device_class_register.  User space
 *   asks for one with MYVMX_CREATE_DEVICE on a VM fd; myvmx then calls
 *   ->create and hands out a device fd whose read/write/poll go to the
 *   type's callbacks.  ->destroy runs when the VM is freed, after its
 *   last vCPU: nothing of the device runs any more by then.  ->stopped
 *   (optional) runs when a started VM (MYVMX_START) has stopped.
 * - ->create claims port or MMIO ranges with myvmx_iodev_add.  A vCPU's
 *   access to them calls ->read or ->write in process context, with
 *   preemption on, instead of exiting to user space.
 * - An interrupt controller installs itself with myvmx_set_irqchip.
 *   Before each entry of vCPU 0, ->pending says whether an interrupt
 *   waits; when the guest can take it, ->ack (the INTA cycle) gives its
 *   vector.  Both may run in any context; the chip locks itself.  A
 *   device inside the chip's own module that raises a line calls
 *   myvmx_vm_kick so that vCPU 0 notices soon: out of HLT, or out of the
 *   guest.
 * - Other devices claim one of the chip's input lines in ->create with
 *   myvmx_irq_claim (each line has one driver, and the chip must exist
 *   by then) and drive it with myvmx_set_irq, from any context.
 * - Devices reach guest memory with myvmx_read_gpa and myvmx_write_gpa,
 *   in process context: -EFAULT for what is not the guest's RAM.  The
 *   memory stays as it is while any device exists.
 * - A class with ->multi may have several instances in a VM; other
 *   classes one.
 * - myvmx_vm_request_exit stops every vCPU with an exit reason, such as
 *   MYVMX_EXIT_RESET.
 */
#ifndef _MYVMX_DEVICE_H
#define _MYVMX_DEVICE_H

#include <linux/poll.h>
#include <linux/types.h>
#include <myvmx.h>

struct module;
struct myvmx_vm;
struct myvmx_iodev;

/* @addr is the port or the guest-physical address; data little endian. */
struct myvmx_iodev_ops {
	void (*read)(struct myvmx_iodev *dev, u64 addr, unsigned int len,
		     void *val);
	void (*write)(struct myvmx_iodev *dev, u64 addr, unsigned int len,
		      const void *val);
};

struct myvmx_iodev {
	const struct myvmx_iodev_ops *ops;
	u64 base, len;
	bool mmio;			/* else port I/O */
};

#define MYVMX_MAX_IODEVS	32

#define MYVMX_IRQ_LINES		16

struct myvmx_irqchip_ops {
	bool (*pending)(void *chip);
	u8 (*ack)(void *chip);
	/* Input @line goes to @level; returns ->pending. */
	bool (*set_irq)(void *chip, unsigned int line, bool level);
};

/* A device's counters, for MYVMX_CMD_GET_STATS. */
#define MYVMX_DEVICE_MAX_COUNTERS	12

struct myvmx_device_stats {
	char name[32];			/* which one of its class */
	unsigned int n;
	struct {
		const char *name;	/* static */
		u64 value;
	} counter[MYVMX_DEVICE_MAX_COUNTERS];
};

static inline void myvmx_device_count(struct myvmx_device_stats *s,
				      const char *name, u64 value)
{
	if (s->n < MYVMX_DEVICE_MAX_COUNTERS) {
		s->counter[s->n].name = name;
		s->counter[s->n++].value = value;
	}
}

struct myvmx_device_class {
	u32 type;			/* enum myvmx_device_type */
	const char *name;
	struct module *owner;
	bool multi;			/* several per VM */
	void *(*create)(struct myvmx_vm *vm,
			const struct myvmx_create_device *args);
	void (*destroy)(void *dev);
	void (*stopped)(void *dev);
	ssize_t (*read)(void *dev, char __user *buf, size_t len,
			bool nonblock);
	ssize_t (*write)(void *dev, const char __user *buf, size_t len);
	__poll_t (*poll)(void *dev, struct file *file, poll_table *wait);
	/* Its name and counters; process context. */
	void (*stats)(void *dev, struct myvmx_device_stats *s);
	/*
	 * Ask the guest to shut itself down (MYVMX_CMD_SHUTDOWN): 0 once
	 * asked, -ENODEV when nothing in the guest would hear it.
	 */
	int (*shutdown)(void *dev);
};

int myvmx_device_class_register(const struct myvmx_device_class *t);
void myvmx_device_class_unregister(const struct myvmx_device_class *t);

int myvmx_iodev_add(struct myvmx_vm *vm, struct myvmx_iodev *dev);
int myvmx_set_irqchip(struct myvmx_vm *vm, const struct myvmx_irqchip_ops *ops,
		      void *chip);
int myvmx_irq_claim(struct myvmx_vm *vm, unsigned int line);
void myvmx_set_irq(struct myvmx_vm *vm, unsigned int line, bool level);
void myvmx_vm_kick(struct myvmx_vm *vm);
int myvmx_read_gpa(struct myvmx_vm *vm, u64 gpa, void *buf,
		   unsigned int len);
int myvmx_write_gpa(struct myvmx_vm *vm, u64 gpa, const void *buf,
		    unsigned int len);
void myvmx_vm_request_exit(struct myvmx_vm *vm, u32 exit_reason);
u32 myvmx_vm_id(const struct myvmx_vm *vm);

#endif /* _MYVMX_DEVICE_H */
