/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pair of 8259A programmable interrupt controllers of a PC: the
 * master at 0x20 with the slave cascaded on its IRQ 2 (slave at 0xa0),
 * and the edge/level control registers at 0x4d0-0x4d1.  Pure state; the
 * caller serializes.
 */
#ifndef _MYVDEV_PIC_H
#define _MYVDEV_PIC_H

#include <linux/types.h>

struct myvdev_8259 {
	u8 irr, isr, imr;
	u8 lines;		/* the input lines' levels */
	u8 elcr;		/* level-triggered lines */
	u8 elcr_mask;		/* lines that may be level-triggered */
	u8 vector_base;		/* ICW2 */
	u8 priority_base;	/* the line with the highest priority */
	u8 init_step;		/* the ICW expected next: 2..4, or 0 */
	bool need_icw4, single, auto_eoi, rotate_on_aeoi;
	bool special_mask, poll, read_isr;
};

struct myvdev_pic {
	struct myvdev_8259 chip[2];	/* master, slave */
};

void myvdev_pic_init(struct myvdev_pic *pic);
void myvdev_pic_set_irq(struct myvdev_pic *pic, unsigned int irq, bool level);
bool myvdev_pic_pending(struct myvdev_pic *pic);
u8 myvdev_pic_ack(struct myvdev_pic *pic);
void myvdev_pic_write(struct myvdev_pic *pic, u16 port, u8 val);
u8 myvdev_pic_read(struct myvdev_pic *pic, u16 port);

#endif /* _MYVDEV_PIC_H */
