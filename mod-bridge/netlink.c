// SPDX-License-Identifier: GPL-2.0
/*
 * The "mybridge" generic netlink family (documented in uapi/mybridge.h).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "export.h"
#include "fdb.h"
#include "flow_netlink.h"
#include "netlink.h"
#include "police.h"
#include "port.h"
#include "vlan.h"
#include <mybridge.h>

static const struct nla_policy mybridge_port_policy[MYBRIDGE_PORT_MAX + 1] = {
	[MYBRIDGE_PORT_IFINDEX]		= NLA_POLICY_MIN(NLA_U32, 1),
	[MYBRIDGE_PORT_IFNAME]		= { .type = NLA_REJECT },
	[MYBRIDGE_PORT_STATS]		= { .type = NLA_REJECT },
	[MYBRIDGE_PORT_VLAN_MODE]	=
		NLA_POLICY_MAX(NLA_U8, MYBRIDGE_VLAN_MODE_MAX),
	[MYBRIDGE_PORT_PVID]		= NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[MYBRIDGE_PORT_TRUNK]		= { .type = NLA_BINARY,
					    .len = 2 * (VLAN_N_VID - 2) },
	[MYBRIDGE_PORT_POLICE_RATE]	= { .type = NLA_U64 },
	[MYBRIDGE_PORT_POLICE_BURST]	=
		NLA_POLICY_MIN(NLA_U32, MYBRIDGE_POLICE_BURST_MIN),
	[MYBRIDGE_PORT_MIRROR_RX]	= { .type = NLA_U32 },
	[MYBRIDGE_PORT_MIRROR_TX]	= { .type = NLA_U32 },
};

static const struct nla_policy mybridge_export_policy[MYBRIDGE_EXPORT_MAX + 1] = {
	[MYBRIDGE_EXPORT_FORMAT]	=
		NLA_POLICY_MAX(NLA_U8, MYBRIDGE_EXPORT_FORMAT_MAX),
	[MYBRIDGE_EXPORT_ADDR]		= { .type = NLA_BINARY, .len = 16 },
	[MYBRIDGE_EXPORT_PORT]		= NLA_POLICY_MIN(NLA_U16, 1),
	[MYBRIDGE_EXPORT_ACTIVE]	=
		NLA_POLICY_RANGE(NLA_U32, 1, MYBRIDGE_EXPORT_TIMEOUT_MAX),
	[MYBRIDGE_EXPORT_IDLE]		=
		NLA_POLICY_RANGE(NLA_U32, 1, MYBRIDGE_EXPORT_TIMEOUT_MAX),
	[MYBRIDGE_EXPORT_RECORDS]	= { .type = NLA_REJECT },
	[MYBRIDGE_EXPORT_MESSAGES]	= { .type = NLA_REJECT },
	[MYBRIDGE_EXPORT_DROPPED]	= { .type = NLA_REJECT },
};

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
	[MYBRIDGE_ATTR_PORT]		=
		NLA_POLICY_NESTED(mybridge_port_policy),
	[MYBRIDGE_ATTR_FDB]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_FLUSH_DYNAMIC]	= { .type = NLA_FLAG },
	[MYBRIDGE_ATTR_FLOW]		=
		NLA_POLICY_NESTED(mybridge_flow_policy),
	[MYBRIDGE_ATTR_IN_PORT]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_VLAN]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_PACKET_LEN]	= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_PACKET]		= { .type = NLA_REJECT },
	[MYBRIDGE_ATTR_REPLACE]		= { .type = NLA_FLAG },
	[MYBRIDGE_ATTR_EXPORT]		=
		NLA_POLICY_NESTED(mybridge_export_policy),
};

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

struct mybridge *mybridge_genl_bridge(struct genl_info *info)
{
	struct nlattr *attr = info->attrs[MYBRIDGE_ATTR_IFINDEX];
	struct net_device *dev;
	struct mybridge *br;

	ASSERT_RTNL();
	if (!attr) {
		NL_SET_ERR_MSG(info->extack, "mybridge: ifindex is required");
		return ERR_PTR(-EINVAL);
	}
	dev = __dev_get_by_index(genl_info_net(info), nla_get_u32(attr));
	br = dev ? mybridge_from_netdev(dev) : NULL;
	if (!br) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "mybridge: no such mybridge device");
		return ERR_PTR(-ENODEV);
	}
	return br;
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

static int mybridge_put_vlan(struct sk_buff *skb,
			     const struct mybridge_vlan *v)
{
	unsigned int n = 0, vid;
	struct nlattr *attr;
	u16 *vids;

	if (!v)
		return nla_put_u8(skb, MYBRIDGE_PORT_VLAN_MODE,
				  MYBRIDGE_VLAN_NONE);
	if (nla_put_u8(skb, MYBRIDGE_PORT_VLAN_MODE, v->mode))
		return -EMSGSIZE;
	if (v->mode == MYBRIDGE_VLAN_ACCESS)
		return nla_put_u16(skb, MYBRIDGE_PORT_PVID, v->pvid);
	attr = nla_reserve(skb, MYBRIDGE_PORT_TRUNK,
			   bitmap_weight(v->trunk, VLAN_N_VID) * sizeof(u16));
	if (!attr)
		return -EMSGSIZE;
	vids = nla_data(attr);
	for_each_set_bit(vid, v->trunk, VLAN_N_VID)
		vids[n++] = vid;
	return 0;
}

static int mybridge_put_mirror(struct sk_buff *skb, int type,
			       const struct mybridge_port *to)
{
	return to ? nla_put_u32(skb, type, to->dev->ifindex) : 0;
}

/* VLAN mode, policing and mirrors of @p; under RCU. */
static int mybridge_put_port_setup(struct sk_buff *skb,
				   const struct mybridge_port *p)
{
	const struct mybridge_police *police = rcu_dereference(p->police);

	if (mybridge_put_vlan(skb, rcu_dereference(p->vlan)) ||
	    (police && (nla_put_u64_64bit(skb, MYBRIDGE_PORT_POLICE_RATE,
					  police->rate, MYBRIDGE_PORT_PAD) ||
			nla_put_u32(skb, MYBRIDGE_PORT_POLICE_BURST,
				    police->burst))) ||
	    mybridge_put_mirror(skb, MYBRIDGE_PORT_MIRROR_RX,
				rcu_dereference(p->mirror_rx)) ||
	    mybridge_put_mirror(skb, MYBRIDGE_PORT_MIRROR_TX,
				rcu_dereference(p->mirror_tx)))
		return -EMSGSIZE;
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
		    mybridge_put_port_setup(skb, p) ||
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
	struct mybridge_export *exp = rcu_dereference(br->export);
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
	    (exp && mybridge_export_put(skb, exp)) ||
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
			/* Not even alone in a message: say so, not nothing. */
			if (!skb->len) {
				rcu_read_unlock();
				return -EMSGSIZE;
			}
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

/* The port @attr names (u32 ifindex), or NULL with an extack message. */
struct mybridge_port *mybridge_genl_port(struct mybridge *br,
					 const struct nlattr *attr,
					 struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	struct mybridge_port *p = NULL;

	dev = __dev_get_by_index(dev_net(br->dev), nla_get_u32(attr));
	if (dev)
		p = mybridge_port_of(br, dev);
	if (!p)
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "mybridge: not a port of this switch");
	return p;
}

