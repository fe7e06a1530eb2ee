// SPDX-License-Identifier: GPL-2.0
/*
 * The i8042 and its keyboard.  The keyboard speaks scan code set 2 and
 * the controller translates it to set 1 (command byte bit 6, as a PC's
 * firmware leaves it), so the bytes here are set 1.
 */
#include <kunit/visibility.h>
#include <linux/errno.h>
#include <linux/module.h>

#include "i8042.h"

#define MYVDEV_KBC_STATUS_OBF		0x01
#define MYVDEV_KBC_STATUS_SYS		0x04
#define MYVDEV_KBC_STATUS_CMD		0x08
#define MYVDEV_KBC_STATUS_UNLOCKED	0x10

#define MYVDEV_KBC_CTR_KBDINT		0x01
#define MYVDEV_KBC_CTR_KBDDIS		0x10
#define MYVDEV_KBC_CTR_XLATE		0x40

#define MYVDEV_KBD_ACK			0xfa
#define MYVDEV_KBD_RESEND		0xfe
#define MYVDEV_KBD_BAT_OK		0xaa

void myvdev_i8042_init(struct myvdev_i8042 *kbc)
{
	memset(kbc, 0, sizeof(*kbc));
	kbc->command_byte = 0x45;	/* IRQ 1, system flag, translate */
	kbc->scanning = true;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_init);

/*
 * A byte now in the output buffer interrupts, if enabled: whatever its
 * source, as on a real 8042, so that a reply the guest left unread is
 * taken by its interrupt handler instead of blocking the keyboard.
 */
static void myvdev_i8042_loaded(struct myvdev_i8042 *kbc)
{
	if (kbc->count && (kbc->command_byte & MYVDEV_KBC_CTR_KBDINT))
		kbc->irq = true;
}

static void myvdev_i8042_push(struct myvdev_i8042 *kbc, u8 byte)
{
	if (kbc->count == MYVDEV_I8042_FIFO)
		return;			/* overrun: the byte is lost */
	kbc->fifo[(kbc->head + kbc->count) % MYVDEV_I8042_FIFO] = byte;
	if (!kbc->count++)
		myvdev_i8042_loaded(kbc);
}

