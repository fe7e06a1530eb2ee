// SPDX-License-Identifier: GPL-2.0
/*
 * MYBRIDGE_CMD_ADD_FLOW, DEL_FLOW and GET_FLOW: rules in their netlink
 * form (uapi/mybridge.h, "The flow table").
 */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include "actions.h"
#include "flow_netlink.h"
#include "netlink.h"

static const struct nla_policy mybridge_match_policy[MYBRIDGE_MATCH_MAX + 1] = {
	[MYBRIDGE_MATCH_IN_PORT]	= NLA_POLICY_MIN(NLA_U32, 1),
	[MYBRIDGE_MATCH_DL_SRC]		= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[MYBRIDGE_MATCH_DL_SRC_MASK]	= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[MYBRIDGE_MATCH_DL_DST]		= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[MYBRIDGE_MATCH_DL_DST_MASK]	= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[MYBRIDGE_MATCH_DL_TYPE]	= { .type = NLA_U16 },
	[MYBRIDGE_MATCH_VLAN]		= NLA_POLICY_MAX(NLA_U16, 4094),
	[MYBRIDGE_MATCH_NW_SRC]		= { .type = NLA_BINARY, .len = 16 },
	[MYBRIDGE_MATCH_NW_SRC_MASK]	= { .type = NLA_BINARY, .len = 16 },
	[MYBRIDGE_MATCH_NW_DST]		= { .type = NLA_BINARY, .len = 16 },
	[MYBRIDGE_MATCH_NW_DST_MASK]	= { .type = NLA_BINARY, .len = 16 },
	[MYBRIDGE_MATCH_NW_PROTO]	= { .type = NLA_U8 },
	[MYBRIDGE_MATCH_TP_SRC]		= { .type = NLA_U16 },
	[MYBRIDGE_MATCH_TP_SRC_MASK]	= { .type = NLA_U16 },
	[MYBRIDGE_MATCH_TP_DST]		= { .type = NLA_U16 },
	[MYBRIDGE_MATCH_TP_DST_MASK]	= { .type = NLA_U16 },
};

const struct nla_policy mybridge_flow_policy[MYBRIDGE_FLOW_MAX + 1] = {
	[MYBRIDGE_FLOW_PRIORITY]	= { .type = NLA_U16 },
	[MYBRIDGE_FLOW_MATCH]		=
		NLA_POLICY_NESTED(mybridge_match_policy),
	[MYBRIDGE_FLOW_ACTIONS]		= { .type = NLA_NESTED },
	[MYBRIDGE_FLOW_PACKETS]		= { .type = NLA_REJECT },
	[MYBRIDGE_FLOW_BYTES]		= { .type = NLA_REJECT },
	[MYBRIDGE_FLOW_USED]		= { .type = NLA_REJECT },
	[MYBRIDGE_FLOW_AGE]		= { .type = NLA_REJECT },
};

/*
 * One field: value @val of @len bytes at @key, its mask (all ones when
 * @mval is absent) at @mask.  Bits of the value outside the mask are
 * refused: the rule would never match what it says.
 */
static int mybridge_match_field(const struct nlattr *val,
				const struct nlattr *mval, void *key,
				void *mask, unsigned int len,
				struct netlink_ext_ack *extack)
{
	u8 *k = key, *m = mask;
	unsigned int i;

	if (nla_len(val) != len || (mval && nla_len(mval) != len)) {
		NL_SET_ERR_MSG_ATTR(extack, val,
				    "mybridge: a match field or its mask has the wrong size");
		return -EINVAL;
	}
	memcpy(k, nla_data(val), len);
	if (mval)
		memcpy(m, nla_data(mval), len);
	else
		memset(m, 0xff, len);
	for (i = 0; i < len; i++) {
		if (k[i] & ~m[i]) {
			NL_SET_ERR_MSG_ATTR(extack, val,
					    "mybridge: value has bits set outside its mask");
			return -EINVAL;
		}
	}
	return 0;
}

