// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvdev's split virtqueues against a guest that plays by the
 * rules and against one that does not.  Guest memory is a 64 KiB array
 * here; the accessors refuse anything outside it, as myvmx's refuse what
 * is not guest RAM.  Layout: descriptors at 0x1000, the driver area at
 * 0x2000, the device area at 0x3000, buffers from 0x4000; a queue of 8.
 */
#include <kunit/test.h>
#include <linux/virtio_ring.h>

#include "myvdev_fake_gmem.h"

#define DESC		0x1000
#define AVAIL		0x2000
#define USED		0x3000
#define BUFS		0x4000
#define QSIZE		8

struct vq_env {
	struct fake_guest *g;
	struct myvdev_gmem mem;
	struct myvdev_vq vq;
	struct myvdev_vq_chain chain;
	u16 avail_idx;
};

static struct vq_env *vq_env_new(struct kunit *test)
{
	struct vq_env *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, e);
	e->g = kunit_kzalloc(test, sizeof(*e->g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e->g);
	fake_gmem_init(&e->mem, e->g);
	e->vq.size = QSIZE;
	e->vq.desc = DESC;
	e->vq.avail = AVAIL;
	e->vq.used = USED;
	e->vq.ready = true;
	return e;
}

static void set_desc(struct vq_env *e, u16 i, u64 addr, u32 len, u16 flags,
		     u16 next)
{
	struct vring_desc d = {
		.addr = cpu_to_le64(addr),
		.len = cpu_to_le32(len),
		.flags = cpu_to_le16(flags),
		.next = cpu_to_le16(next),
	};

	memcpy(e->g->mem + DESC + 16 * i, &d, sizeof(d));
}

static void put16(struct vq_env *e, u64 gpa, u16 v)
{
	__le16 le = cpu_to_le16(v);

	memcpy(e->g->mem + gpa, &le, 2);
}

static u32 get32(struct vq_env *e, u64 gpa)
{
	__le32 le;

	memcpy(&le, e->g->mem + gpa, 4);
	return le32_to_cpu(le);
}

/* The driver makes chain @head available. */
static void make_available(struct vq_env *e, u16 head)
{
	put16(e, AVAIL + 4 + 2 * (e->avail_idx % QSIZE), head);
	e->avail_idx++;
	put16(e, AVAIL + 2, e->avail_idx);
}

static void vq_layout(struct kunit *test)
{
	struct myvdev_vq vq = {
		.size = 256, .desc = 0x1000, .avail = 0x2002, .used = 0x3004,
	};

	KUNIT_EXPECT_TRUE(test, myvdev_vq_layout_ok(&vq));
	vq.size = 0;
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
	vq.size = 12;				/* not a power of two */
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
	vq.size = 512;				/* more than offered */
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
	vq.size = 8;
	vq.desc = 0x1008;			/* descriptors: 16 bytes */
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
	vq.desc = 0x1000;
	vq.avail = 0x2001;			/* the driver area: 2 */
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
	vq.avail = 0x2000;
	vq.used = 0x3002;			/* the device area: 4 */
	KUNIT_EXPECT_FALSE(test, myvdev_vq_layout_ok(&vq));
}

/* A request with a header, data, and a status byte, as virtio-blk's. */
static void vq_chain_roundtrip(struct kunit *test)
{
	struct vq_env *e = vq_env_new(test);
	u8 out[24], status = 0x5a;
	unsigned int i;

	for (i = 0; i < 24; i++)
		e->g->mem[BUFS + i] = i;
	set_desc(e, 3, BUFS, 16, VRING_DESC_F_NEXT, 5);
	set_desc(e, 5, BUFS + 0x100, 8, VRING_DESC_F_NEXT, 1);
	memcpy(e->g->mem + BUFS + 0x100, "payload!", 8);
	set_desc(e, 1, BUFS + 0x200, 1, VRING_DESC_F_WRITE, 0);

	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain),
			-ENOENT);
	make_available(e, 3);
	KUNIT_ASSERT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), 0);
	KUNIT_EXPECT_EQ(test, e->chain.head, 3);
	KUNIT_EXPECT_EQ(test, e->chain.n_out, 2u);
	KUNIT_EXPECT_EQ(test, e->chain.n_in, 1u);
	KUNIT_EXPECT_EQ(test, e->chain.out_len, 24ull);
	KUNIT_EXPECT_EQ(test, e->chain.in_len, 1ull);

	/* The readable buffers read as one stream, from any offset. */
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_out(&e->mem, &e->chain, 0, out,
						 24), 0);
	KUNIT_EXPECT_EQ(test, out[15], 15);
	KUNIT_EXPECT_EQ(test, memcmp(out + 16, "payload!", 8), 0);
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_out(&e->mem, &e->chain, 14, out,
						 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(out, "\x0e\x0fpa", 4), 0);
	/* Not more than they hold. */
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_out(&e->mem, &e->chain, 20, out,
						 5), -EINVAL);
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_in(&e->mem, &e->chain, 0, &status,
						1), 0);
	KUNIT_EXPECT_EQ(test, e->g->mem[BUFS + 0x200], 0x5a);
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_in(&e->mem, &e->chain, 1, &status,
						1), -EINVAL);

	/* Used: the chain's head and the bytes written, then the index. */
	KUNIT_EXPECT_EQ(test, myvdev_vq_push(&e->vq, &e->mem, 3, 1), 0);
	KUNIT_EXPECT_EQ(test, get32(e, USED + 4), 3u);
	KUNIT_EXPECT_EQ(test, get32(e, USED + 8), 1u);
	KUNIT_EXPECT_EQ(test, get32(e, USED) >> 16, 1u);
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain),
			-ENOENT);
	KUNIT_EXPECT_FALSE(test, e->vq.broken);
	KUNIT_EXPECT_EQ(test, e->g->faults, 0u);
}

