// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvdev's virtio-mmio transport, driven as Linux's virtio_mmio
 * driver drives it (probe, reset, feature negotiation, queue setup,
 * DRIVER_OK, notifications and interrupts), and as a guest that does
 * not follow the specification does.
 */
#include <kunit/test.h>
#include <linux/virtio_config.h>
#include <linux/virtio_mmio.h>

#include "../../mod-vdev/virtio_mmio.h"

struct fake_device {
	struct myvdev_vmmio t;
	unsigned int notified[MYVDEV_VMMIO_MAX_VQS];
	unsigned int resets, interrupts;
	u8 config[8];
};

static struct fake_device *to_fake(struct myvdev_vmmio *t)
{
	return container_of(t, struct fake_device, t);
}

static u32 fake_config_read(struct myvdev_vmmio *t, unsigned int offset,
			    unsigned int len)
{
	struct fake_device *d = to_fake(t);
	u32 v = 0;

	if (offset < sizeof(d->config) && len <= sizeof(d->config) - offset)
		memcpy(&v, d->config + offset, len);
	return v;
}

static void fake_notify(struct myvdev_vmmio *t, unsigned int index)
{
	to_fake(t)->notified[index]++;
}

static void fake_reset(struct myvdev_vmmio *t)
{
	to_fake(t)->resets++;
}

static void fake_interrupt(struct myvdev_vmmio *t)
{
	to_fake(t)->interrupts++;
}

static const struct myvdev_vmmio_ops fake_ops = {
	.config_read = fake_config_read,
	.notify = fake_notify,
	.reset = fake_reset,
	.interrupt = fake_interrupt,
};

#define FEATURE_A	5
#define FEATURE_B	40

static struct fake_device *fake_new(struct kunit *test)
{
	struct fake_device *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	myvdev_vmmio_init(&d->t, &fake_ops, 1,
			  BIT_ULL(FEATURE_A) | BIT_ULL(FEATURE_B), 2);
	memcpy(d->config, "\x52\x54\x00\x12\x34\x56\x01\x00", 8);
	return d;
}

static u32 rd(struct fake_device *d, unsigned int offset)
{
	return myvdev_vmmio_read(&d->t, offset, 4);
}

static void wr(struct fake_device *d, unsigned int offset, u32 val)
{
	myvdev_vmmio_write(&d->t, offset, 4, val);
}

/* virtio_mmio's probe, and vm_finalize_features / vm_setup_vq. */
static void setup_queue(struct fake_device *d, unsigned int index, u32 num)
{
	wr(d, VIRTIO_MMIO_QUEUE_SEL, index);
	wr(d, VIRTIO_MMIO_QUEUE_NUM, num);
	wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, 0x10000 * (index + 1));
	wr(d, VIRTIO_MMIO_QUEUE_DESC_HIGH, 0);
	wr(d, VIRTIO_MMIO_QUEUE_AVAIL_LOW, 0x10000 * (index + 1) + 0x1000);
	wr(d, VIRTIO_MMIO_QUEUE_AVAIL_HIGH, 0);
	wr(d, VIRTIO_MMIO_QUEUE_USED_LOW, 0x10000 * (index + 1) + 0x2000);
	wr(d, VIRTIO_MMIO_QUEUE_USED_HIGH, 1);
	wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
}

static void negotiate(struct fake_device *d, u64 features)
{
	wr(d, VIRTIO_MMIO_STATUS, 0);
	wr(d, VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	wr(d, VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE |
	   VIRTIO_CONFIG_S_DRIVER);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (u32)features);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, features >> 32);
	wr(d, VIRTIO_MMIO_STATUS, rd(d, VIRTIO_MMIO_STATUS) |
	   VIRTIO_CONFIG_S_FEATURES_OK);
}

static const u64 good_features = BIT_ULL(VIRTIO_F_VERSION_1) |
				 BIT_ULL(FEATURE_B);

