// SPDX-License-Identifier: GPL-2.0
/*
 * MYVMX_DEVICE_PLATFORM: the PC platform of a VM.  The PICs, the PIT,
 * the UART, the CMOS RTC and the i8042 share one lock, taken from the
 * vCPU's exit path, from the PIT's hrtimer and from the device fd.  The
 * PIT's channel 0 drives IRQ 0 from an hrtimer; a periodic rate above
 * 10 kHz is slowed to it so that a guest cannot flood its host with
 * timer interrupts.  The UART's line is IRQ 4, the keyboard's IRQ 1.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#include <myvmx_device.h>
#include "cmos.h"
#include "console.h"
#include "i8042.h"
#include "pic.h"
#include "pit.h"
#include "platform.h"
#include "uart.h"

#define MYVDEV_PIT_MIN_PERIOD_NS	(100 * NSEC_PER_USEC)
#define MYVDEV_COM1			0x3f8
#define MYVDEV_COM1_IRQ			4
#define MYVDEV_KEYBOARD_IRQ		1

static const struct {
	u16 base, len;
} myvdev_platform_ports[] = {
	{ 0x20, 2 }, { 0xa0, 2 }, { 0x4d0, 2 },		/* PICs, ELCR */
	{ 0x40, 4 }, { 0x61, 1 },			/* PIT */
	{ MYVDEV_COM1, 8 },				/* UART */
	{ 0x70, 2 },					/* CMOS */
	{ 0x60, 1 }, { 0x64, 1 },			/* i8042 */
};

#define MYVDEV_PLATFORM_RANGES	ARRAY_SIZE(myvdev_platform_ports)

struct myvdev_platform;

struct myvdev_port_range {
	struct myvmx_iodev dev;
	struct myvdev_platform *platform;
};

struct myvdev_platform {
	struct myvmx_vm *vm;
	spinlock_t lock;		/* everything below */
	struct myvdev_pic pic;
	struct myvdev_pit pit;
	struct myvdev_uart uart;
	struct myvdev_cmos cmos;
	struct myvdev_i8042 kbc;
	struct hrtimer pit_timer;
	bool pit_armed, pit_periodic;
	u64 pit_period_ns;
	struct myvdev_console console;
	struct myvdev_port_range io[MYVDEV_PLATFORM_RANGES];
	u64 io_exits, interrupts;	/* port accesses, INTA cycles */
};

static struct myvdev_platform *myvdev_platform_of(struct myvmx_iodev *dev)
{
	return container_of(dev, struct myvdev_port_range, dev)->platform;
}

static void myvdev_uart_tx(struct myvdev_uart *uart, u8 byte)
{
	struct myvdev_platform *p = container_of(uart, struct myvdev_platform,
						 uart);

	myvdev_console_put(&p->console, byte);
}

/* After any UART access: its line into the PIC. */
static void myvdev_uart_sync(struct myvdev_platform *p)
{
	myvdev_pic_set_irq(&p->pic, MYVDEV_COM1_IRQ,
			   myvdev_uart_irq(&p->uart));
}

/* After any i8042 access: a keyboard byte for the guest pulses IRQ 1. */
static void myvdev_i8042_sync(struct myvdev_platform *p)
{
	if (myvdev_i8042_take_irq(&p->kbc)) {
		myvdev_pic_set_irq(&p->pic, MYVDEV_KEYBOARD_IRQ, true);
		myvdev_pic_set_irq(&p->pic, MYVDEV_KEYBOARD_IRQ, false);
	}
}

/* Channel 0 was reprogrammed: arm or stop IRQ 0's timer. */
static void myvdev_pit_rearm(struct myvdev_platform *p,
			     enum myvdev_pit_timer what)
{
	u64 delay;