/* A port (or ICMP type, code): u16 in host order, the key's in network. */
static int mybridge_match_tp(const struct nlattr *val,
			     const struct nlattr *mval, __be16 *key,
			     __be16 *mask, struct netlink_ext_ack *extack)
{
	u16 v, m;

	if (!val)
		return 0;
	v = nla_get_u16(val);
	m = mval ? nla_get_u16(mval) : 0xffff;
	if (v & ~m) {
		NL_SET_ERR_MSG_ATTR(extack, val,
				    "mybridge: value has bits set outside its mask");
		return -EINVAL;
	}
	*key = htons(v);
	*mask = htons(m);
	return 0;
}

/* Network and transport fields need the headers that carry them. */
static int mybridge_match_prereqs(struct nlattr **tb,
				  const struct mybridge_flow_key *key,
				  const struct mybridge_flow_key *mask,
				  unsigned int *nw_len,
				  struct netlink_ext_ack *extack)
{
	bool nw = tb[MYBRIDGE_MATCH_NW_SRC] || tb[MYBRIDGE_MATCH_NW_DST] ||
		  tb[MYBRIDGE_MATCH_NW_PROTO];
	bool tp = tb[MYBRIDGE_MATCH_TP_SRC] || tb[MYBRIDGE_MATCH_TP_DST];
	bool ip = false;

	*nw_len = 0;
	if (mask->dl_type) {
		switch (ntohs(key->dl_type)) {
		case ETH_P_IP:
			ip = true;
			fallthrough;
		case ETH_P_ARP:
			*nw_len = 4;
			break;
		case ETH_P_IPV6:
			ip = true;
			*nw_len = 16;
			break;
		}
	}
	if (nw && !*nw_len) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: nw_src, nw_dst and nw_proto need dl_type ip, arp or ipv6");
		return -EINVAL;
	}
	if (!tp)
		return 0;
	if (!ip || !tb[MYBRIDGE_MATCH_NW_PROTO]) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: tp_src and tp_dst need an IP protocol (tcp, udp, sctp, icmp)");
		return -EINVAL;
	}
	switch (key->nw_proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return 0;
	}
	NL_SET_ERR_MSG(extack,
		       "mybridge: tp_src and tp_dst need nw_proto tcp, udp, sctp, icmp or icmp6");
	return -EINVAL;
}

static int mybridge_match_parse(struct mybridge *br, const struct nlattr *nest,
				struct mybridge_flow_key *key,
				struct mybridge_flow_key *mask,
				struct mybridge_port **in_port,
				struct netlink_ext_ack *extack)
{
	static const struct {
		int type, mask_type;
		size_t off, len;
	} fields[] = {
		{ MYBRIDGE_MATCH_DL_SRC, MYBRIDGE_MATCH_DL_SRC_MASK,
		  offsetof(struct mybridge_flow_key, dl_src), ETH_ALEN },
		{ MYBRIDGE_MATCH_DL_DST, MYBRIDGE_MATCH_DL_DST_MASK,
		  offsetof(struct mybridge_flow_key, dl_dst), ETH_ALEN },
		{ MYBRIDGE_MATCH_NW_PROTO, 0,
		  offsetof(struct mybridge_flow_key, nw_proto), 1 },
	};
	static const int mask_types[] = {
		MYBRIDGE_MATCH_DL_SRC_MASK, MYBRIDGE_MATCH_DL_DST_MASK,
		MYBRIDGE_MATCH_NW_SRC_MASK, MYBRIDGE_MATCH_NW_DST_MASK,
		MYBRIDGE_MATCH_TP_SRC_MASK, MYBRIDGE_MATCH_TP_DST_MASK,
	};
	struct nlattr *tb[MYBRIDGE_MATCH_MAX + 1] = {};
	unsigned int i, nw_len;
	int err;

