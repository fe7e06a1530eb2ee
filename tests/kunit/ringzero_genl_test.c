// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the version reply of every ringzero generic netlink family.
 *
 * Each module builds its reply with <module>_genl_fill_version(); the
 * suite parses what it built the way a client would and checks every
 * field, then checks that a reply that does not fit leaves the message
 * untouched.
 */
#include <kunit/test.h>
#include <net/genetlink.h>

#include <ringzero.h>
#include <myvxlan.h>
#include <mybridge.h>

#include "../../mod-vxlan/netlink.h"
#include "../../mod-bridge/netlink.h"

struct rz_family_case {
	const char *name;
	int (*fill)(struct sk_buff *msg, u32 portid, u32 seq);
	u32 api_version;
};

static const struct rz_family_case rz_family_cases[] = {
	{ MYVXLAN_GENL_NAME, myvxlan_genl_fill_version, MYVXLAN_API_VERSION },
	{ MYBRIDGE_GENL_NAME, mybridge_genl_fill_version,
	  MYBRIDGE_API_VERSION },
};

static void rz_family_case_desc(const struct rz_family_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rz_family, rz_family_cases, rz_family_case_desc);

static const struct nla_policy rz_version_reply_policy[] = {
	[RINGZERO_ATTR_VERSION]		= { .type = NLA_NUL_STRING },
	[RINGZERO_ATTR_API_VERSION]	= { .type = NLA_U32 },
};

static void rz_version_reply_fields(struct kunit *test)
{
	const struct rz_family_case *c = test->param_value;
	struct nlattr *tb[RINGZERO_ATTR_API_VERSION + 1];
	struct genlmsghdr *genl;
	struct nlmsghdr *nlh;
	struct sk_buff *msg;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, msg);

	KUNIT_ASSERT_EQ(test, c->fill(msg, 4242, 17), 0);

	nlh = nlmsg_hdr(msg);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_len, msg->len);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_pid, 4242u);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_seq, 17u);
	genl = nlmsg_data(nlh);
	KUNIT_EXPECT_EQ(test, genl->cmd, RINGZERO_CMD_GET_VERSION);
	KUNIT_EXPECT_EQ(test, genl->version, 1);

	KUNIT_ASSERT_EQ(test,
			nlmsg_parse(nlh, GENL_HDRLEN, tb,
				    RINGZERO_ATTR_API_VERSION,
				    rz_version_reply_policy, NULL), 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[RINGZERO_ATTR_VERSION]);
	KUNIT_ASSERT_NOT_NULL(test, tb[RINGZERO_ATTR_API_VERSION]);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[RINGZERO_ATTR_VERSION]),
			   RINGZERO_VERSION);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[RINGZERO_ATTR_API_VERSION]),
			c->api_version);

	nlmsg_free(msg);
}

/* A reply that does not fit fails with -EMSGSIZE and leaves no trace. */
static void rz_version_reply_too_small(struct kunit *test)
{
	const struct rz_family_case *c = test->param_value;
	unsigned int room, used;
	struct sk_buff *msg;

	/* From room for the string but not the u32 after it, down to none. */
	room = NLMSG_HDRLEN + GENL_HDRLEN +
	       nla_total_size(sizeof(RINGZERO_VERSION));
	for (;; room -= 4) {
		msg = alloc_skb(NLMSG_GOODSIZE, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, msg);
		/* Leave exactly @room bytes of tailroom. */
		skb_put_zero(msg, skb_tailroom(msg) - room);
		used = msg->len;
		KUNIT_EXPECT_EQ(test, c->fill(msg, 1, 1), -EMSGSIZE);
		KUNIT_EXPECT_EQ(test, msg->len, used);
		kfree_skb(msg);
		if (room < 4)
			break;
	}
}

static struct kunit_case rz_genl_test_cases[] = {
	KUNIT_CASE_PARAM(rz_version_reply_fields, rz_family_gen_params),
	KUNIT_CASE_PARAM(rz_version_reply_too_small, rz_family_gen_params),
	{}
};

static struct kunit_suite rz_genl_test_suite = {
	.name = "ringzero_genl",
	.test_cases = rz_genl_test_cases,
};

kunit_test_suite(rz_genl_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for the ringzero genl version replies");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
