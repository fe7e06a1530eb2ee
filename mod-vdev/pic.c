// SPDX-License-Identifier: GPL-2.0
/*
 * The 8259A pair, as the Intel 8259A data sheet describes it: the
 * initialization sequence (ICW1-ICW4), the operation commands (OCW1 mask,
 * OCW2 EOI and rotation, OCW3 register reads, poll and special mask),
 * fully nested priority with rotation, edge- and level-triggered lines
 * (ELCR) and the slave cascaded on the master's IRQ 2.  A request with
 * nothing left to deliver at INTA gives the spurious IRQ 7.
 */
#include <kunit/visibility.h>
#include <linux/module.h>

#include "pic.h"

#define MYVDEV_CASCADE_IRQ	2

/* The priority rank of @irq: 0 is served first. */
static unsigned int myvdev_8259_rank(const struct myvdev_8259 *c,
				     unsigned int irq)
{
	return (irq - c->priority_base) & 7;
}

/* The line of @bits with the highest priority, or -1. */
static int myvdev_8259_highest(const struct myvdev_8259 *c, u8 bits)
{
	unsigned int i;

	for (i = 0; i < 8; i++) {
		unsigned int irq = (c->priority_base + i) & 7;

		if (bits & (1 << irq))
			return irq;
	}
	return -1;
}

/* The request the chip presents on INTR, or -1. */
static int myvdev_8259_output(const struct myvdev_8259 *c)
{
	int irq = myvdev_8259_highest(c, c->irr & ~c->imr);
	u8 in_service = c->isr;
	int busy;

	if (irq < 0)
		return -1;
	/* Special mask mode: masked lines in service block nobody. */
	if (c->special_mask)
		in_service &= ~c->imr;
	busy = myvdev_8259_highest(c, in_service);
	if (busy >= 0 && myvdev_8259_rank(c, busy) <= myvdev_8259_rank(c, irq))
		return -1;
	return irq;
}

static void myvdev_8259_set_line(struct myvdev_8259 *c, unsigned int line,
				 bool level)
{
	u8 bit = 1 << line;

	if (c->elcr & bit) {
		if (level)
			c->irr |= bit;
		else
			c->irr &= ~bit;
	} else if (level && !(c->lines & bit)) {
		c->irr |= bit;		/* rising edge */
	}
	if (level)
		c->lines |= bit;
	else
		c->lines &= ~bit;
}

/* The slave's output is the master's IRQ 2 line. */
static void myvdev_pic_cascade(struct myvdev_pic *pic)
{
	myvdev_8259_set_line(&pic->chip[0], MYVDEV_CASCADE_IRQ,
			     myvdev_8259_output(&pic->chip[1]) >= 0);
}

/*
 * A level-triggered request is the line itself; an edge-triggered one
 * stays latched in the IRR.
 */
static void myvdev_8259_level_requests(struct myvdev_8259 *c)
{
	c->irr = (c->irr & ~c->elcr) | (c->lines & c->elcr);
}

/*
 * ICW1 resets the chip but not its input lines (the devices still drive
 * them) nor the ELCR (a PIIX register): an edge-triggered line already
 * high needs a new edge, a level-triggered one requests at once.
 */
static void myvdev_8259_reset(struct myvdev_8259 *c)
{
	u8 elcr = c->elcr, mask = c->elcr_mask, lines = c->lines;

	memset(c, 0, sizeof(*c));
	c->elcr = elcr;
	c->elcr_mask = mask;
	c->lines = lines;
	myvdev_8259_level_requests(c);
}

void myvdev_pic_init(struct myvdev_pic *pic)
{
	memset(pic, 0, sizeof(*pic));
	/* IRQ 0, 1, 2, 8 and 13 are edge-triggered on every PC. */
	pic->chip[0].elcr_mask = 0xf8;
	pic->chip[1].elcr_mask = 0xde;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_init);

/* Line @irq (0-15) goes to @level. */
void myvdev_pic_set_irq(struct myvdev_pic *pic, unsigned int irq, bool level)
{
	if (irq >= 16)
		return;
	myvdev_8259_set_line(&pic->chip[irq >> 3], irq & 7, level);
	myvdev_pic_cascade(pic);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_set_irq);

bool myvdev_pic_pending(struct myvdev_pic *pic)
{
	return myvdev_8259_output(&pic->chip[0]) >= 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_pending);

/* INTA on one chip: the request goes in service; the vector or -1. */
static int myvdev_8259_ack(struct myvdev_8259 *c)
{
	int irq = myvdev_8259_output(c);
	u8 bit;

	if (irq < 0)
		return -1;
	bit = 1 << irq;
	/* A level-triggered request stays while its line is high. */
	if (!(c->elcr & bit) || !(c->lines & bit))
		c->irr &= ~bit;
	if (!c->auto_eoi)
		c->isr |= bit;
	else if (c->rotate_on_aeoi)
		c->priority_base = (irq + 1) & 7;
	return irq;
}

