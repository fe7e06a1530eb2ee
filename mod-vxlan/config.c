// SPDX-License-Identifier: GPL-2.0
/*
 * A myvxlan device's parameters: parsed from and dumped to the
 * IFLA_MYVXLAN_* attributes documented in uapi/myvxlan.h.
 */
#include <kunit/visibility.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <net/ipv6.h>

#include "config.h"

const struct nla_policy myvxlan_policy[IFLA_MYVXLAN_MAX + 1] = {
	[IFLA_MYVXLAN_ID]		= { .type = NLA_U32 },
	[IFLA_MYVXLAN_REMOTE]		= { .type = NLA_BE32 },
	[IFLA_MYVXLAN_REMOTE6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[IFLA_MYVXLAN_GROUP]		= { .type = NLA_BE32 },
	[IFLA_MYVXLAN_GROUP6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[IFLA_MYVXLAN_LOCAL]		= { .type = NLA_BE32 },
	[IFLA_MYVXLAN_LOCAL6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[IFLA_MYVXLAN_LINK]		= { .type = NLA_U32 },
	[IFLA_MYVXLAN_PORT]		= { .type = NLA_BE16 },
	[IFLA_MYVXLAN_PORT_RANGE]	= NLA_POLICY_EXACT_LEN(sizeof(struct myvxlan_port_range)),
	[IFLA_MYVXLAN_TTL]		= { .type = NLA_U8 },
	[IFLA_MYVXLAN_TTL_INHERIT]	= { .type = NLA_FLAG },
	[IFLA_MYVXLAN_TOS]		= { .type = NLA_U8 },
	[IFLA_MYVXLAN_DF]		= NLA_POLICY_MAX(NLA_U8, MYVXLAN_DF_MAX),
	[IFLA_MYVXLAN_LEARNING]		= NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_AGEING]		= { .type = NLA_U32 },
	[IFLA_MYVXLAN_LIMIT]		= { .type = NLA_U32 },
	[IFLA_MYVXLAN_UDP_CSUM]		= NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_PROXY]		= NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_L2MISS]		= NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_MYVXLAN_L3MISS]		= NLA_POLICY_MAX(NLA_U8, 1),
};
EXPORT_SYMBOL_IF_KUNIT(myvxlan_policy);

bool myvxlan_ip_equal(const struct myvxlan_ip *a, const struct myvxlan_ip *b)
{
	if (a->family != b->family)
		return false;
	if (a->family == AF_INET6)
		return ipv6_addr_equal(&a->v6, &b->v6);
	return a->family != AF_INET || a->v4 == b->v4;
}

bool myvxlan_ip_is_multicast(const struct myvxlan_ip *ip)
{
	if (ip->family == AF_INET6)
		return ipv6_addr_is_multicast(&ip->v6);
	return ip->family == AF_INET && ipv4_is_multicast(ip->v4);
}

static bool myvxlan_ip_is_any(const struct myvxlan_ip *ip)
{
	if (ip->family == AF_INET6)
		return ipv6_addr_any(&ip->v6);
	return ip->family != AF_INET || !ip->v4;
}

/* Read an address attribute pair (IPv4 @a4, IPv6 @a6) into @ip. */
static int myvxlan_get_ip(struct myvxlan_ip *ip, struct nlattr *a4,
			  struct nlattr *a6, struct netlink_ext_ack *extack)
{
	if (a4 && a6) {
		NL_SET_ERR_MSG_ATTR(extack, a6,
				    "myvxlan: give an IPv4 or an IPv6 address, not both");
		return -EINVAL;
	}
	if (a4) {
		ip->family = AF_INET;
		ip->v4 = nla_get_in_addr(a4);
	} else if (a6) {
		if (!IS_ENABLED(CONFIG_IPV6)) {
			NL_SET_ERR_MSG_ATTR(extack, a6,
					    "myvxlan: IPv6 is not available");
			return -EPFNOSUPPORT;
		}
		ip->family = AF_INET6;
		ip->v6 = nla_get_in6_addr(a6);
	}
	return 0;
}

static bool myvxlan_get_bool(struct nlattr *attr, bool dflt)
{
	return attr ? nla_get_u8(attr) : dflt;
}

static int myvxlan_cfg_addrs(struct myvxlan_cfg *cfg, struct nlattr *data[],
			     struct netlink_ext_ack *extack)
{
	struct myvxlan_ip remote = {}, group = {};
	struct nlattr *bad;
	int err;

