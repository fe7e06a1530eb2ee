/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 8254 programmable interval timer at 0x40-0x43 (1.193182 MHz) and
 * port 0x61's gate and output of channel 2.  The model computes counters
 * from the time it is given (nanoseconds), so it is pure state; the
 * caller serializes and runs channel 0's timer from
 * myvdev_pit_irq0_period/_delay.
 */
#ifndef _MYVDEV_PIT_H
#define _MYVDEV_PIT_H

#include <linux/types.h>

#define MYVDEV_PIT_HZ		1193182

struct myvdev_pit_channel {
	u32 reload;		/* 1..65536 */
	u64 start_ns;		/* when the count was loaded */
	u64 held_ns;		/* counted before the gate fell */
	u8 mode;		/* 0-5 */
	u8 access;		/* 1 LSB, 2 MSB, 3 LSB then MSB */
	bool bcd;
	bool loaded;		/* a count was written */
	bool write_msb;		/* the next write is the MSB */
	bool read_msb;		/* the next read is the MSB */
	u8 write_lsb;
	bool latched;
	u16 latch;
	bool status_latched;
	u8 status;
	bool gate;
};

struct myvdev_pit {
	struct myvdev_pit_channel ch[3];
	bool speaker;		/* port 0x61 bit 1 */
	bool refresh;		/* port 0x61 bit 4, toggles on each read */
};

/* What channel 0's interrupt timer must do after a write. */
enum myvdev_pit_timer {
	MYVDEV_PIT_TIMER_KEEP,
	MYVDEV_PIT_TIMER_STOP,
	MYVDEV_PIT_TIMER_START,
};

void myvdev_pit_init(struct myvdev_pit *pit);
enum myvdev_pit_timer myvdev_pit_write(struct myvdev_pit *pit, u16 port,
				       u8 val, u64 now);
u8 myvdev_pit_read(struct myvdev_pit *pit, u16 port, u64 now);
u16 myvdev_pit_count(const struct myvdev_pit_channel *c, u64 now);
bool myvdev_pit_out(const struct myvdev_pit_channel *c, u64 now);
u64 myvdev_pit_ticks_to_ns(u64 ticks);
u64 myvdev_pit_irq0_delay(const struct myvdev_pit *pit);
bool myvdev_pit_irq0_periodic(const struct myvdev_pit *pit);

#endif /* _MYVDEV_PIT_H */
