/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The i8042 keyboard controller at 0x60 (data) and 0x64 (status and
 * command), as far as a guest needs it without a keyboard: its
 * self-tests, the command byte, and the CPU reset line (command 0xfe, or
 * the output port's bit 0 cleared through command 0xd1).  Pure state.
 */
#ifndef _MYVDEV_I8042_H
#define _MYVDEV_I8042_H

#include <linux/types.h>

struct myvdev_i8042 {
	u8 command_byte;
	u8 output;		/* the byte for the guest at 0x60 */
	bool output_full;
	u8 pending;		/* a command waiting for its data byte */
	bool last_command;	/* the last byte written went to 0x64 */
};

void myvdev_i8042_init(struct myvdev_i8042 *kbc);
bool myvdev_i8042_write(struct myvdev_i8042 *kbc, u16 port, u8 val);
u8 myvdev_i8042_read(struct myvdev_i8042 *kbc, u16 port);

#endif /* _MYVDEV_I8042_H */