static void vmmio_probe(struct kunit *test)
{
	struct fake_device *d = fake_new(test);

	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_MAGIC_VALUE), 0x74726976u);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_VERSION), 2u);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_DEVICE_ID), 1u);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_VENDOR_ID),
			(u32)MYVDEV_VMMIO_VENDOR);
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_DEVICE_FEATURES),
			(u32)BIT(FEATURE_A));
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_DEVICE_FEATURES),
			(u32)(BIT(VIRTIO_F_VERSION_1 - 32) |
			      BIT(FEATURE_B - 32)));
	wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 2);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_DEVICE_FEATURES), 0u);
	/* Config space: bytes, halves and words. */
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x100, 1), 0x52u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x104, 2), 0x5634u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x104, 4), 0x00015634u);
}

static void vmmio_negotiation(struct kunit *test)
{
	struct fake_device *d = fake_new(test);

	negotiate(d, good_features);
	KUNIT_EXPECT_TRUE(test, rd(d, VIRTIO_MMIO_STATUS) &
			  VIRTIO_CONFIG_S_FEATURES_OK);
	KUNIT_EXPECT_EQ(test, d->t.driver_features, good_features);
	/* Agreed: later feature writes change nothing. */
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(d, VIRTIO_MMIO_DRIVER_FEATURES, BIT(FEATURE_A));
	KUNIT_EXPECT_EQ(test, d->t.driver_features, good_features);

	/* A feature the device did not offer: FEATURES_OK does not stick. */
	negotiate(d, good_features | BIT_ULL(7));
	KUNIT_EXPECT_FALSE(test, rd(d, VIRTIO_MMIO_STATUS) &
			   VIRTIO_CONFIG_S_FEATURES_OK);
	/* Nor without VIRTIO_F_VERSION_1 (no legacy interface here). */
	negotiate(d, BIT_ULL(FEATURE_A));
	KUNIT_EXPECT_FALSE(test, rd(d, VIRTIO_MMIO_STATUS) &
			   VIRTIO_CONFIG_S_FEATURES_OK);
	KUNIT_EXPECT_EQ(test, d->resets, 3u);
}

static void vmmio_queues(struct kunit *test)
{
	struct fake_device *d = fake_new(test);

	negotiate(d, good_features);
	wr(d, VIRTIO_MMIO_QUEUE_SEL, 0);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_NUM_MAX),
			(u32)MYVDEV_VQ_MAX_SIZE);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 0u);
	setup_queue(d, 0, 128);
	setup_queue(d, 1, 256);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 1u);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].size, 256);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].desc, 0x20000ull);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].avail, 0x21000ull);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].used, 0x100022000ull);
	/* A ready queue's registers hold. */
	wr(d, VIRTIO_MMIO_QUEUE_NUM, 8);
	wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, 0);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].size, 256);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].desc, 0x20000ull);
	/* No third queue. */
	wr(d, VIRTIO_MMIO_QUEUE_SEL, 2);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_NUM_MAX), 0u);
	wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 0u);

	/* Notifications reach the device after DRIVER_OK only. */
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 1);
	KUNIT_EXPECT_EQ(test, d->notified[1], 0u);
	wr(d, VIRTIO_MMIO_STATUS, rd(d, VIRTIO_MMIO_STATUS) |
	   VIRTIO_CONFIG_S_DRIVER_OK);
	KUNIT_EXPECT_TRUE(test, myvdev_vmmio_driver_ok(&d->t));
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 1);
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 2);
	wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 0xffffffff);
	KUNIT_EXPECT_EQ(test, d->notified[0], 1u);
	KUNIT_EXPECT_EQ(test, d->notified[1], 1u);

	/* Status 0 forgets the queues. */
	wr(d, VIRTIO_MMIO_STATUS, 0);
	KUNIT_EXPECT_FALSE(test, d->t.vq[0].ready);
	KUNIT_EXPECT_EQ(test, d->t.vq[1].size, 0);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_STATUS), 0u);
}

