// SPDX-License-Identifier: GPL-2.0
/*
 * The "mybridge" generic netlink family (documented in uapi/mybridge.h).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "fdb.h"
#include "netlink.h"
#include <mybridge.h>

static const struct nla_policy mybridge_genl_policy[MYBRIDGE_ATTR_MAX + 1] = {
	[MYBRIDGE_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_API_VERSION]	= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[MYBRIDGE_ATTR_IFNAME]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_AGEING]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_FDB_MAX_LEARNED]	= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_FDB_COUNT]	= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_STATS]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_PORTS]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_PORT]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_FDB]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_FLUSH_DYNAMIC]	= { .type = NLA_FLAG },
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

/* The switch @ifindex of @net, or NULL; RCU or RTNL held. */
static struct mybridge *mybridge_genl_dev(struct net *net, u32 ifindex)
{
	struct net_device *dev = dev_get_by_index_rcu(net, ifindex);

	return dev ? mybridge_from_netdev(dev) : NULL;
}

/* Counter C of @stats as attribute C + 1 of nest @type. */
static int mybridge_put_counters(struct sk_buff *skb, int type,
				 struct mybridge_pcpu_stats __percpu *stats)
{
	u64 c[MYBRIDGE_CNT_MAX];
	struct nlattr *nest;
	int i;

	mybridge_read_counters(stats, c);
	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < MYBRIDGE_CNT_MAX; i++)
		if (nla_put_u64_64bit(skb, i + 1, c[i], MYBRIDGE_ATTR_PAD))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int mybridge_put_ports(struct sk_buff *skb, struct mybridge *br)
{
	struct mybridge_port *p;
	struct nlattr *list, *port;

	list = nla_nest_start(skb, MYBRIDGE_ATTR_PORTS);
	if (!list)
		return -EMSGSIZE;
	list_for_each_entry_rcu(p, &br->ports, list) {
		port = nla_nest_start(skb, MYBRIDGE_ATTR_PORT);
		if (!port ||
		    nla_put_u32(skb, MYBRIDGE_PORT_IFINDEX, p->dev->ifindex) ||
		    nla_put_string(skb, MYBRIDGE_PORT_IFNAME, p->dev->name) ||
		    mybridge_put_counters(skb, MYBRIDGE_PORT_STATS, p->stats))
			return -EMSGSIZE;
		nla_nest_end(skb, port);
	}
	nla_nest_end(skb, list);
	return 0;
}