/* Indices wrap at 65536 and the rings at the queue size. */
static void vq_indices_wrap(struct kunit *test)
{
	struct vq_env *e = vq_env_new(test);
	unsigned int i;

	e->avail_idx = 0xfffe;
	e->vq.last_avail = 0xfffe;
	e->vq.used_idx = 0xfffe;
	set_desc(e, 0, BUFS, 4, VRING_DESC_F_WRITE, 0);
	for (i = 0; i < 4; i++) {
		make_available(e, 0);
		KUNIT_ASSERT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain),
				0);
		KUNIT_EXPECT_EQ(test, myvdev_vq_push(&e->vq, &e->mem, 0, 4), 0);
	}
	KUNIT_EXPECT_EQ(test, e->vq.last_avail, 2);
	KUNIT_EXPECT_EQ(test, get32(e, USED) >> 16, 2u);
	KUNIT_EXPECT_FALSE(test, e->vq.broken);
}

/* A queue not ready, or broken, gives nothing. */
static void vq_not_ready(struct kunit *test)
{
	struct vq_env *e = vq_env_new(test);

	set_desc(e, 0, BUFS, 4, 0, 0);
	make_available(e, 0);
	e->vq.ready = false;
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain),
			-ENOENT);
	e->vq.ready = true;
	e->vq.broken = true;
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), -EIO);
	KUNIT_EXPECT_EQ(test, myvdev_vq_push(&e->vq, &e->mem, 0, 0), -EIO);
	myvdev_vq_reset(&e->vq);
	KUNIT_EXPECT_FALSE(test, e->vq.broken);
	KUNIT_EXPECT_FALSE(test, e->vq.ready);
}

/* Each hostile ring: the queue breaks, and no access leaves the guest. */
struct hostile_case {
	const char *name;
	void (*make)(struct vq_env *e);
	unsigned int faults;	/* accesses refused on the way */
};

static void h_too_many_available(struct vq_env *e)
{
	set_desc(e, 0, BUFS, 4, 0, 0);
	put16(e, AVAIL + 2, QSIZE + 1);
}

static void h_head_out_of_table(struct vq_env *e)
{
	make_available(e, QSIZE);
}

static void h_next_out_of_table(struct vq_env *e)
{
	set_desc(e, 0, BUFS, 4, VRING_DESC_F_NEXT, 0xffff);
	make_available(e, 0);
}

static void h_loop(struct vq_env *e)
{
	set_desc(e, 0, BUFS, 4, VRING_DESC_F_NEXT, 1);
	set_desc(e, 1, BUFS, 4, VRING_DESC_F_NEXT, 0);
	make_available(e, 0);
}

static void h_self_loop(struct vq_env *e)
{
	set_desc(e, 2, BUFS, 4, VRING_DESC_F_NEXT, 2);
	make_available(e, 2);
}

static void h_indirect(struct vq_env *e)
{
	set_desc(e, 0, BUFS, 16, VRING_DESC_F_INDIRECT, 0);
	make_available(e, 0);
}

static void h_readable_after_writable(struct vq_env *e)
{
	set_desc(e, 0, BUFS, 4, VRING_DESC_F_WRITE | VRING_DESC_F_NEXT, 1);
	set_desc(e, 1, BUFS + 4, 4, 0, 0);
	make_available(e, 0);
}

