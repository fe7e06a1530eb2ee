// SPDX-License-Identifier: GPL-2.0
/*
 * The "myvxlan" generic netlink family (documented in uapi/myvxlan.h).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>

#include "config.h"
#include "fdb.h"
#include "netlink.h"
#include <myvxlan.h>

static const struct nla_policy myvxlan_genl_policy[MYVXLAN_ATTR_MAX + 1] = {
	[MYVXLAN_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_API_VERSION]	= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[MYVXLAN_ATTR_IFNAME]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_CONFIG]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_STATS]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_DROPS]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_FDB]		= { .type = NLA_REJECT },
	[MYVXLAN_ATTR_FLUSH_DYNAMIC]	= { .type = NLA_FLAG },
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

/* The myvxlan device @ifindex of @net, or NULL; RCU or RTNL held. */
static struct myvxlan_dev *myvxlan_genl_dev(struct net *net, u32 ifindex)
{
	struct net_device *dev = dev_get_by_index_rcu(net, ifindex);

	return dev ? myvxlan_from_netdev(dev) : NULL;
}

static int myvxlan_put_stats(struct sk_buff *skb, struct myvxlan_dev *vx)
{
	struct rtnl_link_stats64 tot = {};
	u64 c[MYVXLAN_CNT_MAX];
	struct nlattr *nest;
	int i;

	dev_fetch_sw_netstats(&tot, vx->dev->tstats);
	myvxlan_read_counters(vx, c);

	nest = nla_nest_start(skb, MYVXLAN_ATTR_STATS);
	if (!nest ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_RX_PACKETS, tot.rx_packets,
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_RX_BYTES, tot.rx_bytes,
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_TX_PACKETS, tot.tx_packets,
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_TX_BYTES, tot.tx_bytes,
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_LEARNED, c[MYVXLAN_CNT_LEARNED],
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_PROXY_REPLIES,
			      c[MYVXLAN_CNT_PROXY_REPLIES], MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_L2MISSES, c[MYVXLAN_CNT_L2MISSES],
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_L3MISSES, c[MYVXLAN_CNT_L3MISSES],
			      MYVXLAN_STATS_PAD) ||
	    nla_put_u64_64bit(skb, MYVXLAN_STATS_FDB_ENTRIES,
			      myvxlan_fdb_count(vx), MYVXLAN_STATS_PAD))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);

	nest = nla_nest_start(skb, MYVXLAN_ATTR_DROPS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < MYVXLAN_DROP_MAX; i++)
		if (nla_put_u64_64bit(skb, i + 1, c[i], MYVXLAN_ATTR_PAD))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int myvxlan_fill_device(struct sk_buff *skb, struct myvxlan_dev *vx,
			       struct netlink_callback *cb)
{
	struct nlattr *nest;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &myvxlan_genl_family, NLM_F_MULTI,
			  MYVXLAN_CMD_GET_DEVICE);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MYVXLAN_ATTR_IFINDEX, vx->dev->ifindex) ||
	    nla_put_string(skb, MYVXLAN_ATTR_IFNAME, vx->dev->name))
		goto cancel;
	nest = nla_nest_start(skb, MYVXLAN_ATTR_CONFIG);
	if (!nest || myvxlan_cfg_fill(skb, &vx->cfg))
		goto cancel;
	nla_nest_end(skb, nest);
	if (myvxlan_put_stats(skb, vx))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int myvxlan_genl_dump_devices(struct sk_buff *skb,
				     struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct nlattr *only = info->attrs[MYVXLAN_ATTR_IFINDEX];
	struct net *net = sock_net(skb->sk);
	struct net_device *dev;
	struct myvxlan_dev *vx;
	long idx = 0;

	rcu_read_lock();
	for_each_netdev_rcu(net, dev) {
		vx = myvxlan_from_netdev(dev);
		if (!vx || (only && dev->ifindex != nla_get_u32(only)))
			continue;
		if (idx++ < cb->args[0])
			continue;
		if (myvxlan_fill_device(skb, vx, cb)) {
			idx--;
			break;
		}
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}

struct myvxlan_fdb_dump_ctx {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int myvxlan_fill_fdb(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
			    struct myvxlan_remote *rd, void *arg)
{
	struct myvxlan_fdb_dump_ctx *ctx = arg;
	struct sk_buff *skb = ctx->skb;
	struct nlattr *nest;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(ctx->cb->skb).portid,
			  ctx->cb->nlh->nlmsg_seq, &myvxlan_genl_family,
			  NLM_F_MULTI, MYVXLAN_CMD_GET_FDB);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MYVXLAN_ATTR_IFINDEX, vx->dev->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, MYVXLAN_ATTR_FDB);
	if (!nest || nla_put(skb, MYVXLAN_FDB_MAC, ETH_ALEN, f->mac) ||
	    (rd->ip.family == AF_INET ?
	     nla_put_in_addr(skb, MYVXLAN_FDB_REMOTE, rd->ip.v4) :
	     nla_put_in6_addr(skb, MYVXLAN_FDB_REMOTE, &rd->ip.v6)) ||
	    nla_put_u16(skb, MYVXLAN_FDB_STATE, f->state) ||
	    (f->learned && nla_put_flag(skb, MYVXLAN_FDB_LEARNED)) ||
	    nla_put_u32(skb, MYVXLAN_FDB_AGE,
			(jiffies - READ_ONCE(f->updated)) / HZ))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int myvxlan_genl_dump_fdb(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct nlattr *ifindex = info->attrs[MYVXLAN_ATTR_IFINDEX];
	struct myvxlan_fdb_dump_ctx ctx = { .skb = skb, .cb = cb };
	struct myvxlan_dev *vx;
	long idx = 0;

	if (!ifindex) {
		NL_SET_ERR_MSG(cb->extack, "myvxlan: ifindex is required");
		return -EINVAL;
	}
	rcu_read_lock();
	vx = myvxlan_genl_dev(sock_net(skb->sk), nla_get_u32(ifindex));
	if (vx)
		myvxlan_fdb_walk(vx, &idx, cb->args[0], myvxlan_fill_fdb, &ctx);
	rcu_read_unlock();
	if (!vx) {
		NL_SET_ERR_MSG(cb->extack, "myvxlan: no such myvxlan device");
		return -ENODEV;
	}
	cb->args[0] = idx;
	return skb->len;
}

static int myvxlan_genl_flush_fdb(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct myvxlan_dev *vx;

	if (GENL_REQ_ATTR_CHECK(info, MYVXLAN_ATTR_IFINDEX))
		return -EINVAL;
	/* RTNL: the device cannot be unregistered while its FDB is walked. */
	rtnl_lock();
	dev = __dev_get_by_index(genl_info_net(info),
				 nla_get_u32(info->attrs[MYVXLAN_ATTR_IFINDEX]));
	vx = dev ? myvxlan_from_netdev(dev) : NULL;
	if (vx)
		myvxlan_fdb_flush(vx, nla_get_flag(info->attrs[MYVXLAN_ATTR_FLUSH_DYNAMIC]));
	rtnl_unlock();
	if (!vx) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[MYVXLAN_ATTR_IFINDEX],
				    "myvxlan: no such myvxlan device");
		return -ENODEV;
	}
	return 0;
}

static const struct genl_ops myvxlan_genl_ops[] = {
	{
		.cmd	= MYVXLAN_CMD_GET_VERSION,
		.doit	= myvxlan_genl_get_version,
	},
	{
		.cmd	= MYVXLAN_CMD_GET_DEVICE,
		.dumpit	= myvxlan_genl_dump_devices,
	},
	{
		.cmd	= MYVXLAN_CMD_GET_FDB,
		.dumpit	= myvxlan_genl_dump_fdb,
	},
	{
		.cmd	= MYVXLAN_CMD_FLUSH_FDB,
		.doit	= myvxlan_genl_flush_fdb,
		.flags	= GENL_ADMIN_PERM,
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