	memset(key, 0, sizeof(*key));
	memset(mask, 0, sizeof(*mask));
	*in_port = NULL;
	if (nest) {
		err = nla_parse_nested(tb, MYBRIDGE_MATCH_MAX, nest,
				       mybridge_match_policy, extack);
		if (err)
			return err;
	}
	/* Each mask attribute follows its field's. */
	for (i = 0; i < ARRAY_SIZE(mask_types); i++) {
		if (tb[mask_types[i]] && !tb[mask_types[i] - 1]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[mask_types[i]],
					    "mybridge: a mask without its field");
			return -EINVAL;
		}
	}
	if (tb[MYBRIDGE_MATCH_IN_PORT]) {
		*in_port = mybridge_genl_port(br, tb[MYBRIDGE_MATCH_IN_PORT],
					      extack);
		if (!*in_port)
			return -ENODEV;
		key->in_port = (*in_port)->dev->ifindex;
		mask->in_port = ~0U;
	}
	if (tb[MYBRIDGE_MATCH_DL_TYPE]) {
		key->dl_type = htons(nla_get_u16(tb[MYBRIDGE_MATCH_DL_TYPE]));
		mask->dl_type = htons(0xffff);
	}
	if (tb[MYBRIDGE_MATCH_VLAN]) {
		key->vlan = nla_get_u16(tb[MYBRIDGE_MATCH_VLAN]);
		mask->vlan = 0xffff;
	}
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		if (!tb[fields[i].type])
			continue;
		err = mybridge_match_field(tb[fields[i].type],
					   fields[i].mask_type ?
					   tb[fields[i].mask_type] : NULL,
					   (u8 *)key + fields[i].off,
					   (u8 *)mask + fields[i].off,
					   fields[i].len, extack);
		if (err)
			return err;
	}
	err = mybridge_match_tp(tb[MYBRIDGE_MATCH_TP_SRC],
				tb[MYBRIDGE_MATCH_TP_SRC_MASK], &key->tp_src,
				&mask->tp_src, extack) ?:
	      mybridge_match_tp(tb[MYBRIDGE_MATCH_TP_DST],
				tb[MYBRIDGE_MATCH_TP_DST_MASK], &key->tp_dst,
				&mask->tp_dst, extack) ?:
	      mybridge_match_prereqs(tb, key, mask, &nw_len, extack);
	if (err)
		return err;
	if (tb[MYBRIDGE_MATCH_NW_SRC]) {
		err = mybridge_match_field(tb[MYBRIDGE_MATCH_NW_SRC],
					   tb[MYBRIDGE_MATCH_NW_SRC_MASK],
					   &key->nw_src, &mask->nw_src, nw_len,
					   extack);
		if (err)
			return err;
	}
	if (tb[MYBRIDGE_MATCH_NW_DST])
		return mybridge_match_field(tb[MYBRIDGE_MATCH_NW_DST],
					    tb[MYBRIDGE_MATCH_NW_DST_MASK],
					    &key->nw_dst, &mask->nw_dst,
					    nw_len, extack);
	return 0;
}

/* A field and, unless it is all ones, its mask. */
static int mybridge_put_field(struct sk_buff *skb, int type, int mask_type,
			      const void *key, const void *mask, int len)
{
	if (!memchr_inv(mask, 0, len))
		return 0;
	if (nla_put(skb, type, len, key))
		return -EMSGSIZE;
	if (mask_type && memchr_inv(mask, 0xff, len))
		return nla_put(skb, mask_type, len, mask);
	return 0;
}

/* A port field (type + 1: its mask), in host order. */
static int mybridge_put_tp(struct sk_buff *skb, int type, __be16 key,
			   __be16 mask)
{
	if (!mask)
		return 0;
	if (nla_put_u16(skb, type, ntohs(key)))
		return -EMSGSIZE;
	if (mask != htons(0xffff))
		return nla_put_u16(skb, type + 1, ntohs(mask));
	return 0;
}