static void h_wrapping_buffer(struct vq_env *e)
{
	set_desc(e, 0, ~0ull - 2, 16, 0, 0);
	make_available(e, 0);
}

static void h_rings_outside_memory(struct vq_env *e)
{
	e->vq.avail = 0x7fff0000;
}

static void h_descriptors_outside_memory(struct vq_env *e)
{
	e->vq.desc = MEM_SIZE - 16 * 2;
	make_available(e, 3);
}

static const struct hostile_case hostile_cases[] = {
	{ "more entries available than the queue holds", h_too_many_available },
	{ "a head past the table", h_head_out_of_table },
	{ "a next past the table", h_next_out_of_table },
	{ "a two-descriptor loop", h_loop },
	{ "a descriptor chained to itself", h_self_loop },
	{ "an indirect table (not offered)", h_indirect },
	{ "a readable buffer after a writable one", h_readable_after_writable },
	{ "a buffer that wraps around", h_wrapping_buffer },
	{ "a driver area outside guest memory", h_rings_outside_memory, 1 },
	{ "descriptors outside guest memory", h_descriptors_outside_memory, 1 },
};

static void hostile_desc(const struct hostile_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hostile, hostile_cases, hostile_desc);

static void vq_hostile(struct kunit *test)
{
	const struct hostile_case *c = test->param_value;
	struct vq_env *e = vq_env_new(test);

	c->make(e);
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), -EIO);
	KUNIT_EXPECT_TRUE(test, e->vq.broken);
	KUNIT_EXPECT_EQ(test, e->g->faults, c->faults);
	/* It stays broken, whatever the guest does next. */
	set_desc(e, 0, BUFS, 4, 0, 0);
	e->vq.desc = DESC;
	e->vq.avail = AVAIL;
	make_available(e, 0);
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), -EIO);
}

/* Chains of up to MYVDEV_VQ_MAX_SEGS buffers; longer ones break. */
static void vq_longest_chain(struct kunit *test)
{
	struct vq_env *e = vq_env_new(test);
	unsigned int i;

	e->vq.size = 128;
	e->vq.avail = 0x1800;	/* out of the 128-entry table's way */
	for (i = 0; i < MYVDEV_VQ_MAX_SEGS; i++)
		set_desc(e, i, BUFS + i, 1, VRING_DESC_F_NEXT, i + 1);
	set_desc(e, MYVDEV_VQ_MAX_SEGS - 1, BUFS, 1, 0, 0);
	put16(e, e->vq.avail + 4, 0);
	put16(e, e->vq.avail + 2, 1);
	KUNIT_ASSERT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), 0);
	KUNIT_EXPECT_EQ(test, e->chain.n_out, (unsigned int)MYVDEV_VQ_MAX_SEGS);

	set_desc(e, MYVDEV_VQ_MAX_SEGS - 1, BUFS, 1, VRING_DESC_F_NEXT,
		 MYVDEV_VQ_MAX_SEGS);
	set_desc(e, MYVDEV_VQ_MAX_SEGS, BUFS, 1, 0, 0);
	put16(e, e->vq.avail + 6, 0);
	put16(e, e->vq.avail + 2, 2);
	KUNIT_EXPECT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), -EIO);
}

/* A buffer the guest does not have fails the copy, not the host. */
static void vq_copy_outside_memory(struct kunit *test)
{
	struct vq_env *e = vq_env_new(test);
	u8 buf[32];

	set_desc(e, 0, MEM_SIZE - 8, 32, 0, 0);
	make_available(e, 0);
	KUNIT_ASSERT_EQ(test, myvdev_vq_pop(&e->vq, &e->mem, &e->chain), 0);
	KUNIT_EXPECT_EQ(test, myvdev_vq_copy_out(&e->mem, &e->chain, 0, buf,
						 32), -EFAULT);
	KUNIT_EXPECT_EQ(test, e->g->faults, 1u);
}

static struct kunit_case myvdev_vq_test_cases[] = {
	KUNIT_CASE(vq_layout),
	KUNIT_CASE(vq_chain_roundtrip),
	KUNIT_CASE(vq_indices_wrap),
	KUNIT_CASE(vq_not_ready),
	KUNIT_CASE_PARAM(vq_hostile, hostile_gen_params),
	KUNIT_CASE(vq_longest_chain),
	KUNIT_CASE(vq_copy_outside_memory),
	{}
};

static struct kunit_suite myvdev_vq_test_suite = {
	.name = "myvdev_vq",
	.test_cases = myvdev_vq_test_cases,
};

kunit_test_suite(myvdev_vq_test_suite);

MODULE_DESCRIPTION("KUnit tests of myvdev's split virtqueues");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