static void vmmio_interrupts(struct kunit *test)
{
	struct fake_device *d = fake_new(test);

	myvdev_vmmio_used(&d->t);
	KUNIT_EXPECT_EQ(test, d->interrupts, 1u);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_INTERRUPT_STATUS),
			(u32)VIRTIO_MMIO_INT_VRING);
	myvdev_vmmio_config_changed(&d->t);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_CONFIG_GENERATION), 1u);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_INTERRUPT_STATUS),
			(u32)(VIRTIO_MMIO_INT_VRING | VIRTIO_MMIO_INT_CONFIG));
	wr(d, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_MMIO_INT_VRING);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_INTERRUPT_STATUS),
			(u32)VIRTIO_MMIO_INT_CONFIG);
	wr(d, VIRTIO_MMIO_INTERRUPT_ACK, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_INTERRUPT_STATUS), 0u);
}

/* Queue layouts a device cannot use: not ready, and NEEDS_RESET. */
static void vmmio_bad_queue(struct kunit *test)
{
	static const u32 bad_sizes[] = { 0, 3, 100, 512, 0xffffffff };
	struct fake_device *d = fake_new(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad_sizes); i++) {
		negotiate(d, good_features);
		setup_queue(d, 0, bad_sizes[i]);
		KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 0u);
		KUNIT_EXPECT_TRUE(test, rd(d, VIRTIO_MMIO_STATUS) &
				  VIRTIO_CONFIG_S_NEEDS_RESET);
	}
	negotiate(d, good_features);
	setup_queue(d, 0, 8);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 1u);
	KUNIT_EXPECT_FALSE(test, rd(d, VIRTIO_MMIO_STATUS) &
			   VIRTIO_CONFIG_S_NEEDS_RESET);

	/* Misaligned rings. */
	negotiate(d, good_features);
	wr(d, VIRTIO_MMIO_QUEUE_SEL, 1);
	wr(d, VIRTIO_MMIO_QUEUE_NUM, 8);
	wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, 0x1004);
	wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_QUEUE_READY), 0u);

	/* NEEDS_RESET stays whatever the driver writes, but status 0. */
	wr(d, VIRTIO_MMIO_STATUS, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	KUNIT_EXPECT_TRUE(test, rd(d, VIRTIO_MMIO_STATUS) &
			  VIRTIO_CONFIG_S_NEEDS_RESET);
	KUNIT_EXPECT_FALSE(test, myvdev_vmmio_driver_ok(&d->t));
	wr(d, VIRTIO_MMIO_STATUS, 0);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_STATUS), 0u);
}

/* Registers take aligned 32-bit accesses; nothing past the block. */
static void vmmio_bad_access(struct kunit *test)
{
	struct fake_device *d = fake_new(test);

	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0, 2), 0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 2, 4), 0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0, 8), 0u);
	myvdev_vmmio_write(&d->t, VIRTIO_MMIO_STATUS, 1, 3);
	KUNIT_EXPECT_EQ(test, rd(d, VIRTIO_MMIO_STATUS), 0u);
	myvdev_vmmio_write(&d->t, VIRTIO_MMIO_QUEUE_SEL + 1, 4, 1);
	KUNIT_EXPECT_EQ(test, d->t.queue_sel, 0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, MYVDEV_VMMIO_SIZE, 4),
			0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x1fe, 4), 0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x100, 3), 0u);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0xffffffff, 4), 0u);
	/* No config_write: writes to the config space are dropped. */
	myvdev_vmmio_write(&d->t, 0x100, 4, 0);
	KUNIT_EXPECT_EQ(test, myvdev_vmmio_read(&d->t, 0x100, 1), 0x52u);
}

static struct kunit_case myvdev_vmmio_test_cases[] = {
	KUNIT_CASE(vmmio_probe),
	KUNIT_CASE(vmmio_negotiation),
	KUNIT_CASE(vmmio_queues),
	KUNIT_CASE(vmmio_interrupts),
	KUNIT_CASE(vmmio_bad_queue),
	KUNIT_CASE(vmmio_bad_access),
	{}
};

static struct kunit_suite myvdev_vmmio_test_suite = {
	.name = "myvdev_vmmio",
	.test_cases = myvdev_vmmio_test_cases,
};

kunit_test_suite(myvdev_vmmio_test_suite);

MODULE_DESCRIPTION("KUnit tests of myvdev's virtio-mmio transport");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