static int mybridge_match_put(struct sk_buff *skb,
			      const struct mybridge_flow_key *key,
			      const struct mybridge_flow_key *mask)
{
	struct nlattr *nest = nla_nest_start(skb, MYBRIDGE_FLOW_MATCH);
	int nw_len = key->dl_type == htons(ETH_P_IPV6) ? 16 : 4;

	if (!nest ||
	    (mask->in_port &&
	     nla_put_u32(skb, MYBRIDGE_MATCH_IN_PORT, key->in_port)) ||
	    mybridge_put_field(skb, MYBRIDGE_MATCH_DL_SRC,
			       MYBRIDGE_MATCH_DL_SRC_MASK, key->dl_src,
			       mask->dl_src, ETH_ALEN) ||
	    mybridge_put_field(skb, MYBRIDGE_MATCH_DL_DST,
			       MYBRIDGE_MATCH_DL_DST_MASK, key->dl_dst,
			       mask->dl_dst, ETH_ALEN) ||
	    (mask->dl_type &&
	     nla_put_u16(skb, MYBRIDGE_MATCH_DL_TYPE, ntohs(key->dl_type))) ||
	    (mask->vlan && nla_put_u16(skb, MYBRIDGE_MATCH_VLAN, key->vlan)) ||
	    mybridge_put_field(skb, MYBRIDGE_MATCH_NW_SRC,
			       MYBRIDGE_MATCH_NW_SRC_MASK, &key->nw_src,
			       &mask->nw_src, nw_len) ||
	    mybridge_put_field(skb, MYBRIDGE_MATCH_NW_DST,
			       MYBRIDGE_MATCH_NW_DST_MASK, &key->nw_dst,
			       &mask->nw_dst, nw_len) ||
	    mybridge_put_field(skb, MYBRIDGE_MATCH_NW_PROTO, 0,
			       &key->nw_proto, &mask->nw_proto, 1) ||
	    mybridge_put_tp(skb, MYBRIDGE_MATCH_TP_SRC, key->tp_src,
			    mask->tp_src) ||
	    mybridge_put_tp(skb, MYBRIDGE_MATCH_TP_DST, key->tp_dst,
			    mask->tp_dst))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* The flow nest of a request, parsed; priority required. */
static int mybridge_genl_flow(struct genl_info *info, struct nlattr **tb)
{
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MYBRIDGE_ATTR_FLOW))
		return -EINVAL;
	err = nla_parse_nested(tb, MYBRIDGE_FLOW_MAX,
			       info->attrs[MYBRIDGE_ATTR_FLOW],
			       mybridge_flow_policy, info->extack);
	if (err)
		return err;
	if (!tb[MYBRIDGE_FLOW_PRIORITY]) {
		NL_SET_ERR_MSG(info->extack, "mybridge: a rule needs a priority");
		return -EINVAL;
	}
	return 0;
}

int mybridge_genl_add_flow(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[MYBRIDGE_FLOW_MAX + 1];
	struct mybridge_flow_key key, mask;
	struct mybridge_actions *acts;
	struct mybridge_port *in_port;
	struct mybridge *br;
	int err;

	err = mybridge_genl_flow(info, tb);
	if (err)
		return err;
	if (!tb[MYBRIDGE_FLOW_ACTIONS]) {
		NL_SET_ERR_MSG(info->extack, "mybridge: a rule needs actions");
		return -EINVAL;
	}
	rtnl_lock();
	br = mybridge_genl_bridge(info);
	if (IS_ERR(br)) {
		err = PTR_ERR(br);
		goto unlock;
	}
	err = mybridge_match_parse(br, tb[MYBRIDGE_FLOW_MATCH], &key, &mask,
				   &in_port, info->extack);
	if (err)
		goto unlock;
	acts = mybridge_actions_parse(br, tb[MYBRIDGE_FLOW_ACTIONS],
				      info->extack);
	if (IS_ERR(acts)) {
		err = PTR_ERR(acts);
		goto unlock;
	}
	err = mybridge_flow_insert(&br->flows, &key, &mask,
				   nla_get_u16(tb[MYBRIDGE_FLOW_PRIORITY]),
				   in_port, acts,
				   nla_get_flag(info->attrs[MYBRIDGE_ATTR_REPLACE]));
	if (err) {
		kfree(acts);
		if (err == -EEXIST)
			NL_SET_ERR_MSG(info->extack,
				       "mybridge: a rule with this match and priority exists");
	}
unlock:
	rtnl_unlock();
	return err;
}

