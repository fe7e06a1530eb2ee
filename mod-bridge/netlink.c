// SPDX-License-Identifier: GPL-2.0
/*
 * The "mybridge" generic netlink family (documented in uapi/mybridge.h).
 */
#include <kunit/visibility.h>
#include <net/genetlink.h>

#include "netlink.h"
#include <mybridge.h>

static const struct nla_policy mybridge_genl_policy[MYBRIDGE_ATTR_MAX + 1] = {
	[MYBRIDGE_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_API_VERSION]	= { .type = NLA_REJECT },
};

static struct genl_family mybridge_genl_family;

/* Build the reply to MYBRIDGE_CMD_GET_VERSION into @msg. */
int mybridge_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &mybridge_genl_family, 0,
			  MYBRIDGE_CMD_GET_VERSION);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(msg, MYBRIDGE_ATTR_VERSION, RINGZERO_VERSION) ||
	    nla_put_u32(msg, MYBRIDGE_ATTR_API_VERSION, MYBRIDGE_API_VERSION)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_genl_fill_version);

static int mybridge_genl_get_version(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = mybridge_genl_fill_version(msg, info->snd_portid, info->snd_seq);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static const struct genl_ops mybridge_genl_ops[] = {
	{
		.cmd	= MYBRIDGE_CMD_GET_VERSION,
		.doit	= mybridge_genl_get_version,
	},
};

static struct genl_family mybridge_genl_family __ro_after_init = {
	.name		= MYBRIDGE_GENL_NAME,
	.version	= MYBRIDGE_GENL_VERSION,
	.maxattr	= MYBRIDGE_ATTR_MAX,
	.policy		= mybridge_genl_policy,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= mybridge_genl_ops,
	.n_ops		= ARRAY_SIZE(mybridge_genl_ops),
};

int mybridge_genl_init(void)
{
	return genl_register_family(&mybridge_genl_family);
}

void mybridge_genl_uninit(void)
{
	genl_unregister_family(&mybridge_genl_family);
}
