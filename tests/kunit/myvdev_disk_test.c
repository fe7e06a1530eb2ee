// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvdev's virtio-blk requests (mod-vdev/disk.c) over a 4 KiB
 * shmem file whose byte i is (7 i + 3) mod 256, with chains built by hand
 * in fake guest memory: the request header at 0x100, data at 0x1000,
 * the status byte at 0x3000.
 */
#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include <linux/virtio_blk.h>

#include "myvdev_fake_gmem.h"
#include "../../mod-vdev/disk.h"

#define DISK_SIZE	4096
#define HDR		0x100
#define DATA		0x1000
#define STATUS		0x3000

struct disk_env {
	struct fake_guest *g;
	struct myvdev_gmem mem;
	struct myvdev_disk d;
	struct file *file;
	struct myvdev_vq_chain c;
};

static u8 pattern(unsigned int i)
{
	return 7 * i + 3;
}

static struct disk_env *disk_env_new(struct kunit *test, bool read_only)
{
	struct disk_env *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, DISK_SIZE, GFP_KERNEL);
	loff_t pos = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	e->g = kunit_kzalloc(test, sizeof(*e->g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e->g);
	fake_gmem_init(&e->mem, e->g);
	e->file = shmem_file_setup("myvdev-disk-test", DISK_SIZE, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(e->file));
	test->priv = e;
	for (i = 0; i < DISK_SIZE; i++)
		buf[i] = pattern(i);
	KUNIT_ASSERT_EQ(test, kernel_write(e->file, buf, DISK_SIZE, &pos),
			(ssize_t)DISK_SIZE);
	KUNIT_ASSERT_EQ(test, myvdev_disk_open(&e->d, e->file, read_only,
					       "test-disk"), 0);
	return e;
}

static void disk_exit(struct kunit *test)
{
	struct disk_env *e = test->priv;

	if (!e)
		return;
	myvdev_disk_close(&e->d);
	fput(e->file);
}

/* A buffer of the chain: the readable ones first, as a driver puts them. */
static void add_seg(struct disk_env *e, u64 gpa, u32 len, bool writable)
{
	struct myvdev_vq_chain *c = &e->c;

	c->seg[c->n_out + c->n_in].gpa = gpa;
	c->seg[c->n_out + c->n_in].len = len;
	if (writable) {
		c->n_in++;
		c->in_len += len;
	} else {
		c->n_out++;
		c->out_len += len;
	}
}

/* A chain of a request header and, if @data_len, data; then the status. */
static void request(struct disk_env *e, u32 type, u64 sector, u32 data_len,
		    bool data_writable)
{
	struct virtio_blk_outhdr hdr = {
		.type = cpu_to_le32(type),
		.sector = cpu_to_le64(sector),
	};

	memset(&e->c, 0, sizeof(e->c));
	memcpy(e->g->mem + HDR, &hdr, sizeof(hdr));
	add_seg(e, HDR, sizeof(hdr), false);
	if (data_len)
		add_seg(e, DATA, data_len, data_writable);
	add_seg(e, STATUS, 1, true);
	e->g->mem[STATUS] = 0xee;
}

static void disk_read(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, false);
	unsigned int i;

	request(e, VIRTIO_BLK_T_IN, 2, 1024, true);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1025u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_OK);
	for (i = 0; i < 1024; i++)
		if (e->g->mem[DATA + i] != pattern(1024 + i))
			break;
	KUNIT_EXPECT_EQ(test, i, 1024u);
	KUNIT_EXPECT_EQ(test, e->d.capacity, 8ull);
	KUNIT_EXPECT_EQ(test, e->d.stats.reads, 1ull);
	KUNIT_EXPECT_EQ(test, e->d.stats.read_bytes, 1024ull);
}