/* A mirror destination from @attr (0: none) for port @p. */
static int mybridge_genl_mirror(struct mybridge *br, struct mybridge_port *p,
				const struct nlattr *attr,
				struct mybridge_port **to,
				struct netlink_ext_ack *extack)
{
	*to = NULL;
	if (!nla_get_u32(attr))
		return 0;
	*to = mybridge_genl_port(br, attr, extack);
	if (!*to)
		return -ENODEV;
	if (*to == p) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "mybridge: a port cannot mirror to itself");
		return -EINVAL;
	}
	return 0;
}

static void mybridge_set_mirror(struct mybridge *br,
				struct mybridge_port __rcu **slot,
				struct mybridge_port *to)
{
	struct mybridge_port *old = rtnl_dereference(*slot);

	if (old)
		WRITE_ONCE(old->mirror_sources, old->mirror_sources - 1);
	if (to)
		WRITE_ONCE(to->mirror_sources, to->mirror_sources + 1);
	rcu_assign_pointer(*slot, to);
	/* What was learned on a new destination no longer leads there. */
	if (to && to->mirror_sources == 1)
		mybridge_fdb_flush(br, to, true);
}

/* What SET_PORT asks for, checked before anything changes. */
struct mybridge_port_setup {
	bool set_vlan, set_police, set_rx, set_tx;
	struct mybridge_vlan *vlan;
	struct mybridge_police *police;
	struct mybridge_port *rx, *tx;
};

