// SPDX-License-Identifier: GPL-2.0
/*
 * The 8254, as its data sheet describes it, with counters derived from
 * time: after the count N is loaded (and the gate is high), d ticks later
 * mode 0 and 4 count N - d down through zero and wrap, mode 2 counts
 * N - (d mod N), mode 3 counts down by two each tick, twice per period,
 * and mode 1 and 5 count once like mode 0.  Latch, read-back, the access
 * modes and BCD are those of the data sheet; a BCD count is kept as
 * written.  Channel 2's gate and output are port 0x61's bits 0 and 5,
 * as Linux's TSC calibration uses them.
 */
#include <kunit/visibility.h>
#include <linux/math64.h>
#include <linux/module.h>

#include "pit.h"

#define MYVDEV_PIT_CONTROL	0x43
#define MYVDEV_PORT_61		0x61

u64 myvdev_pit_ticks_to_ns(u64 ticks)
{
	return mul_u64_u32_div(ticks, NSEC_PER_SEC, MYVDEV_PIT_HZ);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_ticks_to_ns);

/* Time counted since the load: a low gate suspends counting. */
static u64 myvdev_pit_elapsed(const struct myvdev_pit_channel *c, u64 now)
{
	if (!c->gate)
		return c->held_ns;
	return now > c->start_ns ? now - c->start_ns : 0;
}

static u64 myvdev_pit_ticks(const struct myvdev_pit_channel *c, u64 now)
{
	return mul_u64_u32_div(myvdev_pit_elapsed(c, now), MYVDEV_PIT_HZ,
			       NSEC_PER_SEC);
}