	if (what == MYVDEV_PIT_TIMER_KEEP)
		return;
	if (what == MYVDEV_PIT_TIMER_STOP) {
		p->pit_armed = false;
		hrtimer_try_to_cancel(&p->pit_timer);
		return;
	}
	delay = myvdev_pit_irq0_delay(&p->pit);
	p->pit_periodic = myvdev_pit_irq0_periodic(&p->pit);
	if (p->pit_periodic)
		delay = max_t(u64, delay, MYVDEV_PIT_MIN_PERIOD_NS);
	p->pit_period_ns = delay;
	p->pit_armed = true;
	hrtimer_start(&p->pit_timer, ns_to_ktime(delay), HRTIMER_MODE_REL);
}

static enum hrtimer_restart myvdev_pit_fire(struct hrtimer *timer)
{
	struct myvdev_platform *p = container_of(timer, struct myvdev_platform,
						 pit_timer);
	enum hrtimer_restart restart = HRTIMER_NORESTART;
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	/* Stopped, or started again while this expiry waited for the lock. */
	if (!p->pit_armed || hrtimer_is_queued(timer)) {
		spin_unlock_irqrestore(&p->lock, flags);
		return HRTIMER_NORESTART;
	}
	myvdev_pic_set_irq(&p->pic, 0, true);
	myvdev_pic_set_irq(&p->pic, 0, false);
	if (p->pit_periodic) {
		hrtimer_forward_now(timer, ns_to_ktime(p->pit_period_ns));
		restart = HRTIMER_RESTART;
	} else {
		p->pit_armed = false;
	}
	spin_unlock_irqrestore(&p->lock, flags);
	myvmx_vm_kick(p->vm);
	return restart;
}

static u8 myvdev_platform_inb(struct myvdev_platform *p, u16 port)
{
	switch (port) {
	case 0x20: case 0x21: case 0xa0: case 0xa1: case 0x4d0: case 0x4d1:
		return myvdev_pic_read(&p->pic, port);
	case 0x40: case 0x41: case 0x42: case 0x43: case 0x61:
		return myvdev_pit_read(&p->pit, port, ktime_get_ns());
	case 0x70: case 0x71:
		return myvdev_cmos_read(&p->cmos, port,
					ktime_get_real_seconds());
	case 0x60: case 0x64: {
		u8 val = myvdev_i8042_read(&p->kbc, port);

		myvdev_i8042_sync(p);
		return val;
	}
	}
	if (port >= MYVDEV_COM1 && port < MYVDEV_COM1 + 8) {
		u8 val = myvdev_uart_read(&p->uart, port - MYVDEV_COM1);

		myvdev_uart_sync(p);
		return val;
	}
	return 0xff;
}

/* Returns true when the write resets the machine. */
static bool myvdev_platform_outb(struct myvdev_platform *p, u16 port, u8 val)
{
	switch (port) {
	case 0x20: case 0x21: case 0xa0: case 0xa1: case 0x4d0: case 0x4d1:
		myvdev_pic_write(&p->pic, port, val);
		return false;
	case 0x40: case 0x41: case 0x42: case 0x43: case 0x61:
		myvdev_pit_rearm(p, myvdev_pit_write(&p->pit, port, val,
						     ktime_get_ns()));
		return false;
	case 0x70: case 0x71:
		myvdev_cmos_write(&p->cmos, port, val);
		return false;
	case 0x60: case 0x64: {
		bool reset = myvdev_i8042_write(&p->kbc, port, val);

		myvdev_i8042_sync(p);
		return reset;
	}
	}
	if (port >= MYVDEV_COM1 && port < MYVDEV_COM1 + 8) {
		myvdev_uart_write(&p->uart, port - MYVDEV_COM1, val);
		myvdev_uart_sync(p);
	}
	return false;
}

/*
 * Drop the lock taken with @flags; if the PICs now hold an interrupt
 * for the guest, wake vCPU 0, which may wait in HLT.
 */
static void myvdev_platform_unlock_kick(struct myvdev_platform *p,
					unsigned long flags)
{
	bool irq = myvdev_pic_pending(&p->pic);

	spin_unlock_irqrestore(&p->lock, flags);
	if (irq)
		myvmx_vm_kick(p->vm);
}