/* A byte the guest sends the keyboard (port 0x60, no command pending). */
static void myvdev_i8042_keyboard(struct myvdev_i8042 *kbc, u8 val)
{
	bool xlate = kbc->command_byte & MYVDEV_KBC_CTR_XLATE;

	/*
	 * The data byte of 0xed (LEDs), 0xf0 (scan set), 0xf3 (rate) is
	 * below 0xed; a command byte instead starts over.
	 */
	if (kbc->keyboard_pending && val < 0xed) {
		bool get_set = kbc->keyboard_pending == 0xf0 && !val;

		kbc->keyboard_pending = 0;
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		if (get_set)			/* set 2, as translated */
			myvdev_i8042_push(kbc, xlate ? 0x41 : 0x02);
		return;
	}
	kbc->keyboard_pending = 0;
	switch (val) {
	case 0xff:				/* reset: then the self-test */
		kbc->scanning = true;
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		myvdev_i8042_push(kbc, MYVDEV_KBD_BAT_OK);
		break;
	case 0xf2:				/* identify: an MF2 keyboard */
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		myvdev_i8042_push(kbc, 0xab);
		myvdev_i8042_push(kbc, xlate ? 0x41 : 0x83);
		break;
	case 0xed: case 0xf0: case 0xf3:
		kbc->keyboard_pending = val;
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xf4:				/* enable scanning */
	case 0xf5:				/* disable, defaults */
		kbc->scanning = val == 0xf4;
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xf6:				/* defaults */
		myvdev_i8042_push(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xee:				/* echo */
		myvdev_i8042_push(kbc, 0xee);
		break;
	default:
		myvdev_i8042_push(kbc, MYVDEV_KBD_RESEND);
	}
}

/* Returns true when the write resets the CPU. */
bool myvdev_i8042_write(struct myvdev_i8042 *kbc, u16 port, u8 val)
{
	u8 pending = kbc->pending;

	kbc->pending = 0;
	kbc->last_command = port == 0x64;
	if (port == 0x60) {
		if (pending == 0x60) {
			kbc->command_byte = val;
			kbc->driver_seen = true;
			myvdev_i8042_loaded(kbc);
		} else if (pending == 0xd1) {
			return !(val & 1);	/* output port bit 0: reset */
		} else if (pending == 0xd2) {
			myvdev_i8042_push(kbc, val);
		} else if (pending == 0xd3) {
			/* AUX loopback: the byte comes back, not as AUX data. */
			myvdev_i8042_push(kbc, val);
		} else if (!pending) {
			myvdev_i8042_keyboard(kbc, val);
		}
		return false;
	}
	switch (val) {
	case 0x20:				/* read the command byte */
		myvdev_i8042_push(kbc, kbc->command_byte);
		break;
	case 0x60:				/* write the command byte */
	case 0xd1:				/* write the output port */
	case 0xd2:				/* write as if from the keyboard */
	case 0xd3:				/* AUX loopback */
	case 0xd4:				/* write to the AUX device */
		kbc->pending = val;
		break;
	case 0xa9:				/* AUX interface test */
		myvdev_i8042_push(kbc, 0x02);	/* clock stuck: no port */
		break;
	case 0xaa:				/* self-test: passed */
		myvdev_i8042_push(kbc, 0x55);
		break;
	case 0xab:				/* keyboard interface test */
		myvdev_i8042_push(kbc, 0x00);
		break;
	case 0xad:				/* disable, enable the keyboard */
	case 0xae:
		kbc->command_byte &= ~MYVDEV_KBC_CTR_KBDDIS;
		if (val == 0xad)
			kbc->command_byte |= MYVDEV_KBC_CTR_KBDDIS;
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
		       (kbc->count ? MYVDEV_KBC_STATUS_OBF : 0);
	if (!kbc->count)
		return kbc->last_output;
	kbc->last_output = kbc->fifo[kbc->head];
	kbc->head = (kbc->head + 1) % MYVDEV_I8042_FIFO;
	kbc->count--;
	myvdev_i8042_loaded(kbc);
	return kbc->last_output;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_read);

/* Whether IRQ 1 is to be pulsed now; clears the request. */
bool myvdev_i8042_take_irq(struct myvdev_i8042 *kbc)
{
	bool irq = kbc->irq;

	kbc->irq = false;
	return irq;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_take_irq);

/*
 * The host types Ctrl-Alt-Del: presses and releases, in set 1.  -ENODEV
 * when no driver listens to the keyboard (the guest never wrote the
 * command byte, or turned the keyboard, its interrupt, its scanning or
 * the translation to set 1 off), -EBUSY when the keys would not fit in
 * the FIFO.
 */
int myvdev_i8042_ctrl_alt_del(struct myvdev_i8042 *kbc)
{
	static const u8 keys[] = {
		0x1d, 0x38, 0xe0, 0x53,		/* Ctrl, Alt, Delete down */
		0xe0, 0xd3, 0xb8, 0x9d,		/* and up */
	};
	unsigned int i;

	if (!kbc->driver_seen || !kbc->scanning ||
	    (kbc->command_byte & (MYVDEV_KBC_CTR_KBDINT |
				  MYVDEV_KBC_CTR_KBDDIS |
				  MYVDEV_KBC_CTR_XLATE)) !=
	    (MYVDEV_KBC_CTR_KBDINT | MYVDEV_KBC_CTR_XLATE))
		return -ENODEV;
	if (kbc->count + ARRAY_SIZE(keys) > MYVDEV_I8042_FIFO)
		return -EBUSY;
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		myvdev_i8042_push(kbc, keys[i]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_ctrl_alt_del);
