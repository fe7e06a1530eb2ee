// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvdev's PC device models, driven through their ports as a guest
 * drives them.  The 8259A pair (Linux's init_8259A sequence, vectors,
 * fully nested priority, IMR, the cascade, ELCR level and edge lines,
 * specific and non-specific EOI, rotation, special mask, poll mode,
 * spurious IRQ 7 and 15, auto-EOI), the 8254 (counts derived from the
 * time given, modes 0, 2 and 3, latch and read-back, the access modes,
 * count 0, channel 2 behind port 0x61 as Linux's TSC calibration uses it,
 * what channel 0's timer must do), the 16550A (THR, the divisor latch,
 * LSR, the receive FIFO, IIR with FIFOs, the data and THRE interrupts
 * gated by OUT2, loopback as 8250 autoconfig probes it, scratch, FCR),
 * the MC146818 RTC (BCD and binary, 24- and 12-hour, status registers,
 * RAM, the NMI bit, the alarm bytes) and the i8042 (self-test, command
 * byte, status register, reset, its keyboard's replies and IRQ 1, the
 * absent AUX port, Ctrl-Alt-Del).  Every expected value is written out
 * by hand from the Intel 8259A and 8254, NS16550A, Motorola MC146818 and
 * i8042 data sheets, and from what Linux's drivers expect.
 */
#include <kunit/test.h>
#include <linux/mc146818rtc.h>
#include <linux/serial_reg.h>

#include "../../mod-vdev/cmos.h"
#include "../../mod-vdev/i8042.h"
#include "../../mod-vdev/pic.h"
#include "../../mod-vdev/pit.h"
#include "../../mod-vdev/uart.h"

/* The 8259A pair */

/*
 * Linux's init_8259A with the vector base Linux uses on x86-64 (0x30 and
 * 0x38), every line then unmasked.  @master_icw4 is 0x01 (8086 mode,
 * normal EOI) or 0x03 (auto-EOI).
 */
static void pic_setup(struct myvdev_pic *pic, u8 master_icw4)
{
	myvdev_pic_init(pic);
	myvdev_pic_write(pic, 0x21, 0xff);	/* mask all of the master */
	myvdev_pic_write(pic, 0x20, 0x11);	/* ICW1: edge, cascade, ICW4 */
	myvdev_pic_write(pic, 0x21, 0x30);	/* ICW2: vectors 0x30-0x37 */
	myvdev_pic_write(pic, 0x21, 0x04);	/* ICW3: a slave on IR2 */
	myvdev_pic_write(pic, 0x21, master_icw4);	/* ICW4 */
	myvdev_pic_write(pic, 0xa0, 0x11);
	myvdev_pic_write(pic, 0xa1, 0x38);	/* vectors 0x38-0x3f */
	myvdev_pic_write(pic, 0xa1, 0x02);	/* its cascade identity: 2 */
	myvdev_pic_write(pic, 0xa1, 0x01);
	myvdev_pic_write(pic, 0x21, 0x00);	/* OCW1: unmask everything */
	myvdev_pic_write(pic, 0xa1, 0x00);
}

/* A pulse on an edge-triggered line, as the PIT's timer gives IRQ 0. */
static void pic_edge(struct myvdev_pic *pic, unsigned int irq)
{
	myvdev_pic_set_irq(pic, irq, true);
	myvdev_pic_set_irq(pic, irq, false);
}

/* OCW3 0x0b selects the ISR for reads of @cmd, 0x0a the IRR again. */
static u8 pic_isr(struct myvdev_pic *pic, u16 cmd)
{
	u8 isr;

	myvdev_pic_write(pic, cmd, 0x0b);
	isr = myvdev_pic_read(pic, cmd);
	myvdev_pic_write(pic, cmd, 0x0a);
	return isr;
}

/* ICW1-ICW4 are taken in order and leave the IMR clear; then OCW1. */
static void pic_init_sequence(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	/* ICW1 cleared the 0xff written before it; the ICWs left it alone. */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa1), 0x00);
	/* probe_8259A: the mask register reads back what was written. */
	myvdev_pic_write(&pic, 0x21, 0xa5);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0xa5);
	myvdev_pic_write(&pic, 0x21, 0x00);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x00);	/* IRR */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa0), 0x00);

	/* ICW1 also selects the IRR for reads and clears IMR and ISR. */
	myvdev_pic_write(&pic, 0x20, 0x0b);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x21, 0xfe);
	myvdev_pic_write(&pic, 0x20, 0x11);
	myvdev_pic_write(&pic, 0x21, 0x30);
	myvdev_pic_write(&pic, 0x21, 0x04);
	myvdev_pic_write(&pic, 0x21, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0x00);
	pic_edge(&pic, 1);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x02);	/* IRR */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);

	/* ICW1 0x10 (no ICW4): ICW2 and ICW3, then the next byte is OCW1. */
	myvdev_pic_init(&pic);
	myvdev_pic_write(&pic, 0x20, 0x10);
	myvdev_pic_write(&pic, 0x21, 0x20);
	myvdev_pic_write(&pic, 0x21, 0x04);
	myvdev_pic_write(&pic, 0x21, 0xf0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0xf0);
	pic_edge(&pic, 4);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x10);	/* IRR */
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));	/* masked */
	pic_edge(&pic, 3);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x18);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));

	/* ICW1 0x13 (single, ICW4): no ICW3, IR2 is an ordinary line. */
	myvdev_pic_init(&pic);
	myvdev_pic_write(&pic, 0x20, 0x13);
	myvdev_pic_write(&pic, 0x21, 0x08);	/* ICW2: the BIOS's base */
	myvdev_pic_write(&pic, 0x21, 0x01);	/* ICW4 */
	myvdev_pic_write(&pic, 0x21, 0xfb);	/* OCW1: only IR2 open */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0xfb);
	pic_edge(&pic, 2);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x0a);
}

/* An edge on IRQ 0: vector 0x30, in service until the EOI. */
static void pic_irq0_edge_and_eoi(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x01);	/* IRR */
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	/* INTA moved the request from IRR to ISR. */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x00);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x01);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));

	/* A second edge is requested but waits for the EOI. */
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x01);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x20);	/* OCW2: non-specific EOI */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	/* An EOI with nothing in service changes nothing. */
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
}

/* Fully nested mode: IR0 highest, IR7 lowest, the slave at IR2's level. */
static void pic_priority(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	pic_edge(&pic, 3);
	pic_edge(&pic, 1);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x0a);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x31);
	/* IR3 is below IR1, which is in service: it waits. */
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x33);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x08);

	/* IR1 above the in-service IR3 interrupts it: both in service. */
	pic_edge(&pic, 1);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x31);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x0a);
	/* A non-specific EOI ends the highest one in service: IR1. */
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x08);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);

	/* IR5 below the in-service IR4 does not interrupt it. */
	pic_edge(&pic, 4);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	pic_edge(&pic, 5);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* The slave's lines rank between IR1 and IR3. */
	pic_edge(&pic, 3);
	pic_edge(&pic, 8);
	pic_edge(&pic, 1);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x31);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x38);
	myvdev_pic_write(&pic, 0xa0, 0x20);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x33);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
}

/* OCW1: a masked request stays in IRR but is not presented. */
static void pic_mask(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	myvdev_pic_write(&pic, 0x21, 0x01);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x01);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	/* A lower unmasked line is served past the masked one. */
	pic_edge(&pic, 6);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x36);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x21, 0x00);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* The slave's mask, and the master's IR2 masking the whole slave. */
	myvdev_pic_write(&pic, 0xa1, 0x08);
	pic_edge(&pic, 11);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa0), 0x08);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x21, 0x04);
	myvdev_pic_write(&pic, 0xa1, 0x00);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x21, 0x00);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3b);
}

/* IRQ 8-15 reach the CPU through the master's IR2; Linux EOIs both. */
static void pic_cascade(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	pic_edge(&pic, 10);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa0), 0x04);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x04);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3a);	/* 0x38 + 2 */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x04);	/* IR2 */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0xa0), 0x04);	/* IR10 */

	/* A new IRQ 10 waits for the EOI to the slave and to the master. */
	pic_edge(&pic, 10);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0xa0, 0x62);	/* specific EOI, IR2 (10) */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0xa0), 0x00);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x62);	/* specific EOI, IR2 */
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3a);
	myvdev_pic_write(&pic, 0xa0, 0x62);
	myvdev_pic_write(&pic, 0x20, 0x62);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));

	/* The EOIs in the other order work as well. */
	pic_edge(&pic, 15);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3f);
	pic_edge(&pic, 15);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0xa0, 0x20);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3f);
	myvdev_pic_write(&pic, 0xa0, 0x20);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* Two slave lines: the higher first, the other after both EOIs. */
	pic_edge(&pic, 13);
	pic_edge(&pic, 8);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x38);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0xa0, 0x20);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3d);
	myvdev_pic_write(&pic, 0xa0, 0x20);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
}