/* Wider accesses reach consecutive byte ports, as on a PC's ISA bus. */
static void myvdev_platform_read(struct myvmx_iodev *dev, u64 addr,
				 unsigned int len, void *val)
{
	struct myvdev_platform *p = myvdev_platform_of(dev);
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&p->lock, flags);
	p->io_exits++;
	for (i = 0; i < len; i++)
		((u8 *)val)[i] = myvdev_platform_inb(p, addr + i);
	myvdev_platform_unlock_kick(p, flags);	/* the i8042's next byte */
}

static void myvdev_platform_write(struct myvmx_iodev *dev, u64 addr,
				  unsigned int len, const void *val)
{
	struct myvdev_platform *p = myvdev_platform_of(dev);
	bool reset = false;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&p->lock, flags);
	p->io_exits++;
	for (i = 0; i < len; i++)
		reset |= myvdev_platform_outb(p, addr + i, ((u8 *)val)[i]);
	if (!reset) {
		myvdev_platform_unlock_kick(p, flags);
		return;
	}
	spin_unlock_irqrestore(&p->lock, flags);
	myvmx_vm_request_exit(p->vm, MYVMX_EXIT_RESET);
}

static const struct myvmx_iodev_ops myvdev_platform_io_ops = {
	.read = myvdev_platform_read,
	.write = myvdev_platform_write,
};

static bool myvdev_platform_pending(void *chip)
{
	struct myvdev_platform *p = chip;
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&p->lock, flags);
	pending = myvdev_pic_pending(&p->pic);
	spin_unlock_irqrestore(&p->lock, flags);
	return pending;
}

static u8 myvdev_platform_ack(void *chip)
{
	struct myvdev_platform *p = chip;
	unsigned long flags;
	u8 vector;

	spin_lock_irqsave(&p->lock, flags);
	p->interrupts++;
	vector = myvdev_pic_ack(&p->pic);
	spin_unlock_irqrestore(&p->lock, flags);
	return vector;
}

/* Another device's line (myvmx_set_irq). */
static bool myvdev_platform_set_irq(void *chip, unsigned int line, bool level)
{
	struct myvdev_platform *p = chip;
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&p->lock, flags);
	myvdev_pic_set_irq(&p->pic, line, level);
	pending = myvdev_pic_pending(&p->pic);
	spin_unlock_irqrestore(&p->lock, flags);
	return pending;
}

static const struct myvmx_irqchip_ops myvdev_platform_irqchip = {
	.pending = myvdev_platform_pending,
	.ack = myvdev_platform_ack,
	.set_irq = myvdev_platform_set_irq,
};

/* The lines of the platform's own devices, as on a PC. */
static const u8 myvdev_platform_irqs[] = {
	0,			/* PIT */
	MYVDEV_KEYBOARD_IRQ,
	12,			/* the i8042's mouse */
	2,			/* the slave PIC */
	MYVDEV_COM1_IRQ,
	8,			/* RTC */
};

static void myvdev_platform_free(struct myvdev_platform *p)
{
	myvdev_console_free(&p->console);
	kfree(p);
}

static void *myvdev_platform_create(struct myvmx_vm *vm,
				    const struct myvmx_create_device *args)
{
	struct myvdev_platform *p;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(args->args); i++)
		if (args->args[i])
			return ERR_PTR(-EINVAL);
	p = kzalloc(sizeof(*p), GFP_KERNEL_ACCOUNT);
	if (!p)
		return ERR_PTR(-ENOMEM);
	err = myvdev_console_init(&p->console);
	if (err) {
		kfree(p);
		return ERR_PTR(err);
	}
	p->vm = vm;
	spin_lock_init(&p->lock);
	myvdev_pic_init(&p->pic);
	myvdev_pit_init(&p->pit);
	myvdev_uart_init(&p->uart, myvdev_uart_tx);
	myvdev_cmos_init(&p->cmos);
	myvdev_i8042_init(&p->kbc);
	hrtimer_init(&p->pit_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->pit_timer.function = myvdev_pit_fire;

	for (i = 0; i < ARRAY_SIZE(p->io); i++) {
		p->io[i].platform = p;
		p->io[i].dev.ops = &myvdev_platform_io_ops;
		p->io[i].dev.base = myvdev_platform_ports[i].base;
		p->io[i].dev.len = myvdev_platform_ports[i].len;
		err = myvmx_iodev_add(vm, &p->io[i].dev);
		if (err)
			goto fail;
	}
	err = myvmx_set_irqchip(vm, &myvdev_platform_irqchip, p);
	for (i = 0; !err && i < ARRAY_SIZE(myvdev_platform_irqs); i++)
		err = myvmx_irq_claim(vm, myvdev_platform_irqs[i]);
	if (err)
		goto fail;
	return p;
fail:
	myvdev_platform_free(p);
	return ERR_PTR(err);
}

