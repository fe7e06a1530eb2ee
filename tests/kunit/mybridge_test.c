// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: mybridge's forwarding database (learning, moves, static entries,
 * the learning limit, ageing and flushes).
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/netlink.h>

#include "../../mod-bridge/fdb.h"

static struct mybridge *br_new(struct kunit *test, u32 max_learned)
{
	struct mybridge *br = kunit_kzalloc(test, sizeof(*br), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, br);
	br->ageing = 300;
	br->fdb_max_learned = max_learned;
	br->stats = alloc_percpu(struct mybridge_pcpu_stats);
	KUNIT_ASSERT_NOT_NULL(test, br->stats);
	KUNIT_ASSERT_EQ(test, mybridge_fdb_init(br), 0);
	return br;
}

static void br_free(struct mybridge *br)
{
	mybridge_fdb_uninit(br);
	free_percpu(br->stats);
}

/* Learning runs in softirq, under RCU. */
static void br_learn(struct mybridge *br, struct mybridge_port *p,
		     const u8 *mac, u16 vid)
{
	rcu_read_lock();
	local_bh_disable();
	mybridge_fdb_learn(br, p, mac, vid);
	local_bh_enable();
	rcu_read_unlock();
}

/* The port @mac on @vid is behind; ERR_PTR(-ENOENT) when unknown. */
static struct mybridge_port *br_port(struct mybridge *br, const u8 *mac,
				     u16 vid)
{
	struct mybridge_port *p = ERR_PTR(-ENOENT);
	struct mybridge_fdb *f;

	rcu_read_lock();
	f = mybridge_fdb_lookup(br, mac, vid);
	if (f)
		p = READ_ONCE(f->port);
	rcu_read_unlock();
	return p;
}

static u64 br_counter(struct mybridge *br, unsigned int counter)
{
	u64 c[MYBRIDGE_CNT_MAX];

	mybridge_read_counters(br->stats, c);
	return c[counter];
}

static const u8 mac_a[ETH_ALEN] = { 2, 0, 0, 0, 0, 0xa };
static const u8 mac_b[ETH_ALEN] = { 2, 0, 0, 0, 0, 0xb };

static void br_fdb_learn_and_move(struct kunit *test)
{
	struct mybridge *br = br_new(test, 0);
	struct mybridge_port p1 = {}, p2 = {};

	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_a, 0)), -ENOENT);
	br_learn(br, &p1, mac_a, 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p1);
	/* Learning is per VLAN. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_a, 10)), -ENOENT);
	br_learn(br, &p2, mac_a, 10);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 10), &p2);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p1);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	KUNIT_EXPECT_EQ(test, br_counter(br, MYBRIDGE_CNT_LEARNED), 2);
	/* Seen again where it was: nothing changes. */
	br_learn(br, &p1, mac_a, 0);
	KUNIT_EXPECT_EQ(test, br_counter(br, MYBRIDGE_CNT_MOVED), 0);
	/* Seen on another port: it moves. */
	br_learn(br, &p2, mac_a, 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p2);
	KUNIT_EXPECT_EQ(test, br_counter(br, MYBRIDGE_CNT_MOVED), 1);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	br_free(br);
}

static void br_fdb_static_entries(struct kunit *test)
{
	struct mybridge *br = br_new(test, 0);
	struct mybridge_port p1 = {}, p2 = {};

	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p1, mac_a, 0,
					       NLM_F_CREATE | NLM_F_EXCL,
					       NULL), 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p2, mac_a, 0,
					       NLM_F_CREATE | NLM_F_EXCL,
					       NULL), -EEXIST);
	/* A static entry never moves with traffic. */
	br_learn(br, &p2, mac_a, 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p1);
	/* Replace points it elsewhere; without NLM_F_CREATE, no new entry. */
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p2, mac_a, 0,
					       NLM_F_REPLACE, NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p2);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p2, mac_b, 0,
					       NLM_F_REPLACE, NULL), -ENOENT);
	/* A learned entry made static by the operator. */
	br_learn(br, &p1, mac_b, 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p2, mac_b, 0,
					       NLM_F_CREATE | NLM_F_REPLACE,
					       NULL), 0);
	br_learn(br, &p1, mac_b, 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_b, 0), &p2);
	/* The switch's own entries have no port. */
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, NULL, mac_b, 5,
					       NLM_F_CREATE, NULL), 0);
	KUNIT_EXPECT_NULL(test, br_port(br, mac_b, 5));
	KUNIT_EXPECT_EQ(test, mybridge_fdb_del(br, mac_b, 5), 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_del(br, mac_b, 5), -ENOENT);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	br_free(br);
}