/*
 * ELCR: a level-triggered request follows its line; an edge-triggered
 * one is latched by the rising edge (and, as in KVM and QEMU, kept when
 * the line falls before INTA: the timer pulses IRQ 0).  IRQ 0, 1, 2, 8
 * and 13 are always edge-triggered.
 */
static void pic_level_and_edge(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	myvdev_pic_write(&pic, 0x4d0, 0xff);
	myvdev_pic_write(&pic, 0x4d1, 0xff);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x4d0), 0xf8);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x4d1), 0xde);
	myvdev_pic_write(&pic, 0x4d0, 0x27);	/* IRQ 5; 0-2 refused */
	myvdev_pic_write(&pic, 0x4d1, 0x08);	/* IRQ 11 */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x4d0), 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x4d1), 0x08);

	/* Level IRQ 5: requested again after the EOI while still high. */
	myvdev_pic_set_irq(&pic, 5, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
	/* The device lowers its line in the handler: no more request. */
	myvdev_pic_set_irq(&pic, 5, false);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x00);
	/* A level that falls before INTA withdraws its request. */
	myvdev_pic_set_irq(&pic, 5, true);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 5, false);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));

	/* Edge IRQ 4 held high: one interrupt, then a new edge is needed. */
	myvdev_pic_set_irq(&pic, 4, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 4, true);	/* still high: no edge */
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 4, false);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 4, true);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	/* A latched edge survives the line's fall. */
	myvdev_pic_set_irq(&pic, 4, false);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* IRQ 0 cannot be made level-triggered: a held line is one edge. */
	myvdev_pic_set_irq(&pic, 0, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 0, false);

	/* Level IRQ 11 through the cascade: back after both EOIs. */
	myvdev_pic_set_irq(&pic, 11, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3b);
	myvdev_pic_write(&pic, 0xa0, 0x63);
	myvdev_pic_write(&pic, 0x20, 0x62);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3b);
	myvdev_pic_set_irq(&pic, 11, false);
	myvdev_pic_write(&pic, 0xa0, 0x63);
	myvdev_pic_write(&pic, 0x20, 0x62);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
}

/*
 * The input lines are the devices', not the chip's: ICW1 and the ELCR
 * change how the chip sees them, not their levels.
 */
static void pic_lines_survive_reinit(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	myvdev_pic_set_irq(&pic, 4, true);	/* edge, held high */
	myvdev_pic_set_irq(&pic, 5, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* Level-triggered now: IRQ 5's high line requests, no edge needed. */
	myvdev_pic_write(&pic, 0x4d0, 0x30);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/* ICW1 again: the levels still request; both lines still high. */
	myvdev_pic_write(&pic, 0x20, 0x11);
	myvdev_pic_write(&pic, 0x21, 0x08);
	myvdev_pic_write(&pic, 0x21, 0x04);
	myvdev_pic_write(&pic, 0x21, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x30);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x0c);

	/* Edge-triggered again: requests stay latched once, then need edges. */
	myvdev_pic_write(&pic, 0x4d0, 0x00);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x0c);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x0d);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_set_irq(&pic, 4, false);
	myvdev_pic_set_irq(&pic, 4, true);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x0c);
}

/* OCW2 0x60|n ends IRn whatever its priority. */
static void pic_specific_eoi(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	pic_edge(&pic, 3);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x33);
	pic_edge(&pic, 1);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x31);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x0a);
	myvdev_pic_write(&pic, 0x20, 0x63);	/* the lower one, IR3 */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x02);
	myvdev_pic_write(&pic, 0x20, 0x67);	/* IR7: not in service */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x02);
	myvdev_pic_write(&pic, 0x20, 0x61);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	/* OCW2 0x40 is a no-op. */
	pic_edge(&pic, 6);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x36);
	myvdev_pic_write(&pic, 0x20, 0x40);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x40);
}

/* Rotation: set priority, rotate on non-specific and specific EOI. */
static void pic_rotation(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	/* OCW2 0xc3: IR3 lowest, so IR4 highest: 4 5 6 7 0 1 2 3. */
	myvdev_pic_write(&pic, 0x20, 0xc3);
	pic_edge(&pic, 1);
	pic_edge(&pic, 5);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
	/* IR1 now ranks below the in-service IR5. */
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x31);
	myvdev_pic_write(&pic, 0x20, 0x20);
	myvdev_pic_write(&pic, 0x20, 0xc7);	/* IR7 lowest: the default */

	/* OCW2 0xa0: the line just served becomes the lowest. */
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x20, 0xa0);	/* order 1 2 ... 7 0 */
	pic_edge(&pic, 0);
	pic_edge(&pic, 7);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0xa0);	/* order 0 1 ... 7 again */
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	pic_edge(&pic, 5);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);

	/* OCW2 0xe0|n: ends IRn and makes it the lowest. */
	myvdev_pic_write(&pic, 0x20, 0xe5);	/* order 6 7 0 ... 5 */
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	pic_edge(&pic, 5);
	pic_edge(&pic, 6);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x36);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
}

/* OCW3 0x68: masked lines in service no longer block lower ones. */
static void pic_special_mask(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	pic_edge(&pic, 3);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x33);
	myvdev_pic_write(&pic, 0x21, 0x08);	/* mask IR3 */
	pic_edge(&pic, 5);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x68);	/* set special mask */
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
	myvdev_pic_write(&pic, 0x20, 0x65);
	myvdev_pic_write(&pic, 0x20, 0x48);	/* reset special mask */
	pic_edge(&pic, 5);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	myvdev_pic_write(&pic, 0x20, 0x63);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x35);
}

/* OCW3 0x0c: the next read is the poll word, acknowledging the IRQ. */
static void pic_poll(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	myvdev_pic_write(&pic, 0x20, 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x00);	/* none */
	pic_edge(&pic, 3);
	pic_edge(&pic, 6);
	myvdev_pic_write(&pic, 0x20, 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x83);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x08);
	/* One read ends poll mode: the next read is the IRR again. */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x40);
	myvdev_pic_write(&pic, 0x20, 0x20);
	myvdev_pic_write(&pic, 0x20, 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x86);
	myvdev_pic_write(&pic, 0x20, 0x20);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));

	/* The slave: the master polls IR2, then the slave its own line. */
	pic_edge(&pic, 12);
	myvdev_pic_write(&pic, 0x20, 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x82);
	myvdev_pic_write(&pic, 0xa0, 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa0), 0x84);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0xa0), 0x10);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x04);
}

/* INTA with no request left: IR7's vector, nothing put in service. */
static void pic_spurious(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	/* A request masked after INTR rose gives the spurious IRQ 7 too. */
	pic_edge(&pic, 4);
	myvdev_pic_write(&pic, 0x21, 0x10);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	myvdev_pic_write(&pic, 0x21, 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x34);
	myvdev_pic_write(&pic, 0x20, 0x20);

	/*
	 * The slave's request vanishes after the master latched IR2: the
	 * master acknowledges IR2, the slave answers with its IR7 (IRQ 15).
	 */
	pic_edge(&pic, 12);
	myvdev_pic_write(&pic, 0xa1, 0x10);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x3f);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0xa0), 0x00);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x04);
}

/* ICW4 bit 1: the INTA ends the interrupt itself. */
static void pic_auto_eoi(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x03);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_TRUE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	/* No rotation yet: IR0 keeps the highest priority. */
	pic_edge(&pic, 7);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	/* OCW2 0x80: rotate in auto-EOI mode; IR0 served goes lowest. */
	myvdev_pic_write(&pic, 0x20, 0x80);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	pic_edge(&pic, 0);
	pic_edge(&pic, 7);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	/* OCW2 0x00 stops rotating: IR0 went lowest at the last INTA. */
	myvdev_pic_write(&pic, 0x20, 0x00);
	myvdev_pic_write(&pic, 0x20, 0xc7);
	pic_edge(&pic, 7);
	pic_edge(&pic, 0);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x30);
	KUNIT_EXPECT_EQ(test, myvdev_pic_ack(&pic), 0x37);
	KUNIT_EXPECT_EQ(test, pic_isr(&pic, 0x20), 0x00);
}