static void myvdev_platform_destroy(void *dev)
{
	struct myvdev_platform *p = dev;
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	p->pit_armed = false;
	spin_unlock_irqrestore(&p->lock, flags);
	hrtimer_cancel(&p->pit_timer);
	myvdev_platform_free(p);
}

static void myvdev_platform_stopped(void *dev)
{
	struct myvdev_platform *p = dev;

	myvdev_console_close(&p->console);
}

static ssize_t myvdev_platform_fd_read(void *dev, char __user *buf,
				       size_t len, bool nonblock)
{
	struct myvdev_platform *p = dev;

	return myvdev_console_read(&p->console, buf, len, nonblock);
}

/* The UART's input: as many bytes as its FIFO takes. */
static ssize_t myvdev_platform_fd_write(void *dev, const char __user *buf,
					size_t len)
{
	struct myvdev_platform *p = dev;
	u8 bytes[MYVDEV_UART_FIFO];
	unsigned long flags;
	size_t n, taken = 0;

	n = min_t(size_t, len, sizeof(bytes));
	if (copy_from_user(bytes, buf, n))
		return -EFAULT;
	spin_lock_irqsave(&p->lock, flags);
	while (taken < n && myvdev_uart_receive(&p->uart, bytes[taken]))
		taken++;
	myvdev_uart_sync(p);
	myvdev_platform_unlock_kick(p, flags);
	return taken ?: (len ? -EAGAIN : 0);
}

static __poll_t myvdev_platform_fd_poll(void *dev, struct file *file,
					poll_table *wait)
{
	struct myvdev_platform *p = dev;

	return myvdev_console_poll(&p->console, file, wait);
}

static void myvdev_platform_stats(void *dev, struct myvmx_device_stats *s)
{
	struct myvdev_platform *p = dev;
	unsigned long flags;

	strscpy(s->name, "platform", sizeof(s->name));
	spin_lock_irqsave(&p->lock, flags);
	myvmx_device_count(s, "io_exits", p->io_exits);
	myvmx_device_count(s, "interrupts", p->interrupts);
	spin_unlock_irqrestore(&p->lock, flags);
}

/* MYVMX_CMD_SHUTDOWN: Ctrl-Alt-Del on the keyboard. */
static int myvdev_platform_shutdown(void *dev)
{
	struct myvdev_platform *p = dev;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&p->lock, flags);
	err = myvdev_i8042_ctrl_alt_del(&p->kbc);
	myvdev_i8042_sync(p);
	myvdev_platform_unlock_kick(p, flags);
	return err;
}

const struct myvmx_device_class myvdev_platform_class = {
	.type = MYVMX_DEVICE_PLATFORM,
	.name = "myvdev-platform",
	.owner = THIS_MODULE,
	.create = myvdev_platform_create,
	.destroy = myvdev_platform_destroy,
	.stopped = myvdev_platform_stopped,
	.read = myvdev_platform_fd_read,
	.write = myvdev_platform_fd_write,
	.poll = myvdev_platform_fd_poll,
	.stats = myvdev_platform_stats,
	.shutdown = myvdev_platform_shutdown,
};
