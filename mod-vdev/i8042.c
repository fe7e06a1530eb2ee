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

static bool myvdev_i8042_head_is_key(struct myvdev_i8042 *kbc)
{
	return kbc->count && (kbc->from_keyboard & 1);
}

/* A keyboard byte now in the output buffer interrupts, if enabled. */
static void myvdev_i8042_loaded(struct myvdev_i8042 *kbc)
{
	if (myvdev_i8042_head_is_key(kbc) &&
	    (kbc->command_byte & MYVDEV_KBC_CTR_KBDINT))
		kbc->irq = true;
}

static void myvdev_i8042_push(struct myvdev_i8042 *kbc, u8 byte, bool key)
{
	if (kbc->count == MYVDEV_I8042_FIFO)
		return;			/* overrun: the byte is lost */
	kbc->fifo[(kbc->head + kbc->count) % MYVDEV_I8042_FIFO] = byte;
	if (key)
		kbc->from_keyboard |= BIT(kbc->count);
	if (!kbc->count++)
		myvdev_i8042_loaded(kbc);
}

static void myvdev_i8042_reply(struct myvdev_i8042 *kbc, u8 byte)
{
	myvdev_i8042_push(kbc, byte, false);
}

static void myvdev_i8042_keyboard_says(struct myvdev_i8042 *kbc, u8 byte)
{
	myvdev_i8042_push(kbc, byte, true);
}

/* A byte the guest sends the keyboard (port 0x60, no command pending). */
static void myvdev_i8042_keyboard(struct myvdev_i8042 *kbc, u8 val)
{
	if (kbc->keyboard_pending) {
		/* The data byte of 0xed (LEDs), 0xf0 (scan set), 0xf3 (rate). */
		kbc->keyboard_pending = 0;
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		return;
	}
	switch (val) {
	case 0xff:				/* reset: then the self-test */
		kbc->scanning = true;
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_BAT_OK);
		break;
	case 0xf2:				/* identify: an MF2 keyboard */
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		myvdev_i8042_keyboard_says(kbc, 0xab);
		myvdev_i8042_keyboard_says(kbc, 0x41);	/* 0x83, translated */
		break;
	case 0xed: case 0xf0: case 0xf3:
		kbc->keyboard_pending = val;
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xf4:				/* enable scanning */
	case 0xf5:				/* disable, defaults */
		kbc->scanning = val == 0xf4;
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xf6:				/* defaults */
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_ACK);
		break;
	case 0xee:				/* echo */
		myvdev_i8042_keyboard_says(kbc, 0xee);
		break;
	default:
		myvdev_i8042_keyboard_says(kbc, MYVDEV_KBD_RESEND);
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
			myvdev_i8042_keyboard_says(kbc, val);
		} else if (pending == 0xd3) {
			/* AUX loopback: the byte comes back, not as AUX data. */
			myvdev_i8042_reply(kbc, val);
		} else if (!pending) {
			myvdev_i8042_keyboard(kbc, val);
		}
		return false;
	}
	switch (val) {
	case 0x20:				/* read the command byte */
		myvdev_i8042_reply(kbc, kbc->command_byte);
		break;
	case 0x60:				/* write the command byte */
	case 0xd1:				/* write the output port */
	case 0xd2:				/* write as if from the keyboard */
	case 0xd3:				/* AUX loopback */
	case 0xd4:				/* write to the AUX device */
		kbc->pending = val;
		break;
	case 0xa9:				/* AUX interface test */
		myvdev_i8042_reply(kbc, 0x02);	/* clock stuck: no port */
		break;
	case 0xaa:				/* self-test: passed */
		myvdev_i8042_reply(kbc, 0x55);
		break;
	case 0xab:				/* keyboard interface test */
		myvdev_i8042_reply(kbc, 0x00);
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
	kbc->from_keyboard >>= 1;
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
 * command byte, or turned the keyboard, its interrupt or its scanning
 * off), -EBUSY when the keys would not fit in the FIFO.
 */
int myvdev_i8042_ctrl_alt_del(struct myvdev_i8042 *kbc)
{
	static const u8 keys[] = {
		0x1d, 0x38, 0xe0, 0x53,		/* Ctrl, Alt, Delete down */
		0xe0, 0xd3, 0xb8, 0x9d,		/* and up */
	};
	unsigned int i;

	if (!kbc->driver_seen || !kbc->scanning ||
	    !(kbc->command_byte & MYVDEV_KBC_CTR_KBDINT) ||
	    (kbc->command_byte & MYVDEV_KBC_CTR_KBDDIS))
		return -ENODEV;
	if (kbc->count + ARRAY_SIZE(keys) > MYVDEV_I8042_FIFO)
		return -EBUSY;
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		myvdev_i8042_keyboard_says(kbc, keys[i]);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_i8042_ctrl_alt_del);