/* Lines 16 and up do not exist. */
static void pic_irq_out_of_range(struct kunit *test)
{
	struct myvdev_pic pic;

	pic_setup(&pic, 0x01);
	myvdev_pic_set_irq(&pic, 16, true);	/* not IRQ 0 */
	myvdev_pic_set_irq(&pic, 24, true);	/* not IRQ 8 */
	myvdev_pic_set_irq(&pic, ~0U, true);
	KUNIT_EXPECT_FALSE(test, myvdev_pic_pending(&pic));
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x20), 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0xa0), 0x00);
	/* Nor are other ports the PIC's. */
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x22), 0xff);
	myvdev_pic_write(&pic, 0x22, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_pic_read(&pic, 0x21), 0x00);
}

/* The 8254 */

/*
 * @ticks whole ticks of the 1.193182 MHz clock after @t: ticks_to_ns
 * rounds down, so one more nanosecond makes floor(ns * 1193182 / 10^9)
 * exactly @ticks (a tick is 838.1 ns).
 */
static u64 pit_at(u64 t, u64 ticks)
{
	return t + myvdev_pit_ticks_to_ns(ticks) + 1;
}

/* Half a tick later: safely inside tick @ticks. */
static u64 pit_mid(u64 t, u64 ticks)
{
	return t + myvdev_pit_ticks_to_ns(ticks) + 419;
}

#define PIT_T0	1000000000ULL	/* an arbitrary start: 1 s */

/* The unlatched count of channel @ch, LSB then MSB (access mode 3). */
static u16 pit_read16(struct myvdev_pit *pit, unsigned int ch, u64 now)
{
	u8 lsb = myvdev_pit_read(pit, 0x40 + ch, now);

	return lsb | myvdev_pit_read(pit, 0x40 + ch, now) << 8;
}

/* Ticks and nanoseconds at 1193182 Hz. */
static void pit_ticks_to_ns(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, myvdev_pit_ticks_to_ns(0), 0ULL);
	KUNIT_EXPECT_EQ(test, myvdev_pit_ticks_to_ns(1), 838ULL);	/* 838.095 */
	KUNIT_EXPECT_EQ(test, myvdev_pit_ticks_to_ns(1193), 999847ULL);
	KUNIT_EXPECT_EQ(test, myvdev_pit_ticks_to_ns(65536), 54925401ULL);
	KUNIT_EXPECT_EQ(test, myvdev_pit_ticks_to_ns(1193182), 1000000000ULL);
}

/* The state after power-on. */
static void pit_init_state(struct kunit *test)
{
	struct myvdev_pit pit;
	unsigned int i;

	myvdev_pit_init(&pit);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, pit.ch[i].reload, 0x10000U);
		KUNIT_EXPECT_EQ(test, pit.ch[i].access, 3);
	}
	/* Channels 0 and 1 are gated on, channel 2 by port 0x61 (off). */
	KUNIT_EXPECT_TRUE(test, pit.ch[0].gate);
	KUNIT_EXPECT_TRUE(test, pit.ch[1].gate);
	KUNIT_EXPECT_FALSE(test, pit.ch[2].gate);
	/* Port 0x61: bit 4 toggles on each read (refresh), the rest 0. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0), 0x10);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0), 0x00);
	/* The control word cannot be read back. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x43, PIT_T0), 0xff);
}

/*
 * Mode 2 as Linux's PIT clockevent programs it (0x34: channel 0,
 * LSB/MSB, rate generator): N, N - 1, ... 1, N again; OUT low while the
 * count is 1.
 */
static void pit_mode2_counts_and_wraps(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[0];

	myvdev_pit_init(&pit);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0),
			MYVDEV_PIT_TIMER_STOP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0xa9, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x04, PIT_T0),
			MYVDEV_PIT_TIMER_START);	/* 0x4a9: 1193 */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, PIT_T0), 1193);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, PIT_T0), 1193);
	/* 838 ns is 0.9999 of a tick, 839 ns 1.0011. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, PIT_T0 + 838), 1193);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, PIT_T0 + 839), 1192);
	/* A time before the load counts as the load. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, PIT_T0 - 5000), 1193);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 100)), 1093);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 100)), 1093);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 1191)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 1192)), 1);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 1192)));
	/* Reloaded at the 1193rd tick, OUT high again. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 1193)), 1193);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 1193)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 1193 + 500)),
			693);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 10 * 1193 + 7)),
			1186);
	/* IRQ 0 every 1193 ticks, from the load. */
	KUNIT_EXPECT_TRUE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 999847ULL);
	/* Mode 6 is mode 2 (the control word's bit 3 is "don't care"). */
	myvdev_pit_write(&pit, 0x43, 0x3c, PIT_T0);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, c->mode, 2);
}

/* The counter latch command (0x00) freezes the count until read. */
static void pit_latch(struct kunit *test)
{
	struct myvdev_pit pit;
	u64 t100 = pit_at(PIT_T0, 100);

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0xa9, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0x04, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x00, t100),
			MYVDEV_PIT_TIMER_KEEP);	/* a latch stops nothing */
	/* 1093 = 0x445, read much later, LSB then MSB. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 300)),
			0x45);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 600)),
			0x04);
	/* Read out: the counter is live again (1193 - 700 = 493 = 0x1ed). */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 700)), 493);
	/* A second latch before the first is read is ignored. */
	myvdev_pit_write(&pit, 0x43, 0x00, pit_at(PIT_T0, 800));	/* 393 */
	myvdev_pit_write(&pit, 0x43, 0x00, pit_at(PIT_T0, 900));	/* 293 */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 1000)), 393);
	/* The latch of another channel leaves channel 0 live. */
	myvdev_pit_write(&pit, 0x43, 0x40, pit_at(PIT_T0, 1000));
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 1100)), 93);
	/* Channel 1, never loaded, latched the model's initial 0 (65536). */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 1, pit_at(PIT_T0, 1100)), 0);
}

/* Mode 0: OUT low from the control word until the count reaches 0. */
static void pit_mode0_out(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[0];

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0);	/* OUT high in mode 2 */
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, PIT_T0));
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x30, PIT_T0),
			MYVDEV_PIT_TIMER_STOP);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, PIT_T0));
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 5000)));
	myvdev_pit_write(&pit, 0x40, 100, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, PIT_T0));
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 99)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 99)), 1);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 100)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 100)), 0);
	/* The count goes on down through 0xffff; OUT stays high. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 101)), 0xffff);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 70000)));
	/* One interrupt, 100 ticks after the load. */
	KUNIT_EXPECT_FALSE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 83809ULL);
	/* A new control word drops OUT again. */
	myvdev_pit_write(&pit, 0x43, 0x30, pit_at(PIT_T0, 200));
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 201)));
}

/* Mode 3 (0x36): a square wave, the count going down by two. */
static void pit_mode3_square_wave(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[0];

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x43, 0x36, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0xe8, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0x03, PIT_T0);	/* 1000 */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, PIT_T0), 1000);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 1)), 998);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 499)), 2);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 499)));
	/* Half-way: reloaded, OUT low for the second half. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 500)), 1000);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 500)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 750)), 500);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 999)));
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 1000)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 1000)), 1000);
	/* IRQ 0 on each rising OUT: every 1000 ticks. */
	KUNIT_EXPECT_TRUE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 838095ULL);
	/* Mode 7 is mode 3. */
	myvdev_pit_write(&pit, 0x43, 0x3e, PIT_T0);
	KUNIT_EXPECT_EQ(test, c->mode, 3);
	/* Modes 1, 4 and 5 are one-shots. */
	myvdev_pit_write(&pit, 0x43, 0x38, PIT_T0);	/* mode 4 */
	KUNIT_EXPECT_FALSE(test, myvdev_pit_irq0_periodic(&pit));
}

/*
 * Channel 2 as Linux's pit_calibrate_tsc uses it: gate on through port
 * 0x61 (speaker off), mode 0 (0xb0), CAL_LATCH = 1193182 / 100 = 11931
 * (0x2e9b), then poll port 0x61 bit 5 (OUT2) for the terminal count.
 */
