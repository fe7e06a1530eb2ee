/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CMOS RTC and its 128 bytes at 0x70-0x71, as the MC146818 data sheet
 * has them: the date and time read from the host's clock (BCD or binary,
 * 24-hour or 12-hour as register B says), never updating (register A's
 * UIP stays clear), no alarm or periodic interrupts.  Pure state.
 */
#ifndef _MYVDEV_CMOS_H
#define _MYVDEV_CMOS_H

#include <linux/time64.h>
#include <linux/types.h>

struct myvdev_cmos {
	u8 index;
	u8 ram[128];
};

void myvdev_cmos_init(struct myvdev_cmos *cmos);
void myvdev_cmos_write(struct myvdev_cmos *cmos, u16 port, u8 val);
u8 myvdev_cmos_read(struct myvdev_cmos *cmos, u16 port, time64_t now);

#endif /* _MYVDEV_CMOS_H */
