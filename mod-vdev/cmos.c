// SPDX-License-Identifier: GPL-2.0
/* The CMOS RTC: see cmos.h. */
#include <kunit/visibility.h>
#include <linux/bcd.h>
#include <linux/mc146818rtc.h>
#include <linux/module.h>
#include <linux/time.h>

#include "cmos.h"

void myvdev_cmos_init(struct myvdev_cmos *cmos)
{
	memset(cmos, 0, sizeof(*cmos));
	cmos->ram[RTC_REG_A] = 0x26;		/* 32.768 kHz, 1024 Hz */
	cmos->ram[RTC_REG_B] = RTC_24H;		/* BCD, 24-hour */
	cmos->ram[RTC_REG_D] = RTC_VRT;		/* the battery is good */
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_cmos_init);

void myvdev_cmos_write(struct myvdev_cmos *cmos, u16 port, u8 val)
{
	if (port == 0x70) {
		cmos->index = val & 0x7f;	/* bit 7 masks NMIs */
		return;
	}
	switch (cmos->index) {
	case RTC_REG_A:
		cmos->ram[RTC_REG_A] = val & 0x7f;	/* UIP is read-only */
		break;
	case RTC_REG_C:
	case RTC_REG_D:
		break;				/* read-only */
	default:
		/* Setting the clock is accepted and forgotten. */
		if (cmos->index > RTC_YEAR ||
		    cmos->index == RTC_SECONDS_ALARM ||
		    cmos->index == RTC_MINUTES_ALARM ||
		    cmos->index == RTC_HOURS_ALARM)
			cmos->ram[cmos->index] = val;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_cmos_write);

static u8 myvdev_cmos_time(const struct myvdev_cmos *cmos, unsigned int index,
			   time64_t now)
{
	u8 b = cmos->ram[RTC_REG_B];
	struct tm tm;
	int v;

	time64_to_tm(now, 0, &tm);
	switch (index) {
	case RTC_SECONDS:
		v = tm.tm_sec;
		break;
	case RTC_MINUTES:
		v = tm.tm_min;
		break;
	case RTC_HOURS:
		v = tm.tm_hour;
		if (!(b & RTC_24H)) {
			bool pm = v >= 12;

			v = v % 12 ?: 12;
			v = (b & RTC_DM_BINARY ? v : bin2bcd(v)) |
			    (pm ? 0x80 : 0);
			return v;
		}
		break;
	case RTC_DAY_OF_WEEK:
		v = tm.tm_wday + 1;
		break;
	case RTC_DAY_OF_MONTH:
		v = tm.tm_mday;
		break;
	case RTC_MONTH:
		v = tm.tm_mon + 1;
		break;
	default:			/* RTC_YEAR */
		v = tm.tm_year % 100;
	}
	return b & RTC_DM_BINARY ? v : bin2bcd(v);
}

u8 myvdev_cmos_read(struct myvdev_cmos *cmos, u16 port, time64_t now)
{
	if (port == 0x70)
		return 0xff;
	if (cmos->index <= RTC_YEAR && cmos->index != RTC_SECONDS_ALARM &&
	    cmos->index != RTC_MINUTES_ALARM && cmos->index != RTC_HOURS_ALARM)
		return myvdev_cmos_time(cmos, cmos->index, now);
	return cmos->ram[cmos->index];
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_cmos_read);