int mybridge_genl_del_flow(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[MYBRIDGE_FLOW_MAX + 1];
	struct mybridge_flow_key key, mask;
	struct mybridge_port *in_port;
	struct mybridge_rule *rule;
	struct mybridge *br;
	int err = 0;

	if (info->attrs[MYBRIDGE_ATTR_FLOW]) {
		err = mybridge_genl_flow(info, tb);
		if (err)
			return err;
		if (tb[MYBRIDGE_FLOW_ACTIONS]) {
			NL_SET_ERR_MSG(info->extack,
				       "mybridge: rules are deleted by match and priority, without actions");
			return -EINVAL;
		}
	}
	rtnl_lock();
	br = mybridge_genl_bridge(info);
	if (IS_ERR(br)) {
		err = PTR_ERR(br);
		goto unlock;
	}
	if (!info->attrs[MYBRIDGE_ATTR_FLOW]) {
		mybridge_flow_flush(&br->flows, NULL);
		goto unlock;
	}
	err = mybridge_match_parse(br, tb[MYBRIDGE_FLOW_MATCH], &key, &mask,
				   &in_port, info->extack);
	if (err)
		goto unlock;
	rule = mybridge_flow_find(&br->flows, &key, &mask,
				  nla_get_u16(tb[MYBRIDGE_FLOW_PRIORITY]));
	if (!rule) {
		NL_SET_ERR_MSG(info->extack,
			       "mybridge: no rule with this match and priority");
		err = -ENOENT;
		goto unlock;
	}
	mybridge_flow_remove(&br->flows, rule);
unlock:
	rtnl_unlock();
	return err;
}

static int mybridge_fill_flow(struct sk_buff *skb, struct mybridge *br,
			      struct mybridge_rule *r,
			      struct netlink_callback *cb)
{
	unsigned long used;
	u64 packets, bytes;
	struct nlattr *nest;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &mybridge_genl_family, NLM_F_MULTI,
			  MYBRIDGE_CMD_GET_FLOW);
	if (!hdr)
		return -EMSGSIZE;
	mybridge_flow_read_stats(r, &packets, &bytes, &used);
	if (nla_put_u32(skb, MYBRIDGE_ATTR_IFINDEX, br->dev->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, MYBRIDGE_ATTR_FLOW);
	if (!nest ||
	    nla_put_u16(skb, MYBRIDGE_FLOW_PRIORITY, r->priority) ||
	    mybridge_match_put(skb, &r->key, &r->st->mask) ||
	    mybridge_actions_put(skb, MYBRIDGE_FLOW_ACTIONS,
				 rcu_dereference(r->actions)) ||
	    nla_put_u64_64bit(skb, MYBRIDGE_FLOW_PACKETS, packets,
			      MYBRIDGE_FLOW_PAD) ||
	    nla_put_u64_64bit(skb, MYBRIDGE_FLOW_BYTES, bytes,
			      MYBRIDGE_FLOW_PAD) ||
	    (used && nla_put_u32(skb, MYBRIDGE_FLOW_USED,
				 jiffies_to_msecs(jiffies - used))) ||
	    nla_put_u32(skb, MYBRIDGE_FLOW_AGE, (jiffies - r->created) / HZ))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

int mybridge_genl_dump_flows(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct nlattr *ifindex = info->attrs[MYBRIDGE_ATTR_IFINDEX];
	struct net_device *dev;
	struct mybridge_rule *r;
	struct mybridge *br = NULL;
	long idx = 0;

	if (!ifindex) {
		NL_SET_ERR_MSG(cb->extack, "mybridge: ifindex is required");
		return -EINVAL;
	}
	rcu_read_lock();
	dev = dev_get_by_index_rcu(sock_net(skb->sk), nla_get_u32(ifindex));
	if (dev)
		br = mybridge_from_netdev(dev);
	if (br) {
		list_for_each_entry_rcu(r, &br->flows.rules, list) {
			if (idx++ < cb->args[0])
				continue;
			if (mybridge_fill_flow(skb, br, r, cb)) {
				idx--;
				break;
			}
		}
	}
	rcu_read_unlock();
	if (!br) {
		NL_SET_ERR_MSG(cb->extack, "mybridge: no such mybridge device");
		return -ENODEV;
	}
	cb->args[0] = idx;
	return skb->len;
}