	err = myvxlan_get_ip(&remote, data[IFLA_MYVXLAN_REMOTE],
			     data[IFLA_MYVXLAN_REMOTE6], extack) ?:
	      myvxlan_get_ip(&group, data[IFLA_MYVXLAN_GROUP],
			     data[IFLA_MYVXLAN_GROUP6], extack) ?:
	      myvxlan_get_ip(&cfg->local, data[IFLA_MYVXLAN_LOCAL],
			     data[IFLA_MYVXLAN_LOCAL6], extack);
	if (err)
		return err;

	bad = data[IFLA_MYVXLAN_REMOTE] ?: data[IFLA_MYVXLAN_REMOTE6];
	if (remote.family && (myvxlan_ip_is_multicast(&remote) ||
			      myvxlan_ip_is_any(&remote))) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: remote must be a unicast address");
		return -EINVAL;
	}
	bad = data[IFLA_MYVXLAN_GROUP] ?: data[IFLA_MYVXLAN_GROUP6];
	if (group.family && !myvxlan_ip_is_multicast(&group)) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: group must be a multicast address");
		return -EINVAL;
	}
	if (remote.family && group.family) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: give remote or group, not both");
		return -EINVAL;
	}
	cfg->remote = remote.family ? remote : group;
	if (group.family && !cfg->link_ifindex) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: a multicast group needs dev");
		return -EINVAL;
	}

	bad = data[IFLA_MYVXLAN_LOCAL] ?: data[IFLA_MYVXLAN_LOCAL6];
	if (cfg->local.family && myvxlan_ip_is_multicast(&cfg->local)) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: local must be a unicast address");
		return -EINVAL;
	}
	cfg->family = cfg->remote.family ?: cfg->local.family ?: AF_INET;
	if (cfg->local.family && cfg->local.family != cfg->family) {
		NL_SET_ERR_MSG_ATTR(extack, bad,
				    "myvxlan: local and remote/group families differ");
		return -EINVAL;
	}
	return 0;
}

int myvxlan_cfg_parse(struct myvxlan_cfg *cfg, struct nlattr *data[],
		      struct netlink_ext_ack *extack)
{
	static struct nlattr *none[IFLA_MYVXLAN_MAX + 1];
	struct nlattr *attr;

	memset(cfg, 0, sizeof(*cfg));
	cfg->port = htons(MYVXLAN_DEFAULT_PORT);
	cfg->ageing = 300;

	/* No attributes at all (`ip link add x type myvxlan` without the
	 * plugin): every default, VNI 0.  With attributes, the VNI is
	 * required, as `ip link add ... type vxlan` requires it.
	 */
	if (!data) {
		data = none;
	} else if (!data[IFLA_MYVXLAN_ID]) {
		NL_SET_ERR_MSG(extack, "myvxlan: the VNI (id) is required");
		return -EINVAL;
	}

	attr = data[IFLA_MYVXLAN_ID];
	if (attr) {
		cfg->vni = nla_get_u32(attr);
		if (cfg->vni > MYVXLAN_VNI_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "myvxlan: VNI out of range 0..16777215");
			return -EINVAL;
		}
	}
	if (data[IFLA_MYVXLAN_LINK])
		cfg->link_ifindex = nla_get_u32(data[IFLA_MYVXLAN_LINK]);
	if (myvxlan_cfg_addrs(cfg, data, extack))
		return -EINVAL;

	attr = data[IFLA_MYVXLAN_PORT];
	if (attr) {
		cfg->port = nla_get_be16(attr);
		if (!cfg->port) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "myvxlan: dstport 0 is not a port");
			return -EINVAL;
		}
	}
	attr = data[IFLA_MYVXLAN_PORT_RANGE];
	if (attr) {
		const struct myvxlan_port_range *r = nla_data(attr);

		cfg->port_min = ntohs(r->low);
		cfg->port_max = ntohs(r->high);
		if (cfg->port_min > cfg->port_max) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "myvxlan: srcport range: MIN above MAX");
			return -EINVAL;
		}
	}

	if (data[IFLA_MYVXLAN_TTL])
		cfg->ttl = nla_get_u8(data[IFLA_MYVXLAN_TTL]);
	cfg->ttl_inherit = nla_get_flag(data[IFLA_MYVXLAN_TTL_INHERIT]);
	if (cfg->ttl && cfg->ttl_inherit) {
		NL_SET_ERR_MSG_ATTR(extack, data[IFLA_MYVXLAN_TTL],
				    "myvxlan: ttl is either a value or inherit");
		return -EINVAL;
	}
	if (data[IFLA_MYVXLAN_TOS])
		cfg->tos = nla_get_u8(data[IFLA_MYVXLAN_TOS]);
	if (data[IFLA_MYVXLAN_DF])
		cfg->df = nla_get_u8(data[IFLA_MYVXLAN_DF]);
	cfg->learning = myvxlan_get_bool(data[IFLA_MYVXLAN_LEARNING], true);
	attr = data[IFLA_MYVXLAN_AGEING];
	if (attr) {
		cfg->ageing = nla_get_u32(attr);
		if (cfg->ageing > 1000000) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "myvxlan: ageing above 1000000 seconds");
			return -EINVAL;
		}
	}
	if (data[IFLA_MYVXLAN_LIMIT])
		cfg->limit = nla_get_u32(data[IFLA_MYVXLAN_LIMIT]);
	cfg->udp_csum = myvxlan_get_bool(data[IFLA_MYVXLAN_UDP_CSUM], false);
	cfg->zero_csum6_tx =
		myvxlan_get_bool(data[IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX], false);
	cfg->zero_csum6_rx =
		myvxlan_get_bool(data[IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX], false);
	cfg->proxy = myvxlan_get_bool(data[IFLA_MYVXLAN_PROXY], false);
	cfg->l2miss = myvxlan_get_bool(data[IFLA_MYVXLAN_L2MISS], false);
	cfg->l3miss = myvxlan_get_bool(data[IFLA_MYVXLAN_L3MISS], false);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_cfg_parse);

