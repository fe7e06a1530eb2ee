/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The i8042 keyboard controller at 0x60 (data) and 0x64 (status and
 * command), with a PS/2 keyboard behind it: the controller's self-tests,
 * its command byte and the CPU reset line (command 0xfe, or the output
 * port's bit 0 cleared through command 0xd1); the keyboard's answers to
 * what a driver asks it (reset, identify, LEDs, rate, scan set, enable),
 * and one key combination the host can type: Ctrl-Alt-Del, the clean
 * stop of a PC without ACPI.  There is no AUX (mouse) port.  Bytes for the
 * guest wait in a FIFO; the one at its head is the output buffer.  A
 * byte reaching the head raises IRQ 1 when the command byte enables it.
 * Pure state: the platform pulses the line.
 */
#ifndef _MYVDEV_I8042_H
#define _MYVDEV_I8042_H

#include <linux/types.h>

#define MYVDEV_I8042_FIFO	16

struct myvdev_i8042 {
	u8 command_byte;
	u8 fifo[MYVDEV_I8042_FIFO];	/* bytes for the guest at 0x60 */
	u8 head, count;
	u8 last_output;		/* what 0x60 reads while the FIFO is empty */
	u8 pending;		/* a controller command awaiting its data */
	u8 keyboard_pending;	/* a keyboard command awaiting its data */
	bool last_command;	/* the last byte written went to 0x64 */
	bool driver_seen;	/* the guest wrote the command byte */
	bool scanning;		/* the keyboard sends keys */
	bool irq;		/* an edge on IRQ 1 is due */
};

void myvdev_i8042_init(struct myvdev_i8042 *kbc);
bool myvdev_i8042_write(struct myvdev_i8042 *kbc, u16 port, u8 val);
u8 myvdev_i8042_read(struct myvdev_i8042 *kbc, u16 port);
bool myvdev_i8042_take_irq(struct myvdev_i8042 *kbc);
int myvdev_i8042_ctrl_alt_del(struct myvdev_i8042 *kbc);

#endif /* _MYVDEV_I8042_H */