static int mybridge_fill_bridge(struct sk_buff *skb, struct mybridge *br,
				struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &mybridge_genl_family, NLM_F_MULTI,
			  MYBRIDGE_CMD_GET_BRIDGE);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MYBRIDGE_ATTR_IFINDEX, br->dev->ifindex) ||
	    nla_put_string(skb, MYBRIDGE_ATTR_IFNAME, br->dev->name) ||
	    nla_put_u32(skb, MYBRIDGE_ATTR_AGEING, READ_ONCE(br->ageing)) ||
	    nla_put_u32(skb, MYBRIDGE_ATTR_FDB_MAX_LEARNED,
			READ_ONCE(br->fdb_max_learned)) ||
	    nla_put_u32(skb, MYBRIDGE_ATTR_FDB_COUNT, mybridge_fdb_count(br)) ||
	    mybridge_put_counters(skb, MYBRIDGE_ATTR_STATS, br->stats) ||
	    mybridge_put_ports(skb, br)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static int mybridge_genl_dump_bridges(struct sk_buff *skb,
				      struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct nlattr *only = info->attrs[MYBRIDGE_ATTR_IFINDEX];
	struct net *net = sock_net(skb->sk);
	struct net_device *dev;
	struct mybridge *br;
	long idx = 0;

	rcu_read_lock();
	for_each_netdev_rcu(net, dev) {
		br = mybridge_from_netdev(dev);
		if (!br || (only && dev->ifindex != nla_get_u32(only)))
			continue;
		if (idx++ < cb->args[0])
			continue;
		if (mybridge_fill_bridge(skb, br, cb)) {
			idx--;
			break;
		}
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}

struct mybridge_fdb_dump_ctx {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int mybridge_fill_fdb(struct mybridge *br, struct mybridge_fdb *f,
			     void *arg)
{
	struct mybridge_fdb_dump_ctx *ctx = arg;
	struct mybridge_port *port = READ_ONCE(f->port);
	struct sk_buff *skb = ctx->skb;
	struct nlattr *nest;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(ctx->cb->skb).portid,
			  ctx->cb->nlh->nlmsg_seq, &mybridge_genl_family,
			  NLM_F_MULTI, MYBRIDGE_CMD_GET_FDB);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MYBRIDGE_ATTR_IFINDEX, br->dev->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, MYBRIDGE_ATTR_FDB);
	if (!nest || nla_put(skb, MYBRIDGE_FDB_MAC, ETH_ALEN, f->key.mac) ||
	    nla_put_u16(skb, MYBRIDGE_FDB_VLAN, f->key.vid) ||
	    (port && nla_put_u32(skb, MYBRIDGE_FDB_PORT, port->dev->ifindex)) ||
	    (f->is_static && nla_put_flag(skb, MYBRIDGE_FDB_STATIC)) ||
	    nla_put_u32(skb, MYBRIDGE_FDB_AGE,
			(jiffies - READ_ONCE(f->updated)) / HZ))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int mybridge_genl_dump_fdb(struct sk_buff *skb,
				  struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct nlattr *ifindex = info->attrs[MYBRIDGE_ATTR_IFINDEX];
	struct mybridge_fdb_dump_ctx ctx = { .skb = skb, .cb = cb };
	struct mybridge *br;
	long idx = 0;

	if (!ifindex) {
		NL_SET_ERR_MSG(cb->extack, "mybridge: ifindex is required");
		return -EINVAL;
	}
	rcu_read_lock();
	br = mybridge_genl_dev(sock_net(skb->sk), nla_get_u32(ifindex));
	if (br)
		mybridge_fdb_walk(br, &idx, cb->args[0], mybridge_fill_fdb,
				  &ctx);
	rcu_read_unlock();
	if (!br) {
		NL_SET_ERR_MSG(cb->extack, "mybridge: no such mybridge device");
		return -ENODEV;
	}
	cb->args[0] = idx;
	return skb->len;
}

static int mybridge_genl_flush_fdb(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct mybridge *br;

	if (GENL_REQ_ATTR_CHECK(info, MYBRIDGE_ATTR_IFINDEX))
		return -EINVAL;
	/* RTNL: the switch cannot be unregistered while its FDB is walked. */
	rtnl_lock();
	dev = __dev_get_by_index(genl_info_net(info),
				 nla_get_u32(info->attrs[MYBRIDGE_ATTR_IFINDEX]));
	br = dev ? mybridge_from_netdev(dev) : NULL;
	if (br)
		mybridge_fdb_flush(br, NULL,
				   nla_get_flag(info->attrs[MYBRIDGE_ATTR_FLUSH_DYNAMIC]));
	rtnl_unlock();
	if (!br) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[MYBRIDGE_ATTR_IFINDEX],
				    "mybridge: no such mybridge device");
		return -ENODEV;
	}
	return 0;
}

static const struct genl_ops mybridge_genl_ops[] = {
	{
		.cmd	= MYBRIDGE_CMD_GET_VERSION,
		.doit	= mybridge_genl_get_version,
	},
	{
		.cmd	= MYBRIDGE_CMD_GET_BRIDGE,
		.dumpit	= mybridge_genl_dump_bridges,
	},
	{
		.cmd	= MYBRIDGE_CMD_GET_FDB,
		.dumpit	= mybridge_genl_dump_fdb,
	},
	{
		.cmd	= MYBRIDGE_CMD_FLUSH_FDB,
		.doit	= mybridge_genl_flush_fdb,
		.flags	= GENL_ADMIN_PERM,
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