/* The counting element now: what a latch command would capture. */
u16 myvdev_pit_count(const struct myvdev_pit_channel *c, u64 now)
{
	u64 d;

	if (!c->loaded)
		return c->reload;
	d = myvdev_pit_ticks(c, now);
	switch (c->mode) {
	case 2:
		return c->reload - do_div(d, c->reload);
	case 3: {
		u32 n = max(c->reload & ~1U, 2U);

		return n - 2 * do_div(d, n / 2);
	}
	default:			/* 0, 1, 4, 5 */
		return (c->reload - d) & 0xffff;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_count);

/* The OUT pin. */
bool myvdev_pit_out(const struct myvdev_pit_channel *c, u64 now)
{
	u64 d;

	if (!c->loaded)
		return c->mode != 0;	/* OUT goes low when mode 0 is set */
	/* A low gate forces OUT high in modes 2 and 3 only. */
	if (!c->gate && (c->mode == 2 || c->mode == 3))
		return true;
	d = myvdev_pit_ticks(c, now);
	switch (c->mode) {
	case 0:
	case 1:
		return d >= c->reload;
	case 2:
		return do_div(d, c->reload) != c->reload - 1;
	case 3:
		return do_div(d, c->reload) < (c->reload + 1) / 2;
	default:			/* 4, 5: a one-tick low pulse */
		return d != c->reload;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_out);

void myvdev_pit_init(struct myvdev_pit *pit)
{
	unsigned int i;

	memset(pit, 0, sizeof(*pit));
	for (i = 0; i < 3; i++) {
		pit->ch[i].reload = 0x10000;
		pit->ch[i].access = 3;
		/* Channels 0 and 1 are always gated on; 2 by port 0x61. */
		pit->ch[i].gate = i < 2;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_init);

static void myvdev_pit_latch(struct myvdev_pit_channel *c, u64 now)
{
	if (c->latched)
		return;		/* the first latch holds until read */
	c->latch = myvdev_pit_count(c, now);
	c->latched = true;
	c->read_msb = false;
}

static void myvdev_pit_readback(struct myvdev_pit *pit, u8 val, u64 now)
{
	unsigned int i;

	for (i = 0; i < 3; i++) {
		struct myvdev_pit_channel *c = &pit->ch[i];

		if (!(val & (2 << i)))
			continue;
		if (!(val & 0x20))
			myvdev_pit_latch(c, now);
		if (!(val & 0x10) && !c->status_latched) {
			c->status = (myvdev_pit_out(c, now) << 7) |
				    (!c->loaded << 6) | (c->access << 4) |
				    (c->mode << 1) | c->bcd;
			c->status_latched = true;
		}
	}
}

static void myvdev_pit_control(struct myvdev_pit *pit, u8 val, u64 now)
{
	struct myvdev_pit_channel *c;

	if ((val >> 6) == 3) {
		myvdev_pit_readback(pit, val, now);
		return;
	}
	c = &pit->ch[val >> 6];
	if (!(val & 0x30)) {
		myvdev_pit_latch(c, now);
		return;
	}
	c->access = (val >> 4) & 3;
	c->mode = (val >> 1) & 7;
	if (c->mode > 5)
		c->mode -= 4;		/* 6 and 7 are 2 and 3 */
	c->bcd = val & 1;
	c->loaded = false;
	c->write_msb = c->access == 2;
	c->read_msb = c->access == 2;
	c->latched = false;
}

static void myvdev_pit_load(struct myvdev_pit_channel *c, u16 count, u64 now)
{
	/* A count of 0 is the largest: 65536 (10000 in BCD). */
	c->reload = count ?: (c->bcd ? 10000 : 0x10000);
	if (c->mode == 3 && c->reload == 1)
		c->reload = 2;		/* mode 3 needs two ticks */
	c->start_ns = now;
	c->held_ns = 0;
	c->loaded = true;
}

static bool myvdev_pit_write_count(struct myvdev_pit_channel *c, u8 val,
				   u64 now)
{
	switch (c->access) {
	case 1:
		myvdev_pit_load(c, val, now);
		return true;
	case 2:
		myvdev_pit_load(c, val << 8, now);
		return true;
	default:
		if (!c->write_msb) {
			c->write_lsb = val;
			c->write_msb = true;
			return false;
		}
		c->write_msb = false;
		myvdev_pit_load(c, c->write_lsb | (val << 8), now);
		return true;
	}
}

static u8 myvdev_pit_read_count(struct myvdev_pit_channel *c, u64 now)
{
	u16 v;
	bool msb;

	if (c->status_latched) {
		c->status_latched = false;
		return c->status;
	}
	v = c->latched ? c->latch : myvdev_pit_count(c, now);
	switch (c->access) {
	case 1:
		msb = false;
		c->latched = false;
		break;
	case 2:
		msb = true;
		c->latched = false;
		break;
	default:
		msb = c->read_msb;
		c->read_msb = !c->read_msb;
		if (msb)
			c->latched = false;
	}
	return msb ? v >> 8 : v & 0xff;
}

/* The channel 0 timer's new state after a write to @port. */
enum myvdev_pit_timer myvdev_pit_write(struct myvdev_pit *pit, u16 port,
				       u8 val, u64 now)
{
	struct myvdev_pit_channel *c2 = &pit->ch[2];
	bool gate;

	switch (port) {
	case 0x40: case 0x41: case 0x42:
		if (!myvdev_pit_write_count(&pit->ch[port - 0x40], val, now))
			break;
		if (port == 0x40)
			return MYVDEV_PIT_TIMER_START;
		break;
	case MYVDEV_PIT_CONTROL:
		myvdev_pit_control(pit, val, now);
		if ((val >> 6) == 0 && (val & 0x30))
			return MYVDEV_PIT_TIMER_STOP;
		break;
	case MYVDEV_PORT_61:
		gate = val & 1;
		if (!gate && c2->gate)
			c2->held_ns = myvdev_pit_elapsed(c2, now);
		else if (gate && !c2->gate)
			/* Modes 0 and 4 go on; 1, 2, 3 and 5 (re)start. */
			c2->start_ns = c2->mode == 0 || c2->mode == 4 ?
				       now - c2->held_ns : now;
		c2->gate = gate;
		pit->speaker = val & 2;
		break;
	}
	return MYVDEV_PIT_TIMER_KEEP;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_write);

u8 myvdev_pit_read(struct myvdev_pit *pit, u16 port, u64 now)
{
	switch (port) {
	case 0x40: case 0x41: case 0x42:
		return myvdev_pit_read_count(&pit->ch[port - 0x40], now);
	case MYVDEV_PORT_61:
		pit->refresh = !pit->refresh;
		return (myvdev_pit_out(&pit->ch[2], now) << 5) |
		       (pit->refresh << 4) | (pit->speaker << 1) |
		       pit->ch[2].gate;
	}
	return 0xff;		/* the control word cannot be read */
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_read);

/* Channel 0: nanoseconds from its load to its first interrupt. */
u64 myvdev_pit_irq0_delay(const struct myvdev_pit *pit)
{
	return myvdev_pit_ticks_to_ns(pit->ch[0].reload);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_irq0_delay);

/* Modes 2 and 3 interrupt once per period; the others once. */
bool myvdev_pit_irq0_periodic(const struct myvdev_pit *pit)
{
	return pit->ch[0].mode == 2 || pit->ch[0].mode == 3;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pit_irq0_periodic);