static void pit_channel2_tsc_calibration(struct kunit *test)
{
	struct myvdev_pit pit;
	u8 v;

	myvdev_pit_init(&pit);
	v = myvdev_pit_read(&pit, 0x61, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x61, (v & ~0x02) | 0x01,
					       PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0) & 0x03, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0xb0, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);	/* not channel 0 */
	myvdev_pit_write(&pit, 0x42, 0x9b, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x42, 0x2e, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0) & 0x20, 0);
	KUNIT_EXPECT_EQ(test,
			myvdev_pit_read(&pit, 0x61, pit_at(PIT_T0, 11930)) & 0x20,
			0);
	KUNIT_EXPECT_EQ(test,
			myvdev_pit_read(&pit, 0x61, pit_at(PIT_T0, 11931)) & 0x20,
			0x20);
	/* 10 ms: ticks_to_ns(11931) = 9999312 ns. */
	KUNIT_EXPECT_EQ(test,
			myvdev_pit_read(&pit, 0x61, PIT_T0 + 10000000) & 0x20,
			0x20);
	/* The speaker bit reads back. */
	myvdev_pit_write(&pit, 0x61, 0x03, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0) & 0x03, 0x03);

	/*
	 * quick_pit_calibrate: 0xffff, read back without a latch; the MSB
	 * stays 0xff for the first 255 ticks (0xffff - 255 = 0xff00).
	 */
	myvdev_pit_write(&pit, 0x61, 0x01, PIT_T0);
	myvdev_pit_write(&pit, 0x43, 0xb0, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0xff, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0xff, PIT_T0);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 2, pit_at(PIT_T0, 255)), 0xff00);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 2, pit_at(PIT_T0, 256)), 0xfeff);
}

/*
 * Channel 2's gate in mode 2: the count waits while the gate is low
 * (OUT high), and a rising gate starts it from the initial count.
 */
static void pit_channel2_gate_mode2(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[2];
	u64 t1 = pit_at(PIT_T0, 5000);

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x43, 0xb4, PIT_T0);	/* channel 2, mode 2 */
	myvdev_pit_write(&pit, 0x42, 0xe8, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0x03, PIT_T0);	/* 1000 */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 2, pit_at(PIT_T0, 300)), 1000);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 999)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, PIT_T0) & 0x21, 0x20);
	myvdev_pit_write(&pit, 0x61, 0x01, t1);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, t1), 1000);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(t1, 10)), 990);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(t1, 999)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(t1, 1000)), 1000);
	/* Gate low forces OUT high; rising again restarts the period. */
	myvdev_pit_write(&pit, 0x61, 0x00, pit_at(t1, 1999));
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(t1, 1999)));
	myvdev_pit_write(&pit, 0x61, 0x01, pit_at(t1, 2500));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(t1, 2500)), 1000);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(t1, 2600)), 900);
	/* The gate is channel 2's only: channel 0 runs regardless. */
	KUNIT_EXPECT_TRUE(test, pit.ch[0].gate);
}

/*
 * A gate going low suspends counting (8254 data sheet, modes 0, 2, 3).
 * Mode 0: "GATE = 0 disables counting. GATE has no effect on OUT": the
 * count holds while the gate is low and goes on from there when it
 * rises; OUT, high once the count reached 0, stays high.  Mode 2: the
 * count holds and OUT is high while the gate is low; a rising gate
 * reloads the initial count.
 */
static void pit_gate_low_suspends_counting(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[2];
	u64 rise = pit_at(PIT_T0, 900);

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x61, 0x01, PIT_T0);
	myvdev_pit_write(&pit, 0x43, 0xb0, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0xe8, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0x03, PIT_T0);	/* 1000 */
	myvdev_pit_write(&pit, 0x61, 0x00, pit_at(PIT_T0, 400));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 400)), 600);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 899)), 600);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_mid(PIT_T0, 899)));
	myvdev_pit_write(&pit, 0x61, 0x01, rise);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(rise, 100)), 500);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_mid(rise, 599)));
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_mid(rise, 600)));
	/* Terminal count reached: the gate going low leaves OUT high. */
	myvdev_pit_write(&pit, 0x61, 0x00, pit_mid(rise, 700));
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_mid(rise, 800)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x61, pit_mid(rise, 800)) & 0x20,
			0x20);

	/* Mode 2, started by a rising gate at PIT_T0. */
	myvdev_pit_write(&pit, 0x43, 0xb4, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0xe8, PIT_T0);
	myvdev_pit_write(&pit, 0x42, 0x03, PIT_T0);	/* 1000 */
	myvdev_pit_write(&pit, 0x61, 0x01, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 300)), 700);
	myvdev_pit_write(&pit, 0x61, 0x00, pit_at(PIT_T0, 300));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 600)), 700);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_mid(PIT_T0, 999)));
	myvdev_pit_write(&pit, 0x61, 0x01, pit_at(PIT_T0, 800));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 800)), 1000);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_mid(PIT_T0, 900)), 900);
}

/* The read-back command: 11 /COUNT /STATUS CNT2 CNT1 CNT0 0. */
static void pit_readback(struct kunit *test)
{
	struct myvdev_pit pit;

	myvdev_pit_init(&pit);
	myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0);
	/*
	 * 0xe2 latches channel 0's status: OUT 1 (mode 2), null count 1 (no
	 * count yet), access 3 (0x30), mode 2 (0x04), binary: 0xf4.
	 */
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0xe2, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 0xf4);
	myvdev_pit_write(&pit, 0x40, 0xa9, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0x04, PIT_T0);
	/* The count loaded: null count 0. */
	myvdev_pit_write(&pit, 0x43, 0xe2, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 0xb4);
	/* OUT low while the count is 1; status latched once until read. */
	myvdev_pit_write(&pit, 0x43, 0xe2, pit_at(PIT_T0, 1192));
	myvdev_pit_write(&pit, 0x43, 0xe2, pit_at(PIT_T0, 1193));
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 1193)),
			0x34);
	/* Status read: the next reads are the live count again. */
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 1193 + 3)),
			1190);

	/* 0xd2 latches channel 0's count only (1093 = 0x445). */
	myvdev_pit_write(&pit, 0x43, 0xd2, pit_at(PIT_T0, 100));
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 200)), 0x445);

	/* 0xc2: both; the status is read first, then LSB and MSB. */
	myvdev_pit_write(&pit, 0x43, 0xc2, pit_at(PIT_T0, 100));
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 300)),
			0xb4);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 300)), 0x445);

	/*
	 * 0xe8 latches channel 2's status, channel 0 untouched: mode 0
	 * (0xb0) not loaded yet: OUT 0, null count 1, access 3: 0x70.
	 */
	myvdev_pit_write(&pit, 0x43, 0xb0, PIT_T0);
	myvdev_pit_write(&pit, 0x43, 0xe8, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x42, PIT_T0), 0x70);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 400)), 793);
	/* 0x57: channel 1, LSB only, mode 3, BCD; OUT high, null count: 0xd7. */
	myvdev_pit_write(&pit, 0x43, 0x57, PIT_T0);
	myvdev_pit_write(&pit, 0x43, 0xe4, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x41, PIT_T0), 0xd7);
}

/* Access modes 1 (LSB only) and 2 (MSB only); a count of 0 is 65536. */
static void pit_access_modes_and_count0(struct kunit *test)
{
	struct myvdev_pit pit;
	struct myvdev_pit_channel *c = &pit.ch[0];

	myvdev_pit_init(&pit);
	/* 0x14: LSB only, mode 2: one byte loads the count. */
	myvdev_pit_write(&pit, 0x43, 0x14, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 100, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	KUNIT_EXPECT_EQ(test, c->reload, 100U);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 100);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 100);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 30)),
			70);
	/* A latched LSB-only count is one byte: the next read is live. */
	myvdev_pit_write(&pit, 0x43, 0x00, pit_at(PIT_T0, 40));
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 50)),
			60);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 50)),
			50);

	/* 0x24: MSB only: 0x02 is a count of 0x200 = 512. */
	myvdev_pit_write(&pit, 0x43, 0x24, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x02, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	KUNIT_EXPECT_EQ(test, c->reload, 512U);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 0x02);
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, PIT_T0), 0x02);
	/* 501 = 0x1f5 */
	KUNIT_EXPECT_EQ(test, myvdev_pit_read(&pit, 0x40, pit_at(PIT_T0, 11)),
			0x01);

	/* 0x34 with 0, 0: 65536 ticks, read as 0, then 0xffff. */
	myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0, PIT_T0);
	myvdev_pit_write(&pit, 0x40, 0, PIT_T0);
	KUNIT_EXPECT_EQ(test, c->reload, 0x10000U);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, PIT_T0), 0);
	KUNIT_EXPECT_EQ(test, pit_read16(&pit, 0, pit_at(PIT_T0, 1)), 0xffff);
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 65535)), 1);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_out(c, pit_at(PIT_T0, 65535)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_count(c, pit_at(PIT_T0, 65536)), 0);
	KUNIT_EXPECT_TRUE(test, myvdev_pit_out(c, pit_at(PIT_T0, 65536)));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 54925401ULL);
}

