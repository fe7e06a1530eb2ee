// SPDX-License-Identifier: GPL-2.0
/*
 * The "myvmx" generic netlink family (documented in uapi/myvmx.h).
 */
#include <kunit/visibility.h>
#include <net/genetlink.h>

#include "netlink.h"
#include <myvmx.h>

static const struct nla_policy myvmx_genl_policy[MYVMX_ATTR_MAX + 1] = {
	[MYVMX_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_API_VERSION]	= { .type = NLA_REJECT },
};

static struct genl_family myvmx_genl_family;

/* Build the reply to MYVMX_CMD_GET_VERSION into @msg. */
int myvmx_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &myvmx_genl_family, 0,
			  MYVMX_CMD_GET_VERSION);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(msg, MYVMX_ATTR_VERSION, RINGZERO_VERSION) ||
	    nla_put_u32(msg, MYVMX_ATTR_API_VERSION, MYVMX_API_VERSION)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_genl_fill_version);

static int myvmx_genl_get_version(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = myvmx_genl_fill_version(msg, info->snd_portid, info->snd_seq);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static const struct genl_ops myvmx_genl_ops[] = {
	{
		.cmd	= MYVMX_CMD_GET_VERSION,
		.doit	= myvmx_genl_get_version,
	},
};

static struct genl_family myvmx_genl_family __ro_after_init = {
	.name		= MYVMX_GENL_NAME,
	.version	= MYVMX_GENL_VERSION,
	.maxattr	= MYVMX_ATTR_MAX,
	.policy		= myvmx_genl_policy,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= myvmx_genl_ops,
	.n_ops		= ARRAY_SIZE(myvmx_genl_ops),
};

int myvmx_genl_init(void)
{
	return genl_register_family(&myvmx_genl_family);
}

void myvmx_genl_uninit(void)
{
	genl_unregister_family(&myvmx_genl_family);
}