static int mybridge_port_setup_parse(struct mybridge *br,
				     struct mybridge_port *p,
				     struct nlattr **tb,
				     struct mybridge_port_setup *s,
				     struct netlink_ext_ack *extack)
{
	int err;

	if ((tb[MYBRIDGE_PORT_PVID] || tb[MYBRIDGE_PORT_TRUNK]) &&
	    !tb[MYBRIDGE_PORT_VLAN_MODE]) {
		NL_SET_ERR_MSG(extack, "mybridge: a PVID or trunk needs a VLAN mode");
		return -EINVAL;
	}
	if (tb[MYBRIDGE_PORT_TRUNK] &&
	    nla_len(tb[MYBRIDGE_PORT_TRUNK]) % sizeof(u16)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MYBRIDGE_PORT_TRUNK],
				    "mybridge: the trunk is an array of u16");
		return -EINVAL;
	}
	if (tb[MYBRIDGE_PORT_POLICE_BURST] && !tb[MYBRIDGE_PORT_POLICE_RATE]) {
		NL_SET_ERR_MSG(extack, "mybridge: a burst needs a rate");
		return -EINVAL;
	}
	if (tb[MYBRIDGE_PORT_POLICE_RATE] &&
	    nla_get_u64(tb[MYBRIDGE_PORT_POLICE_RATE]) &&
	    !tb[MYBRIDGE_PORT_POLICE_BURST]) {
		NL_SET_ERR_MSG(extack, "mybridge: a rate needs a burst");
		return -EINVAL;
	}
	if (tb[MYBRIDGE_PORT_MIRROR_RX]) {
		s->set_rx = true;
		err = mybridge_genl_mirror(br, p, tb[MYBRIDGE_PORT_MIRROR_RX],
					   &s->rx, extack);
		if (err)
			return err;
	}
	if (tb[MYBRIDGE_PORT_MIRROR_TX]) {
		s->set_tx = true;
		err = mybridge_genl_mirror(br, p, tb[MYBRIDGE_PORT_MIRROR_TX],
					   &s->tx, extack);
		if (err)
			return err;
	}
	if (tb[MYBRIDGE_PORT_VLAN_MODE]) {
		const struct nlattr *trunk = tb[MYBRIDGE_PORT_TRUNK];

		s->set_vlan = true;
		s->vlan = mybridge_vlan_new(nla_get_u8(tb[MYBRIDGE_PORT_VLAN_MODE]),
					    tb[MYBRIDGE_PORT_PVID] ?
					    nla_get_u16(tb[MYBRIDGE_PORT_PVID]) : 0,
					    trunk ? nla_data(trunk) : NULL,
					    trunk ? nla_len(trunk) / sizeof(u16) : 0,
					    extack);
		if (IS_ERR(s->vlan))
			return PTR_ERR(s->vlan);
	}
	if (tb[MYBRIDGE_PORT_POLICE_RATE]) {
		u64 rate = nla_get_u64(tb[MYBRIDGE_PORT_POLICE_RATE]);

		s->set_police = true;
		if (!rate)
			return 0;
		s->police = kzalloc(sizeof(*s->police), GFP_KERNEL);
		if (!s->police) {
			kfree(s->vlan);
			return -ENOMEM;
		}
		mybridge_police_init(s->police, rate,
				     nla_get_u32(tb[MYBRIDGE_PORT_POLICE_BURST]),
				     ktime_get_ns());
	}
	return 0;
}