/* What channel 0's interrupt timer must do after each write. */
static void pit_channel0_timer_actions(struct kunit *test)
{
	struct myvdev_pit pit;

	myvdev_pit_init(&pit);
	/* A channel-0 control word stops it until the count is written. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x34, PIT_T0),
			MYVDEV_PIT_TIMER_STOP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x9c, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x2e, PIT_T0),
			MYVDEV_PIT_TIMER_START);	/* 11932: Linux's HZ=100 */
	/* Rewriting the count (same mode) starts it again. */
	myvdev_pit_write(&pit, 0x40, 0xa9, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x04, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	/* Latches, read-back and the other channels change nothing. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x00, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0xc2, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x74, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x41, 0x12, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x41, 0x00, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x42, 0x12, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x61, 0x03, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x44, 0x00, PIT_T0),
			MYVDEV_PIT_TIMER_KEEP);
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 999847ULL);
	/* Linux's one-shot clockevent: mode 4 (0x38), one interrupt. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x38, PIT_T0),
			MYVDEV_PIT_TIMER_STOP);
	myvdev_pit_write(&pit, 0x40, 0x9c, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0x2e, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 10000150ULL);
	/* Linux's shutdown of the PIT: mode 0 (0x30), count 0. */
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x43, 0x30, PIT_T0),
			MYVDEV_PIT_TIMER_STOP);
	myvdev_pit_write(&pit, 0x40, 0, PIT_T0);
	KUNIT_EXPECT_EQ(test, myvdev_pit_write(&pit, 0x40, 0, PIT_T0),
			MYVDEV_PIT_TIMER_START);
	KUNIT_EXPECT_FALSE(test, myvdev_pit_irq0_periodic(&pit));
	KUNIT_EXPECT_EQ(test, myvdev_pit_irq0_delay(&pit), 54925401ULL);
}

/* The 16550A */

struct test_uart {
	struct myvdev_uart uart;
	u8 out[64];
	unsigned int n;
};

static void test_uart_tx(struct myvdev_uart *uart, u8 byte)
{
	struct test_uart *t = container_of(uart, struct test_uart, uart);

	if (t->n < sizeof(t->out))
		t->out[t->n] = byte;
	t->n++;
}

static void uart_setup(struct test_uart *t)
{
	memset(t, 0, sizeof(*t));
	myvdev_uart_init(&t->uart, test_uart_tx);
}

/* THR goes out; DLAB puts the divisor latch at registers 0 and 1. */
static void uart_tx_and_dlab(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	myvdev_uart_write(&t.uart, UART_TX, 'o');
	myvdev_uart_write(&t.uart, UART_TX, 'k');
	KUNIT_EXPECT_EQ(test, t.n, 2U);
	KUNIT_EXPECT_EQ(test, t.out[0], 'o');
	KUNIT_EXPECT_EQ(test, t.out[1], 'k');

	/* 115200 8N1 as the 8250 driver sets it: divisor 1. */
	myvdev_uart_write(&t.uart, UART_IER, 0x05);
	myvdev_uart_write(&t.uart, UART_LCR, 0x83);	/* DLAB, 8 bits */
	myvdev_uart_write(&t.uart, UART_DLL, 0x01);
	myvdev_uart_write(&t.uart, UART_DLM, 0x00);
	KUNIT_EXPECT_EQ(test, t.n, 2U);		/* DLL is not THR */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_DLL), 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_DLM), 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LCR), 0x83);
	myvdev_uart_write(&t.uart, UART_LCR, 0x03);
	/* IER kept its value under the divisor latch. */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IER), 0x05);
	myvdev_uart_write(&t.uart, UART_TX, '!');
	KUNIT_EXPECT_EQ(test, t.n, 3U);
	KUNIT_EXPECT_EQ(test, t.out[2], '!');
	/* And the divisor its own. */
	myvdev_uart_write(&t.uart, UART_LCR, 0x80);
	myvdev_uart_write(&t.uart, UART_DLL, 0x0c);	/* 9600 */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_DLL), 0x0c);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_DLM), 0x00);
	myvdev_uart_write(&t.uart, UART_LCR, 0x03);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IER), 0x05);
	/* IER holds its four defined bits, MCR its five. */
	myvdev_uart_write(&t.uart, UART_IER, 0xff);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IER), 0x0f);
	myvdev_uart_write(&t.uart, UART_MCR, 0xff);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MCR), 0x1f);
}

/* LSR: the transmitter always empty (THRE 0x20, TEMT 0x40), DR 0x01. */
static void uart_lsr(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	myvdev_uart_write(&t.uart, UART_TX, 'x');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	KUNIT_EXPECT_TRUE(test, myvdev_uart_receive(&t.uart, 'a'));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x61);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x61);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'a');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
}

/* The 16-byte receive FIFO, in order, the 17th byte refused. */
static void uart_rx_fifo(struct kunit *test)
{
	struct test_uart t;
	unsigned int i;

	uart_setup(&t);
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_TRUE(test, myvdev_uart_receive(&t.uart, 0x40 + i));
	KUNIT_EXPECT_FALSE(test, myvdev_uart_receive(&t.uart, 0x50));
	for (i = 0; i < 16; i++) {
		KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR) &
				UART_LSR_DR, UART_LSR_DR);
		KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX),
				0x40 + i);
	}
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR) & UART_LSR_DR, 0);

	/* Across the ring's end: 10 in, 5 out, 11 in (16 held), 1 refused. */
	for (i = 0; i < 10; i++)
		myvdev_uart_receive(&t.uart, i);
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), i);
	for (i = 10; i < 21; i++)
		KUNIT_EXPECT_TRUE(test, myvdev_uart_receive(&t.uart, i));
	KUNIT_EXPECT_FALSE(test, myvdev_uart_receive(&t.uart, 21));
	for (i = 5; i < 21; i++)
		KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), i);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	/* Under DLAB register 0 is DLL: no byte is taken. */
	myvdev_uart_receive(&t.uart, 'z');
	myvdev_uart_write(&t.uart, UART_LCR, 0x80);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 0x00);
	myvdev_uart_write(&t.uart, UART_LCR, 0x03);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'z');
}

/* IIR: 0x01 for none; bits 7-6 set with the FIFOs enabled (16550A). */
static void uart_iir_fifo_bits(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	/* What 8250 autoconfig looks at: IIR >> 6 == 3 is a 16550A. */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc1);
	/* Linux's usual FCR: FIFO, clear both, trigger at 14 bytes. */
	myvdev_uart_write(&t.uart, UART_FCR, 0xc7);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc1);
	/* No 64-byte FIFO (IIR bit 5) for FCR bit 5 (a 16750 test). */
	myvdev_uart_write(&t.uart, UART_FCR, 0x21);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc1);
	myvdev_uart_write(&t.uart, UART_FCR, 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
}

/* Received data: IIR 0x04 with IER.RDI; the line only with MCR.OUT2. */
static void uart_rx_interrupt(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	myvdev_uart_receive(&t.uart, 'a');
	/* Not enabled: no interrupt. */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_OUT2);
	KUNIT_EXPECT_FALSE(test, myvdev_uart_irq(&t.uart));
	myvdev_uart_write(&t.uart, UART_IER, UART_IER_RDI);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x04);
	KUNIT_EXPECT_TRUE(test, myvdev_uart_irq(&t.uart));
	/* OUT2 clear: the PC's interrupt line is disconnected. */
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_DTR | UART_MCR_RTS);
	KUNIT_EXPECT_FALSE(test, myvdev_uart_irq(&t.uart));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x04);
	myvdev_uart_write(&t.uart, UART_MCR, 0x0b);	/* DTR RTS OUT2 */
	KUNIT_EXPECT_TRUE(test, myvdev_uart_irq(&t.uart));
	/* Reading IIR does not clear it; reading the data does. */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x04);
	KUNIT_EXPECT_TRUE(test, myvdev_uart_irq(&t.uart));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'a');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	KUNIT_EXPECT_FALSE(test, myvdev_uart_irq(&t.uart));
	/* With the FIFOs on: 0xc4. */
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	myvdev_uart_receive(&t.uart, 'b');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc4);
	/* IER.RDI off again: nothing. */
	myvdev_uart_write(&t.uart, UART_IER, 0);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc1);
	KUNIT_EXPECT_FALSE(test, myvdev_uart_irq(&t.uart));
}