static void br_fdb_learning_limit(struct kunit *test)
{
	struct mybridge *br = br_new(test, 3);
	struct mybridge_port p1 = {};
	u8 mac[ETH_ALEN] = { 2, 0, 0, 0, 1, 0 };
	int i;

	/* A static entry does not count against the limit. */
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p1, mac_a, 0,
					       NLM_F_CREATE, NULL), 0);
	for (i = 0; i < 5; i++) {
		mac[5] = i;
		br_learn(br, &p1, mac, 0);
	}
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 4);
	KUNIT_EXPECT_EQ(test, br_counter(br, MYBRIDGE_CNT_LEARNED), 3);
	KUNIT_EXPECT_EQ(test, br_counter(br, MYBRIDGE_CNT_DROP_LEARN_LIMIT), 2);
	mac[5] = 4;
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac, 0)), -ENOENT);
	/* Room again once one goes. */
	mac[5] = 0;
	KUNIT_EXPECT_EQ(test, mybridge_fdb_del(br, mac, 0), 0);
	mac[5] = 4;
	br_learn(br, &p1, mac, 0);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac, 0), &p1);
	br_free(br);
}

static void br_fdb_ageing(struct kunit *test)
{
	struct mybridge *br = br_new(test, 0);
	struct mybridge_port p1 = {};
	unsigned long now = jiffies;

	br->ageing = 10;
	br_learn(br, &p1, mac_a, 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p1, mac_b, 0,
					       NLM_F_CREATE, NULL), 0);
	mybridge_fdb_age(br, now + 9 * HZ);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	mybridge_fdb_age(br, now + 11 * HZ);
	/* The learned entry is gone, the static one stays. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_a, 0)), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_b, 0), &p1);
	/* Ageing 0: learned entries stay. */
	br->ageing = 0;
	br_learn(br, &p1, mac_a, 0);
	mybridge_fdb_age(br, now + 1000 * HZ);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	br_free(br);
}

static void br_fdb_flush(struct kunit *test)
{
	struct mybridge *br = br_new(test, 0);
	struct mybridge_port p1 = {}, p2 = {};
	static const u8 mac_c[ETH_ALEN] = { 2, 0, 0, 0, 0, 0xc };

	br_learn(br, &p1, mac_a, 0);
	br_learn(br, &p2, mac_b, 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p1, mac_c, 0,
					       NLM_F_CREATE, NULL), 0);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, NULL, mac_c, 1,
					       NLM_F_CREATE, NULL), 0);
	/* A port leaving takes all its entries, static ones too. */
	mybridge_fdb_flush(br, &p1, false);
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_a, 0)), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_c, 0)), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_b, 0), &p2);
	/* Dynamic only: the learned ones. */
	KUNIT_EXPECT_EQ(test, mybridge_fdb_add(br, &p2, mac_a, 0,
					       NLM_F_CREATE, NULL), 0);
	mybridge_fdb_flush(br, NULL, true);
	KUNIT_EXPECT_EQ(test, PTR_ERR(br_port(br, mac_b, 0)), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, br_port(br, mac_a, 0), &p2);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 2);
	/* Everything. */
	mybridge_fdb_flush(br, NULL, false);
	KUNIT_EXPECT_EQ(test, mybridge_fdb_count(br), 0);
	br_free(br);
}

static struct kunit_case mybridge_test_cases[] = {
	KUNIT_CASE(br_fdb_learn_and_move),
	KUNIT_CASE(br_fdb_static_entries),
	KUNIT_CASE(br_fdb_learning_limit),
	KUNIT_CASE(br_fdb_ageing),
	KUNIT_CASE(br_fdb_flush),
	{}
};

static struct kunit_suite mybridge_test_suite = {
	.name = "mybridge",
	.test_cases = mybridge_test_cases,
};

kunit_test_suite(mybridge_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for mybridge");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