/* The INTA cycle: the vector of the interrupt now in service. */
u8 myvdev_pic_ack(struct myvdev_pic *pic)
{
	struct myvdev_8259 *master = &pic->chip[0], *slave = &pic->chip[1];
	int irq = myvdev_8259_ack(master);
	u8 vector;

	if (irq < 0) {
		vector = master->vector_base | 7;	/* spurious */
	} else if (irq == MYVDEV_CASCADE_IRQ && !master->single) {
		int sirq = myvdev_8259_ack(slave);

		vector = slave->vector_base | (sirq < 0 ? 7 : sirq);
	} else {
		vector = master->vector_base | irq;
	}
	myvdev_pic_cascade(pic);
	return vector;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_ack);

static void myvdev_8259_eoi(struct myvdev_8259 *c, int irq, bool rotate)
{
	if (irq < 0)
		return;
	c->isr &= ~(1 << irq);
	if (rotate)
		c->priority_base = (irq + 1) & 7;
}

/* OCW2: the command in bits 7-5, the line in bits 2-0. */
static void myvdev_8259_ocw2(struct myvdev_8259 *c, u8 val)
{
	unsigned int line = val & 7;

	switch (val >> 5) {
	case 0:				/* rotate in AEOI mode: clear */
	case 4:				/* rotate in AEOI mode: set */
		c->rotate_on_aeoi = val >> 7;
		break;
	case 1:				/* non-specific EOI */
	case 5:				/* rotate on non-specific EOI */
		myvdev_8259_eoi(c, myvdev_8259_highest(c, c->isr), val >> 7);
		break;
	case 3:				/* specific EOI */
	case 7:				/* rotate on specific EOI */
		myvdev_8259_eoi(c, line, val >> 7);
		break;
	case 6:				/* set priority: @line lowest */
		c->priority_base = (line + 1) & 7;
		break;
	}
}

static void myvdev_8259_write(struct myvdev_8259 *c, bool data, u8 val)
{
	if (!data) {
		if (val & 0x10) {		/* ICW1 */
			myvdev_8259_reset(c);
			c->need_icw4 = val & 1;
			c->single = val & 2;
			c->init_step = 2;
		} else if (val & 0x08) {	/* OCW3 */
			c->poll = val & 4;
			if (val & 2)
				c->read_isr = val & 1;
			if (val & 0x40)
				c->special_mask = val & 0x20;
		} else {
			myvdev_8259_ocw2(c, val);
		}
		return;
	}
	switch (c->init_step) {
	case 2:					/* ICW2: the vector base */
		c->vector_base = val & 0xf8;
		c->init_step = !c->single ? 3 : c->need_icw4 ? 4 : 0;
		break;
	case 3:					/* ICW3: cascade wiring */
		c->init_step = c->need_icw4 ? 4 : 0;
		break;
	case 4:					/* ICW4 */
		c->auto_eoi = val & 2;
		c->init_step = 0;
		break;
	default:				/* OCW1: the mask */
		c->imr = val;
	}
}

/* Poll command: the highest request, acknowledged, as bit 7 plus line. */
static u8 myvdev_8259_poll(struct myvdev_pic *pic, struct myvdev_8259 *c)
{
	int irq;

	c->poll = false;
	irq = myvdev_8259_ack(c);
	myvdev_pic_cascade(pic);
	return irq < 0 ? 0 : 0x80 | irq;
}

void myvdev_pic_write(struct myvdev_pic *pic, u16 port, u8 val)
{
	switch (port) {
	case 0x20: case 0x21: case 0xa0: case 0xa1:
		myvdev_8259_write(&pic->chip[port >> 7], port & 1, val);
		break;
	case 0x4d0: case 0x4d1:
		pic->chip[port & 1].elcr = val & pic->chip[port & 1].elcr_mask;
		myvdev_8259_level_requests(&pic->chip[port & 1]);
		break;
	}
	myvdev_pic_cascade(pic);
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_write);

u8 myvdev_pic_read(struct myvdev_pic *pic, u16 port)
{
	struct myvdev_8259 *c;

	switch (port) {
	case 0x20: case 0x21: case 0xa0: case 0xa1:
		c = &pic->chip[port >> 7];
		if (c->poll)
			return myvdev_8259_poll(pic, c);
		if (port & 1)
			return c->imr;
		return c->read_isr ? c->isr : c->irr;
	case 0x4d0: case 0x4d1:
		return pic->chip[port & 1].elcr;
	}
	return 0xff;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_pic_read);
