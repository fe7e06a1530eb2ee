// SPDX-License-Identifier: GPL-2.0
/*
 * The "myvxlan" generic netlink family (documented in uapi/myvxlan.h).
 */
#include <kunit/visibility.h>
#include <net/genetlink.h>

#include "netlink.h"
#include <myvxlan.h>

static const struct nla_policy myvxlan_genl_policy[MYVXLAN_ATTR_MAX + 1] = {
	[MYVXLAN_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_API_VERSION]	= { .type = NLA_REJECT },
};

static struct genl_family myvxlan_genl_family;

/* Build the reply to MYVXLAN_CMD_GET_VERSION into @msg. */
int myvxlan_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &myvxlan_genl_family, 0,
			  MYVXLAN_CMD_GET_VERSION);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(msg, MYVXLAN_ATTR_VERSION, RINGZERO_VERSION) ||
	    nla_put_u32(msg, MYVXLAN_ATTR_API_VERSION, MYVXLAN_API_VERSION)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_genl_fill_version);

static int myvxlan_genl_get_version(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = myvxlan_genl_fill_version(msg, info->snd_portid, info->snd_seq);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static const struct genl_ops myvxlan_genl_ops[] = {
	{
		.cmd	= MYVXLAN_CMD_GET_VERSION,
		.doit	= myvxlan_genl_get_version,
	},
};

static struct genl_family myvxlan_genl_family __ro_after_init = {
	.name		= MYVXLAN_GENL_NAME,
	.version	= MYVXLAN_GENL_VERSION,
	.maxattr	= MYVXLAN_ATTR_MAX,
	.policy		= myvxlan_genl_policy,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= myvxlan_genl_ops,
	.n_ops		= ARRAY_SIZE(myvxlan_genl_ops),
};

int myvxlan_genl_init(void)
{
	return genl_register_family(&myvxlan_genl_family);
}

void myvxlan_genl_uninit(void)
{
	genl_unregister_family(&myvxlan_genl_family);
}