static int mybridge_genl_set_port(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[MYBRIDGE_PORT_MAX + 1];
	struct mybridge_port_setup s = {};
	struct mybridge_port *p;
	struct mybridge *br;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MYBRIDGE_ATTR_PORT))
		return -EINVAL;
	err = nla_parse_nested(tb, MYBRIDGE_PORT_MAX,
			       info->attrs[MYBRIDGE_ATTR_PORT],
			       mybridge_port_policy, info->extack);
	if (err)
		return err;
	if (!tb[MYBRIDGE_PORT_IFINDEX]) {
		NL_SET_ERR_MSG(info->extack, "mybridge: the port's ifindex is required");
		return -EINVAL;
	}
	rtnl_lock();
	br = mybridge_genl_bridge(info);
	if (IS_ERR(br)) {
		err = PTR_ERR(br);
		goto unlock;
	}
	p = mybridge_genl_port(br, tb[MYBRIDGE_PORT_IFINDEX], info->extack);
	if (!p) {
		err = -ENODEV;
		goto unlock;
	}
	err = mybridge_port_setup_parse(br, p, tb, &s, info->extack);
	if (err)
		goto unlock;
	if (s.set_vlan) {
		kfree_rcu(rcu_replace_pointer(p->vlan, s.vlan,
					      lockdep_rtnl_is_held()), rcu);
		/* What it learned in VLANs it may have left is void. */
		mybridge_fdb_flush(br, p, true);
	}
	if (s.set_police)
		kfree_rcu(rcu_replace_pointer(p->police, s.police,
					      lockdep_rtnl_is_held()), rcu);
	if (s.set_rx)
		mybridge_set_mirror(br, &p->mirror_rx, s.rx);
	if (s.set_tx)
		mybridge_set_mirror(br, &p->mirror_tx, s.tx);
unlock:
	rtnl_unlock();
	return err;
}

/* The export set-up of a SET_EXPORT request. */
static int mybridge_export_parse(struct nlattr **tb,
				 struct mybridge_export_config *cfg,
				 struct netlink_ext_ack *extack)
{
	struct sockaddr_in6 *sin6 = (void *)&cfg->collector;
	struct sockaddr_in *sin = (void *)&cfg->collector;
	const struct nlattr *addr = tb[MYBRIDGE_EXPORT_ADDR];

	memset(cfg, 0, sizeof(*cfg));
	if (!tb[MYBRIDGE_EXPORT_FORMAT]) {
		NL_SET_ERR_MSG(extack, "mybridge: an export format is required");
		return -EINVAL;
	}
	cfg->format = nla_get_u8(tb[MYBRIDGE_EXPORT_FORMAT]);
	if (cfg->format == MYBRIDGE_EXPORT_OFF)
		return 0;
	if (!addr || !tb[MYBRIDGE_EXPORT_PORT]) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: export needs the collector's address and port");
		return -EINVAL;
	}
	if (nla_len(addr) == sizeof(struct in6_addr)) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = nla_get_in6_addr(addr);
		sin6->sin6_port = htons(nla_get_u16(tb[MYBRIDGE_EXPORT_PORT]));
	} else if (nla_len(addr) == sizeof(struct in_addr)) {
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = nla_get_in_addr(addr);
		sin->sin_port = htons(nla_get_u16(tb[MYBRIDGE_EXPORT_PORT]));
	} else {
		NL_SET_ERR_MSG_ATTR(extack, addr,
				    "mybridge: the collector's address is IPv4 (4 bytes) or IPv6 (16)");
		return -EINVAL;
	}
	cfg->active = tb[MYBRIDGE_EXPORT_ACTIVE] ?
		      nla_get_u32(tb[MYBRIDGE_EXPORT_ACTIVE]) :
		      MYBRIDGE_EXPORT_ACTIVE_DEFAULT;
	cfg->idle = tb[MYBRIDGE_EXPORT_IDLE] ?
		    nla_get_u32(tb[MYBRIDGE_EXPORT_IDLE]) :
		    MYBRIDGE_EXPORT_IDLE_DEFAULT;
	return 0;
}