size_t myvxlan_cfg_size(void)
{
	return nla_total_size(sizeof(u32)) * 4 +		/* ID LINK AGEING LIMIT */
	       nla_total_size(sizeof(struct in6_addr)) * 2 +	/* remote, local */
	       nla_total_size(sizeof(__be16)) +			/* PORT */
	       nla_total_size(sizeof(struct myvxlan_port_range)) +
	       nla_total_size(0) +				/* TTL_INHERIT */
	       nla_total_size(sizeof(u8)) * 11;
}

static int myvxlan_put_ip(struct sk_buff *skb, int type4, int type6,
			  const struct myvxlan_ip *ip)
{
	if (ip->family == AF_INET)
		return nla_put_in_addr(skb, type4, ip->v4);
	if (ip->family == AF_INET6)
		return nla_put_in6_addr(skb, type6, &ip->v6);
	return 0;
}

int myvxlan_cfg_fill(struct sk_buff *skb, const struct myvxlan_cfg *cfg)
{
	const struct myvxlan_port_range range = {
		.low = htons(cfg->port_min),
		.high = htons(cfg->port_max),
	};
	bool group = myvxlan_ip_is_multicast(&cfg->remote);

	if (nla_put_u32(skb, IFLA_MYVXLAN_ID, cfg->vni) ||
	    (group ? myvxlan_put_ip(skb, IFLA_MYVXLAN_GROUP,
				    IFLA_MYVXLAN_GROUP6, &cfg->remote) :
		     myvxlan_put_ip(skb, IFLA_MYVXLAN_REMOTE,
				    IFLA_MYVXLAN_REMOTE6, &cfg->remote)) ||
	    myvxlan_put_ip(skb, IFLA_MYVXLAN_LOCAL, IFLA_MYVXLAN_LOCAL6,
			   &cfg->local) ||
	    (cfg->link_ifindex &&
	     nla_put_u32(skb, IFLA_MYVXLAN_LINK, cfg->link_ifindex)) ||
	    nla_put_be16(skb, IFLA_MYVXLAN_PORT, cfg->port) ||
	    nla_put(skb, IFLA_MYVXLAN_PORT_RANGE, sizeof(range), &range) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_TTL, cfg->ttl) ||
	    (cfg->ttl_inherit &&
	     nla_put_flag(skb, IFLA_MYVXLAN_TTL_INHERIT)) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_TOS, cfg->tos) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_DF, cfg->df) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_LEARNING, cfg->learning) ||
	    nla_put_u32(skb, IFLA_MYVXLAN_AGEING, cfg->ageing) ||
	    nla_put_u32(skb, IFLA_MYVXLAN_LIMIT, cfg->limit) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_UDP_CSUM, cfg->udp_csum) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX,
		       cfg->zero_csum6_tx) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX,
		       cfg->zero_csum6_rx) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_PROXY, cfg->proxy) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_L2MISS, cfg->l2miss) ||
	    nla_put_u8(skb, IFLA_MYVXLAN_L3MISS, cfg->l3miss))
		return -EMSGSIZE;
	return 0;
}