/*
 * THRE: enabling IER.THRI with THR empty raises it (IIR 0x02), reading
 * IIR while it is reported clears it, writing THR raises it again; 8250
 * startup's UART_BUG_THRE and UART_BUG_TXEN tests rely on this.
 */
static void uart_thre_interrupt(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_OUT2);
	myvdev_uart_write(&t.uart, UART_IER, UART_IER_THRI);
	KUNIT_EXPECT_TRUE(test, myvdev_uart_irq(&t.uart));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x02);
	KUNIT_EXPECT_FALSE(test, myvdev_uart_irq(&t.uart));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	/* Rewriting IER with THRI already set raises nothing. */
	myvdev_uart_write(&t.uart, UART_IER, UART_IER_THRI);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	/* Off and on again: raised again. */
	myvdev_uart_write(&t.uart, UART_IER, 0);
	myvdev_uart_write(&t.uart, UART_IER, UART_IER_THRI);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x02);
	myvdev_uart_write(&t.uart, UART_TX, 'x');
	KUNIT_EXPECT_TRUE(test, myvdev_uart_irq(&t.uart));
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x02);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);

	/* Received data ranks above THRE, which waits behind it. */
	myvdev_uart_write(&t.uart, UART_IER, UART_IER_RDI | UART_IER_THRI);
	myvdev_uart_write(&t.uart, UART_TX, 'y');
	myvdev_uart_receive(&t.uart, 'r');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x04);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x04);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'r');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x02);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0x01);
	KUNIT_EXPECT_EQ(test, t.n, 2U);
}

/*
 * Loopback: MCR's DTR, RTS, OUT1 and OUT2 come back as MSR's DSR, CTS,
 * RI and DCD; 8250 autoconfig writes 0x1a (LOOP, OUT2, RTS) and wants
 * MSR & 0xf0 == 0x90 (DCD, CTS).  THR comes back as received data.
 */
static void uart_loopback(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	/* Not in loopback: a terminal is there (DCD, DSR, CTS). */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR), 0xb0);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_LOOP | 0x0a);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR) & 0xf0, 0x90);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_LOOP | UART_MCR_DTR);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR) & 0xf0, 0x20);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_LOOP | UART_MCR_OUT1);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR) & 0xf0, 0x40);
	myvdev_uart_write(&t.uart, UART_MCR, UART_MCR_LOOP);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR) & 0xf0, 0x00);
	myvdev_uart_write(&t.uart, UART_MCR, 0x1f);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR) & 0xf0, 0xf0);

	myvdev_uart_write(&t.uart, UART_TX, 0x5a);
	myvdev_uart_write(&t.uart, UART_TX, 0xa5);
	KUNIT_EXPECT_EQ(test, t.n, 0U);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x61);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 0x5a);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 0xa5);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	/* Loopback off: THR goes out again. */
	myvdev_uart_write(&t.uart, UART_MCR, 0x0b);
	myvdev_uart_write(&t.uart, UART_TX, 'q');
	KUNIT_EXPECT_EQ(test, t.n, 1U);
	KUNIT_EXPECT_EQ(test, t.out[0], 'q');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_MSR), 0xb0);
}

/* The scratch register keeps any byte; FCR bit 1 empties the FIFO. */
static void uart_scratch_and_fcr_clear(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	myvdev_uart_write(&t.uart, UART_SCR, 0x5a);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_SCR), 0x5a);
	myvdev_uart_write(&t.uart, UART_SCR, 0xa5);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_SCR), 0xa5);
	myvdev_uart_write(&t.uart, UART_LCR, 0x80);	/* not behind DLAB */
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_SCR), 0xa5);
	myvdev_uart_write(&t.uart, UART_LCR, 0x03);

	/* serial8250_clear_fifos: 0x01, 0x07; the FIFOs stay enabled. */
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	myvdev_uart_receive(&t.uart, 'a');
	myvdev_uart_receive(&t.uart, 'b');
	myvdev_uart_receive(&t.uart, 'c');
	myvdev_uart_write(&t.uart, UART_FCR, 0x07);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_IIR), 0xc1);
	/* Emptied, the FIFO takes 16 bytes again, in order. */
	myvdev_uart_receive(&t.uart, 'd');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'd');
	myvdev_uart_receive(&t.uart, 'e');
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO |
			  UART_FCR_CLEAR_RCVR);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	myvdev_uart_receive(&t.uart, 'f');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'f');
	/* Transmitting clears nothing received. */
	myvdev_uart_receive(&t.uart, 'g');
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO |
			  UART_FCR_CLEAR_XMIT);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'g');
}

/*
 * "When changing from the FIFO Mode to the 16450 Mode and vice versa,
 * data is automatically cleared from the FIFOs" (16550A data sheet, FCR
 * bit 0).
 */
static void uart_fifo_mode_change_clears(struct kunit *test)
{
	struct test_uart t;

	uart_setup(&t);
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	myvdev_uart_receive(&t.uart, 'a');
	myvdev_uart_receive(&t.uart, 'b');
	/* Rewriting FCR with bit 0 still set keeps the data. */
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO |
			  UART_FCR_TRIGGER_8);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x61);
	myvdev_uart_write(&t.uart, UART_FCR, 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	myvdev_uart_receive(&t.uart, 'c');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x61);
	myvdev_uart_write(&t.uart, UART_FCR, UART_FCR_ENABLE_FIFO);
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_LSR), 0x60);
	myvdev_uart_receive(&t.uart, 'd');
	KUNIT_EXPECT_EQ(test, myvdev_uart_read(&t.uart, UART_RX), 'd');
}

/* The MC146818 RTC */

/* 1700000000 is Tuesday 2023-11-14 22:13:20 UTC. */
#define CMOS_NOW	1700000000LL

static u8 cmos_get(struct myvdev_cmos *cmos, u8 index, time64_t now)
{
	myvdev_cmos_write(cmos, 0x70, index);
	return myvdev_cmos_read(cmos, 0x71, now);
}

static void cmos_set(struct myvdev_cmos *cmos, u8 index, u8 val)
{
	myvdev_cmos_write(cmos, 0x70, index);
	myvdev_cmos_write(cmos, 0x71, val);
}

/* BCD and 24-hour by default; day of week 1 is Sunday. */
static void cmos_time_bcd(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS, CMOS_NOW), 0x20);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MINUTES, CMOS_NOW), 0x13);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, CMOS_NOW), 0x22);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, CMOS_NOW), 3);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_MONTH, CMOS_NOW), 0x14);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MONTH, CMOS_NOW), 0x11);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_YEAR, CMOS_NOW), 0x23);
	/* Register B: 24-hour (0x02), BCD. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_B, CMOS_NOW), 0x02);

	/* Sunday 2023-11-12 00:00:00 (1699747200): weekday 1. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, 1699747200), 1);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, 1699747200), 0x00);
	/* Saturday 2000-01-01 00:00:00 (946684800): weekday 7, year 00. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, 946684800), 7);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_YEAR, 946684800), 0x00);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MONTH, 946684800), 0x01);
	/* Thursday 1970-01-01: weekday 5, year 70. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, 0), 5);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_YEAR, 0), 0x70);
	/* Thursday 2024-02-29 12:34:56 (1709210096): a leap day. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_MONTH, 1709210096), 0x29);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MONTH, 1709210096), 0x02);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS, 1709210096), 0x56);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, 1709210096), 5);
	/* Setting the clock is accepted and the host's time still read. */
	cmos_set(&cmos, RTC_SECONDS, 0x59);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS, CMOS_NOW), 0x20);
}

/* Register B bit 2 (DM): binary values. */
static void cmos_time_binary(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	cmos_set(&cmos, RTC_REG_B, RTC_24H | RTC_DM_BINARY);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_B, CMOS_NOW), 0x06);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS, CMOS_NOW), 20);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MINUTES, CMOS_NOW), 13);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, CMOS_NOW), 22);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_WEEK, CMOS_NOW), 3);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_DAY_OF_MONTH, CMOS_NOW), 14);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MONTH, CMOS_NOW), 11);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_YEAR, CMOS_NOW), 23);
}

