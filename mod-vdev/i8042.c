// SPDX-License-Identifier: GPL-2.0
/* The i8042's commands a guest uses to probe it and to reset the CPU. */
#include <kunit/visibility.h>
#include <linux/module.h>

#include "i8042.h"

#define MYVDEV_KBC_STATUS_OBF		0x01
#define MYVDEV_KBC_STATUS_SYS		0x04
#define MYVDEV_KBC_STATUS_CMD		0x08
#define MYVDEV_KBC_STATUS_UNLOCKED	0x10

void myvdev_i8042_init(struct myvdev_i8042 *kbc)
{
	memset(kbc, 0, sizeof(*kbc));
	kbc->command_byte = 0x45;	/* IRQ 1, system flag, translate */
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_init);

static void myvdev_i8042_reply(struct myvdev_i8042 *kbc, u8 byte)
{
	kbc->output = byte;
	kbc->output_full = true;
}

/* Returns true when the write resets the CPU. */
bool myvdev_i8042_write(struct myvdev_i8042 *kbc, u16 port, u8 val)
{
	u8 pending = kbc->pending;

	kbc->pending = 0;
	kbc->last_command = port == 0x64;
	if (port == 0x60) {
		if (pending == 0x60)
			kbc->command_byte = val;
		else if (pending == 0xd1)
			return !(val & 1);	/* output port bit 0: reset */
		return false;			/* no keyboard to talk to */
	}
	switch (val) {
	case 0x20:				/* read the command byte */
		myvdev_i8042_reply(kbc, kbc->command_byte);
		break;
	case 0x60:				/* write the command byte */
	case 0xd1:				/* write the output port */
		kbc->pending = val;
		break;
	case 0xaa:				/* self-test: passed */
		myvdev_i8042_reply(kbc, 0x55);
		break;
	case 0xab:				/* keyboard interface test */
		myvdev_i8042_reply(kbc, 0x00);
		break;
	default:
		/* Pulse output lines: bit 0 clear pulses the reset line. */
		if (val >= 0xf0 && !(val & 1))
			return true;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_write);

u8 myvdev_i8042_read(struct myvdev_i8042 *kbc, u16 port)
{
	if (port == 0x64)
		return (kbc->command_byte & MYVDEV_KBC_STATUS_SYS) |
		       MYVDEV_KBC_STATUS_UNLOCKED |
		       (kbc->last_command ? MYVDEV_KBC_STATUS_CMD : 0) |
		       (kbc->output_full ? MYVDEV_KBC_STATUS_OBF : 0);
	kbc->output_full = false;
	return kbc->output;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_read);