static void disk_write(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, false);
	u8 back[512];
	loff_t pos = 7 * 512;

	memset(e->g->mem + DATA, 0x5a, 512);
	request(e, VIRTIO_BLK_T_OUT, 7, 512, false);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_OK);
	KUNIT_ASSERT_EQ(test, kernel_read(e->file, back, 512, &pos), 512l);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(back, 0x5a, 512), NULL);
	KUNIT_EXPECT_EQ(test, e->d.stats.written_bytes, 512ull);

	request(e, VIRTIO_BLK_T_FLUSH, 0, 0, false);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_OK);
	KUNIT_EXPECT_EQ(test, e->d.stats.flushes, 1ull);
}

/* Past the end, or so far that sector << 9 would wrap: an I/O error. */
static void disk_out_of_range(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, false);
	static const u64 sectors[] = { 7, 8, 9, 1ull << 55, U64_MAX };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sectors); i++) {
		request(e, VIRTIO_BLK_T_IN, sectors[i], 1024, true);
		KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem,
							  &e->c), 1u);
		KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_IOERR);
		request(e, VIRTIO_BLK_T_OUT, sectors[i], 1024, false);
		myvdev_disk_request(&e->d, &e->mem, &e->c);
		KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_IOERR);
	}
	/* Nothing at the very end is still a request on the disk. */
	request(e, VIRTIO_BLK_T_IN, 8, 0, true);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_OK);
	KUNIT_EXPECT_EQ(test, e->d.stats.errors, 10ull);
}

static void disk_read_only(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, true);
	loff_t pos = 0;
	u8 back;

	memset(e->g->mem + DATA, 0, 512);
	request(e, VIRTIO_BLK_T_OUT, 0, 512, false);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_IOERR);
	KUNIT_ASSERT_EQ(test, kernel_read(e->file, &back, 1, &pos), 1l);
	KUNIT_EXPECT_EQ(test, back, pattern(0));
	request(e, VIRTIO_BLK_T_IN, 0, 512, true);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 513u);
}

static void disk_bad_chains(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, false);

	/* Nothing writable: no status can be given. */
	request(e, VIRTIO_BLK_T_IN, 0, 0, false);
	e->c.n_in = 0;
	e->c.in_len = 0;
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 0u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], 0xee);

	/* A header cut short. */
	request(e, VIRTIO_BLK_T_IN, 0, 0, false);
	e->c.seg[0].len = 8;
	e->c.out_len = 8;
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_IOERR);

	/* Data that is not the guest's. */
	request(e, VIRTIO_BLK_T_IN, 0, 512, true);
	e->c.seg[1].gpa = MEM_SIZE - 16;
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_IOERR);
	KUNIT_EXPECT_GT(test, e->g->faults, 0u);

	request(e, 99, 0, 0, false);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c), 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_UNSUPP);
}

static void disk_get_id(struct kunit *test)
{
	struct disk_env *e = disk_env_new(test, false);

	request(e, VIRTIO_BLK_T_GET_ID, 0, VIRTIO_BLK_ID_BYTES, true);
	KUNIT_EXPECT_EQ(test, myvdev_disk_request(&e->d, &e->mem, &e->c),
			VIRTIO_BLK_ID_BYTES + 1u);
	KUNIT_EXPECT_EQ(test, e->g->mem[STATUS], VIRTIO_BLK_S_OK);
	KUNIT_EXPECT_STREQ(test, (char *)e->g->mem + DATA, "test-disk");
}

static struct kunit_case myvdev_disk_test_cases[] = {
	KUNIT_CASE(disk_read),
	KUNIT_CASE(disk_write),
	KUNIT_CASE(disk_out_of_range),
	KUNIT_CASE(disk_read_only),
	KUNIT_CASE(disk_bad_chains),
	KUNIT_CASE(disk_get_id),
	{}
};

static struct kunit_suite myvdev_disk_test_suite = {
	.name = "myvdev_disk",
	.exit = disk_exit,
	.test_cases = myvdev_disk_test_cases,
};

kunit_test_suite(myvdev_disk_test_suite);

MODULE_DESCRIPTION("KUnit tests of myvdev's virtio-blk requests");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