/* Register B without bit 1: hours 1-12, bit 7 for PM. */
static void cmos_12_hour(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	cmos_set(&cmos, RTC_REG_B, 0x00);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, CMOS_NOW), 0x90);	/* 10 PM */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, 1699920000), 0x12);	/* 12 AM */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, 1699923600), 0x01);	/* 1 AM */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, 1699963200), 0x92);	/* 12 PM */
	/* The other fields are not touched by the 12-hour mode. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MINUTES, CMOS_NOW), 0x13);
	/* Binary 12-hour: 10 | 0x80. */
	cmos_set(&cmos, RTC_REG_B, RTC_DM_BINARY);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, CMOS_NOW), 0x8a);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, 1699920000), 12);
}

/* Registers A (UIP read-only), C and D (read-only, VRT set). */
static void cmos_status_registers(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	/* 32.768 kHz time base (0x20), 1024 Hz rate (0x06), UIP clear. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_A, CMOS_NOW), 0x26);
	cmos_set(&cmos, RTC_REG_A, 0xa6);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_A, CMOS_NOW), 0x26);
	cmos_set(&cmos, RTC_REG_A, 0xff);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_A, CMOS_NOW), 0x7f);
	/* No interrupt flags ever. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_C, CMOS_NOW), 0x00);
	cmos_set(&cmos, RTC_REG_C, 0xf0);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_C, CMOS_NOW), 0x00);
	/* Valid RAM and time: the battery is good. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_D, CMOS_NOW), 0x80);
	cmos_set(&cmos, RTC_REG_D, 0x00);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_D, CMOS_NOW), 0x80);
	/* Register B is read/write (SET, interrupt enables, DM, 24/12). */
	cmos_set(&cmos, RTC_REG_B, 0x82);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_REG_B, CMOS_NOW), 0x82);
}

/* The RAM bytes from 14; the index's bit 7 is the NMI mask. */
static void cmos_ram_and_nmi_bit(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x40, CMOS_NOW), 0x00);
	cmos_set(&cmos, 0x40, 0x5a);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x40, CMOS_NOW), 0x5a);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0xc0, CMOS_NOW), 0x5a);
	cmos_set(&cmos, 0xc0, 0xa5);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x40, CMOS_NOW), 0xa5);
	cmos_set(&cmos, 0x0e, 0x11);
	cmos_set(&cmos, 0x7f, 0x22);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x0e, CMOS_NOW), 0x11);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x7f, CMOS_NOW), 0x22);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0xff, CMOS_NOW), 0x22);
	/* Linux reads the clock with NMIs masked: 0x80 | index. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x80 | RTC_HOURS, CMOS_NOW), 0x22);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, 0x80 | RTC_REG_D, CMOS_NOW), 0x80);
}

/* Bytes 1, 3 and 5 are the alarm's seconds, minutes and hours: RAM. */
static void cmos_alarm_registers(struct kunit *test)
{
	struct myvdev_cmos cmos;

	myvdev_cmos_init(&cmos);
	cmos_set(&cmos, RTC_SECONDS_ALARM, 0x30);
	cmos_set(&cmos, RTC_MINUTES_ALARM, 0x45);
	cmos_set(&cmos, RTC_HOURS_ALARM, 0xc0);	/* "don't care" */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS_ALARM, CMOS_NOW), 0x30);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MINUTES_ALARM, CMOS_NOW), 0x45);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS_ALARM, CMOS_NOW), 0xc0);
	/* They are not the clock's fields beside them. */
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_SECONDS, CMOS_NOW), 0x20);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_MINUTES, CMOS_NOW), 0x13);
	KUNIT_EXPECT_EQ(test, cmos_get(&cmos, RTC_HOURS, CMOS_NOW), 0x22);
}

/* The i8042 */

/* Self-test 0xaa: 0x55 in the output buffer, status bit 0 (OBF). */
static void i8042_self_test(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	/* Not inhibited (0x10), system flag (0x04), output buffer empty. */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x14);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xaa));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x55);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x00);
	/* Read once: a second read finds the buffer still empty. */
	myvdev_i8042_read(&kbc, 0x60);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x00);
	/* Keyboard interface test: 0x00, no error. */
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xab));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x01);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x00);
}

/* 0x20 reads the command byte, 0x60 and a data byte writes it. */
static void i8042_command_byte(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0x20));
	/* Keyboard interrupt, system flag, translation: 0x45. */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x45);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0x60));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x60, 0x74));
	myvdev_i8042_write(&kbc, 0x64, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x74);
	/* Data with no command pending is for the keyboard: unchanged. */
	myvdev_i8042_write(&kbc, 0x60, 0x00);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xfe);
	myvdev_i8042_write(&kbc, 0x64, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x74);
	/* Another command cancels a pending 0x60. */
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x64, 0xaa);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x55);
	myvdev_i8042_write(&kbc, 0x60, 0x00);	/* to the keyboard: resend */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xfe);
	myvdev_i8042_write(&kbc, 0x64, 0x20);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x74);
}

/*
 * Status bit 3 (A2) tells where the last byte written went: 1 for a
 * command (0x64), 0 for data (0x60).  Bit 2 is the system flag, which
 * the command byte's bit 2 sets (PC AT technical reference, 8042).
 */
static void i8042_status_register(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	myvdev_i8042_write(&kbc, 0x64, 0xaa);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x1d);
	myvdev_i8042_read(&kbc, 0x60);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x1c);
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x1c);
	myvdev_i8042_write(&kbc, 0x60, 0x41);	/* system flag clear */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x10);
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x45);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64), 0x14);
}

/* The CPU reset line: pulse (0xfe) or output port bit 0 clear (0xd1). */
static void i8042_reset(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	/* Linux's BOOT_KBD reboot: 0xfe to port 0x64. */
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_write(&kbc, 0x64, 0xfe));
	/* 0xf0-0xff pulse the output port's low bits where clear. */
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_write(&kbc, 0x64, 0xf0));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xff));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xfd));
	/* Write output port: bit 0 is the reset line, active low. */
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xd1));
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_write(&kbc, 0x60, 0xfe));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xd1));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x60, 0xdf));	/* A20 on */
	/* The same bytes without 0xd1 first go to the keyboard. */
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x60, 0xfe));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x60, 0x00));
	/* Other commands reset nothing. */
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xad));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xae));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xa7));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0x00));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0xd1));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x64, 0x20));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_write(&kbc, 0x60, 0x00));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x04, 0x04);
}

/* Read every byte waiting at 0x60 into @out; returns how many. */
static unsigned int i8042_drain(struct myvdev_i8042 *kbc, u8 *out,
				unsigned int max)
{
	unsigned int n = 0;

	while (n < max && (myvdev_i8042_read(kbc, 0x64) & 0x01))
		out[n++] = myvdev_i8042_read(kbc, 0x60);
	return n;
}

/*
 * What Linux's atkbd asks the keyboard: identify (ACK, then an MF2
 * keyboard's 0xab 0x83, the 0x83 translated to 0x41), LEDs and rate with
 * their data bytes (an ACK each), enable, reset (ACK, then the self-test's
 * 0xaa), echo; anything else is answered "resend".
 */
static void i8042_keyboard_commands(struct kunit *test)
{
	static const struct {
		u8 sent[2];
		unsigned int n_sent;
		u8 reply[3];
		unsigned int n_reply;
	} cases[] = {
		{ { 0xf2 }, 1, { 0xfa, 0xab, 0x41 }, 3 },
		{ { 0xed, 0x02 }, 2, { 0xfa, 0xfa }, 2 },
		{ { 0xf3, 0x00 }, 2, { 0xfa, 0xfa }, 2 },
		{ { 0xf4 }, 1, { 0xfa }, 1 },
		{ { 0xff }, 1, { 0xfa, 0xaa }, 2 },
		{ { 0xee }, 1, { 0xee }, 1 },
		{ { 0x12 }, 1, { 0xfe }, 1 },
		/* Get the scan set: 2, translated. */
		{ { 0xf0, 0x00 }, 2, { 0xfa, 0xfa, 0x41 }, 3 },
		/* A command where a data byte was due starts over. */
		{ { 0xed, 0xff }, 2, { 0xfa, 0xfa, 0xaa }, 3 },
	};
	struct myvdev_i8042 kbc;
	unsigned int i, j;
	u8 got[8];

	myvdev_i8042_init(&kbc);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		for (j = 0; j < cases[i].n_sent; j++) {
			bool reset = myvdev_i8042_write(&kbc, 0x60,
							cases[i].sent[j]);

			KUNIT_EXPECT_FALSE(test, reset);
		}
		KUNIT_ASSERT_EQ_MSG(test, i8042_drain(&kbc, got, sizeof(got)),
				    cases[i].n_reply, "command %#x",
				    cases[i].sent[0]);
		KUNIT_EXPECT_EQ(test, memcmp(got, cases[i].reply,
					     cases[i].n_reply), 0);
	}
}