static int mybridge_genl_set_export(struct sk_buff *skb,
				    struct genl_info *info)
{
	struct nlattr *tb[MYBRIDGE_EXPORT_MAX + 1];
	struct mybridge_export_config cfg;
	struct mybridge *br;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MYBRIDGE_ATTR_EXPORT))
		return -EINVAL;
	err = nla_parse_nested(tb, MYBRIDGE_EXPORT_MAX,
			       info->attrs[MYBRIDGE_ATTR_EXPORT],
			       mybridge_export_policy, info->extack) ?:
	      mybridge_export_parse(tb, &cfg, info->extack);
	if (err)
		return err;
	rtnl_lock();
	br = mybridge_genl_bridge(info);
	err = IS_ERR(br) ? PTR_ERR(br) :
			   mybridge_export_set(br, &cfg, info->extack);
	rtnl_unlock();
	return err;
}

int mybridge_genl_packet_in(struct mybridge *br, struct mybridge_port *in,
			    struct sk_buff *skb, u16 vid, u16 max_len)
{
	struct net *net = dev_net(br->dev);
	unsigned int len = skb->len;
	struct sk_buff *msg;
	struct nlattr *attr;
	void *hdr;

	if (!genl_has_listeners(&mybridge_genl_family, net,
				MYBRIDGE_MCGRP_MONITOR_ID))
		return -ESRCH;
	if (max_len && max_len < len)
		len = max_len;
	/* A GRO frame may be longer than an attribute can be. */
	len = min_t(unsigned int, len, U16_MAX - NLA_HDRLEN);
	msg = genlmsg_new(nla_total_size(len) + 4 * nla_total_size(4),
			  GFP_ATOMIC);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, 0, 0, &mybridge_genl_family, 0,
			  MYBRIDGE_CMD_PACKET_IN);
	if (!hdr ||
	    nla_put_u32(msg, MYBRIDGE_ATTR_IFINDEX, br->dev->ifindex) ||
	    nla_put_u32(msg, MYBRIDGE_ATTR_IN_PORT, in->dev->ifindex) ||
	    nla_put_u16(msg, MYBRIDGE_ATTR_VLAN, vid) ||
	    nla_put_u32(msg, MYBRIDGE_ATTR_PACKET_LEN, skb->len))
		goto free;
	attr = nla_reserve(msg, MYBRIDGE_ATTR_PACKET, len);
	if (!attr || skb_copy_bits(skb, 0, nla_data(attr), len))
		goto free;
	genlmsg_end(msg, hdr);
	return genlmsg_multicast_netns(&mybridge_genl_family, net, msg, 0,
				       MYBRIDGE_MCGRP_MONITOR_ID, GFP_ATOMIC);
free:
	nlmsg_free(msg);
	return -EMSGSIZE;
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
	{
		.cmd	= MYBRIDGE_CMD_SET_PORT,
		.doit	= mybridge_genl_set_port,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYBRIDGE_CMD_ADD_FLOW,
		.doit	= mybridge_genl_add_flow,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYBRIDGE_CMD_DEL_FLOW,
		.doit	= mybridge_genl_del_flow,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYBRIDGE_CMD_GET_FLOW,
		.dumpit	= mybridge_genl_dump_flows,
	},
	{
		.cmd	= MYBRIDGE_CMD_SET_EXPORT,
		.doit	= mybridge_genl_set_export,
		.flags	= GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group mybridge_genl_mcgrps[] = {
	[MYBRIDGE_MCGRP_MONITOR_ID] = {
		.name	= MYBRIDGE_MCGRP_MONITOR,
		.flags	= GENL_MCAST_CAP_NET_ADMIN,
	},
};

struct genl_family mybridge_genl_family __ro_after_init = {
	.name		= MYBRIDGE_GENL_NAME,
	.version	= MYBRIDGE_GENL_VERSION,
	.maxattr	= MYBRIDGE_ATTR_MAX,
	.policy		= mybridge_genl_policy,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= mybridge_genl_ops,
	.n_ops		= ARRAY_SIZE(mybridge_genl_ops),
	.mcgrps		= mybridge_genl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(mybridge_genl_mcgrps),
};

int mybridge_genl_init(void)
{
	return genl_register_family(&mybridge_genl_family);
}

void mybridge_genl_uninit(void)
{
	genl_unregister_family(&mybridge_genl_family);
}