/*
 * IRQ 1: each byte that reaches the output buffer is an edge, while the
 * command byte's bit 0 allows it, whether from the keyboard or a reply.
 */
static void i8042_keyboard_irq(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	myvdev_i8042_write(&kbc, 0x64, 0xaa);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	myvdev_i8042_read(&kbc, 0x60);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));
	myvdev_i8042_write(&kbc, 0x60, 0xf2);		/* three bytes */
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xfa);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xab);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x41);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));
	/* The empty buffer reads its last byte again, with no edge. */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x41);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));

	/* Interrupt off: bytes wait silently; turning it on raises one. */
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x44);
	myvdev_i8042_write(&kbc, 0x60, 0xee);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x45);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xee);
}

/*
 * Linux's probe (i8042_controller_init, i8042_check_aux, then
 * i8042_setup_kbd) finds no AUX port and then a working keyboard: the
 * loopback byte comes back without the AUX-data status bit (0x20), so
 * Linux leaves it unread; the interface test's answer queues behind it
 * and stays unread too, until the keyboard's interrupt is enabled: then
 * it interrupts, the handler takes it, and the keyboard is heard.
 */
static void i8042_no_aux_port(struct kunit *test)
{
	struct myvdev_i8042 kbc;

	myvdev_i8042_init(&kbc);
	/* Interrupts off, both ports disabled, while probing. */
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x74);
	myvdev_i8042_write(&kbc, 0x64, 0xd3);
	myvdev_i8042_write(&kbc, 0x60, 0x5a);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x21, 0x01);
	myvdev_i8042_write(&kbc, 0x64, 0xa9);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x5a);
	KUNIT_EXPECT_FALSE(test, myvdev_i8042_take_irq(&kbc));
	/* The keyboard port on, its interrupt on: the leftover interrupts. */
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x65);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x02);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x64) & 0x01, 0x00);
	myvdev_i8042_write(&kbc, 0x60, 0xf2);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0xfa);
}

/*
 * Ctrl-Alt-Del, in set 1: only once a driver set the command byte and
 * while keyboard, its interrupt, its scanning and the translation to set
 * 1 are on; never past the FIFO.
 */
static void i8042_ctrl_alt_del(struct kunit *test)
{
	static const u8 keys[] = { 0x1d, 0x38, 0xe0, 0x53,
				   0xe0, 0xd3, 0xb8, 0x9d };
	struct myvdev_i8042 kbc;
	u8 got[MYVDEV_I8042_FIFO];

	myvdev_i8042_init(&kbc);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -ENODEV);
	KUNIT_EXPECT_EQ(test, kbc.count, 0);
	myvdev_i8042_write(&kbc, 0x64, 0x60);
	myvdev_i8042_write(&kbc, 0x60, 0x45);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), 0);
	KUNIT_EXPECT_TRUE(test, myvdev_i8042_take_irq(&kbc));
	KUNIT_ASSERT_EQ(test, i8042_drain(&kbc, got, sizeof(got)),
			ARRAY_SIZE(keys));
	KUNIT_EXPECT_EQ(test, memcmp(got, keys, sizeof(keys)), 0);

	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), 0);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), 0);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -EBUSY);
	KUNIT_EXPECT_EQ(test, i8042_drain(&kbc, got, sizeof(got)),
			MYVDEV_I8042_FIFO);

	myvdev_i8042_write(&kbc, 0x64, 0xad);		/* keyboard off */
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -ENODEV);
	myvdev_i8042_write(&kbc, 0x64, 0xae);
	myvdev_i8042_write(&kbc, 0x60, 0xf5);		/* scanning off */
	i8042_drain(&kbc, got, sizeof(got));
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -ENODEV);
	myvdev_i8042_write(&kbc, 0x60, 0xf4);
	i8042_drain(&kbc, got, sizeof(got));
	myvdev_i8042_write(&kbc, 0x64, 0x60);		/* interrupt off */
	myvdev_i8042_write(&kbc, 0x60, 0x44);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -ENODEV);
	myvdev_i8042_write(&kbc, 0x64, 0x60);		/* set 2: untranslated */
	myvdev_i8042_write(&kbc, 0x60, 0x05);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_ctrl_alt_del(&kbc), -ENODEV);
	KUNIT_EXPECT_EQ(test, kbc.count, 0);
}

/* A full FIFO drops what the keyboard says next; nothing overflows. */
static void i8042_fifo_overrun(struct kunit *test)
{
	struct myvdev_i8042 kbc;
	unsigned int i;
	u8 got[MYVDEV_I8042_FIFO + 4];

	myvdev_i8042_init(&kbc);
	for (i = 0; i < MYVDEV_I8042_FIFO + 4; i++)
		myvdev_i8042_write(&kbc, 0x60, 0xee);
	KUNIT_EXPECT_EQ(test, i8042_drain(&kbc, got, sizeof(got)),
			MYVDEV_I8042_FIFO);
	myvdev_i8042_write(&kbc, 0x64, 0xaa);
	KUNIT_EXPECT_EQ(test, myvdev_i8042_read(&kbc, 0x60), 0x55);
}

static struct kunit_case myvdev_test_cases[] = {
	KUNIT_CASE(pic_init_sequence),
	KUNIT_CASE(pic_irq0_edge_and_eoi),
	KUNIT_CASE(pic_priority),
	KUNIT_CASE(pic_mask),
	KUNIT_CASE(pic_cascade),
	KUNIT_CASE(pic_level_and_edge),
	KUNIT_CASE(pic_lines_survive_reinit),
	KUNIT_CASE(pic_specific_eoi),
	KUNIT_CASE(pic_rotation),
	KUNIT_CASE(pic_special_mask),
	KUNIT_CASE(pic_poll),
	KUNIT_CASE(pic_spurious),
	KUNIT_CASE(pic_auto_eoi),
	KUNIT_CASE(pic_irq_out_of_range),
	KUNIT_CASE(pit_ticks_to_ns),
	KUNIT_CASE(pit_init_state),
	KUNIT_CASE(pit_mode2_counts_and_wraps),
	KUNIT_CASE(pit_latch),
	KUNIT_CASE(pit_mode0_out),
	KUNIT_CASE(pit_mode3_square_wave),
	KUNIT_CASE(pit_channel2_tsc_calibration),
	KUNIT_CASE(pit_channel2_gate_mode2),
	KUNIT_CASE(pit_gate_low_suspends_counting),
	KUNIT_CASE(pit_readback),
	KUNIT_CASE(pit_access_modes_and_count0),
	KUNIT_CASE(pit_channel0_timer_actions),
	KUNIT_CASE(uart_tx_and_dlab),
	KUNIT_CASE(uart_lsr),
	KUNIT_CASE(uart_rx_fifo),
	KUNIT_CASE(uart_iir_fifo_bits),
	KUNIT_CASE(uart_rx_interrupt),
	KUNIT_CASE(uart_thre_interrupt),
	KUNIT_CASE(uart_loopback),
	KUNIT_CASE(uart_scratch_and_fcr_clear),
	KUNIT_CASE(uart_fifo_mode_change_clears),
	KUNIT_CASE(cmos_time_bcd),
	KUNIT_CASE(cmos_time_binary),
	KUNIT_CASE(cmos_12_hour),
	KUNIT_CASE(cmos_status_registers),
	KUNIT_CASE(cmos_ram_and_nmi_bit),
	KUNIT_CASE(cmos_alarm_registers),
	KUNIT_CASE(i8042_self_test),
	KUNIT_CASE(i8042_command_byte),
	KUNIT_CASE(i8042_status_register),
	KUNIT_CASE(i8042_reset),
	KUNIT_CASE(i8042_keyboard_commands),
	KUNIT_CASE(i8042_keyboard_irq),
	KUNIT_CASE(i8042_no_aux_port),
	KUNIT_CASE(i8042_ctrl_alt_del),
	KUNIT_CASE(i8042_fifo_overrun),
	{}
};

static struct kunit_suite myvdev_test_suite = {
	.name = "myvdev",
	.test_cases = myvdev_test_cases,
};

kunit_test_suite(myvdev_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for myvdev's PIC, PIT, UART, CMOS and i8042 models");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
