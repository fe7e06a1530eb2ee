// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvxlan's header handling, configuration checks, source port
 * choice, forwarding database and ARP/ND proxy.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/inet.h>
#include <linux/neighbour.h>
#include <linux/if_arp.h>
#include <linux/ipv6.h>
#include <net/ip6_checksum.h>
#include <net/ndisc.h>
#include <net/netlink.h>

#include "../../mod-vxlan/config.h"
#include "../../mod-vxlan/fdb.h"
#include "../../mod-vxlan/header.h"
#include "../../mod-vxlan/proxy.h"

/* --- the VXLAN header --- */

static void vx_hdr_build_layout(struct kunit *test)
{
	static const u32 vnis[] = { 0, 1, 42, 0x123456, MYVXLAN_VNI_MAX };
	struct vxlanhdr h;
	const u8 *b = (const u8 *)&h;
	int i;

	for (i = 0; i < ARRAY_SIZE(vnis); i++) {
		memset(&h, 0xff, sizeof(h));
		myvxlan_hdr_build(&h, vnis[i]);
		KUNIT_EXPECT_EQ(test, b[0], 0x08);	/* I flag only */
		KUNIT_EXPECT_EQ(test, b[1], 0);
		KUNIT_EXPECT_EQ(test, b[2], 0);
		KUNIT_EXPECT_EQ(test, b[3], 0);
		KUNIT_EXPECT_EQ(test, b[4], (vnis[i] >> 16) & 0xff);
		KUNIT_EXPECT_EQ(test, b[5], (vnis[i] >> 8) & 0xff);
		KUNIT_EXPECT_EQ(test, b[6], vnis[i] & 0xff);
		KUNIT_EXPECT_EQ(test, b[7], 0);
	}
}

static void vx_hdr_parse_valid(struct kunit *test)
{
	struct vxlanhdr h;
	u32 vni = 0;

	myvxlan_hdr_build(&h, 0xabcdef);
	KUNIT_EXPECT_EQ(test, myvxlan_hdr_parse(&h, &vni), -1);
	KUNIT_EXPECT_EQ(test, vni, 0xabcdefu);
}

static void vx_hdr_parse_flag_clear(struct kunit *test)
{
	struct vxlanhdr h;
	u32 vni = 7;

	myvxlan_hdr_build(&h, 42);
	h.vx_flags = 0;
	KUNIT_EXPECT_EQ(test, myvxlan_hdr_parse(&h, &vni),
			MYVXLAN_DROP_RX_FLAGS);
	KUNIT_EXPECT_EQ(test, vni, 7u);	/* untouched */
}

/* Every reserved bit, alone, gets the frame dropped. */
static void vx_hdr_parse_reserved_bits(struct kunit *test)
{
	struct vxlanhdr h;
	u32 vni;
	int bit;

	for (bit = 0; bit < 32; bit++) {
		if (bit == 27)		/* the I flag */
			continue;
		myvxlan_hdr_build(&h, 42);
		h.vx_flags |= cpu_to_be32(BIT(bit));
		KUNIT_EXPECT_EQ_MSG(test, myvxlan_hdr_parse(&h, &vni),
				    MYVXLAN_DROP_RX_RESERVED, "flags bit %d",
				    bit);
	}
	for (bit = 0; bit < 8; bit++) {
		myvxlan_hdr_build(&h, 42);
		h.vx_vni |= cpu_to_be32(BIT(bit));
		KUNIT_EXPECT_EQ_MSG(test, myvxlan_hdr_parse(&h, &vni),
				    MYVXLAN_DROP_RX_RESERVED, "vni bit %d", bit);
	}
}

/* --- configuration --- */

struct vx_attr {
	struct nlattr nla;
	u8 data[16];
};

static struct nlattr *vx_attr(struct vx_attr *a, int type, const void *data,
			      int len)
{
	a->nla.nla_type = type;
	a->nla.nla_len = NLA_HDRLEN + len;
	memcpy(a->data, data, len);
	return &a->nla;
}

static struct nlattr *vx_u32(struct vx_attr *a, int type, u32 v)
{
	return vx_attr(a, type, &v, sizeof(v));
}

static struct nlattr *vx_be32(struct vx_attr *a, int type, __be32 v)
{
	return vx_attr(a, type, &v, sizeof(v));
}

static void vx_cfg_defaults(struct kunit *test)
{
	struct myvxlan_cfg cfg;

	KUNIT_ASSERT_EQ(test, myvxlan_cfg_parse(&cfg, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, cfg.vni, 0u);
	KUNIT_EXPECT_EQ(test, ntohs(cfg.port), 4789);
	KUNIT_EXPECT_EQ(test, cfg.family, AF_INET);
	KUNIT_EXPECT_TRUE(test, cfg.learning);
	KUNIT_EXPECT_EQ(test, cfg.ageing, 300u);
	KUNIT_EXPECT_EQ(test, cfg.limit, 0u);
}

static void vx_cfg_vni_bounds(struct kunit *test)
{
	static const struct { u32 vni; int err; } cases[] = {
		{ 0, 0 }, { 1, 0 }, { MYVXLAN_VNI_MAX, 0 },
		{ MYVXLAN_VNI_MAX + 1, -EINVAL }, { 0xffffffff, -EINVAL },
	};
	struct nlattr *data[IFLA_MYVXLAN_MAX + 1];
	struct netlink_ext_ack extack;
	struct myvxlan_cfg cfg;
	struct vx_attr id;
	int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(data, 0, sizeof(data));
		memset(&extack, 0, sizeof(extack));
		data[IFLA_MYVXLAN_ID] = vx_u32(&id, IFLA_MYVXLAN_ID,
					       cases[i].vni);
		KUNIT_EXPECT_EQ_MSG(test,
				    myvxlan_cfg_parse(&cfg, data, &extack),
				    cases[i].err, "vni %u", cases[i].vni);
		if (cases[i].err) {
			KUNIT_EXPECT_NOT_NULL(test, extack._msg);
			KUNIT_EXPECT_PTR_EQ(test, extack.bad_attr,
					    (const struct nlattr *)&id.nla);
		} else {
			KUNIT_EXPECT_EQ(test, cfg.vni, cases[i].vni);
		}
	}
}

static void vx_cfg_vni_required(struct kunit *test)
{
	struct nlattr *data[IFLA_MYVXLAN_MAX + 1] = {};
	struct netlink_ext_ack extack = {};
	struct myvxlan_cfg cfg;
	struct vx_attr port;

	data[IFLA_MYVXLAN_PORT] = vx_attr(&port, IFLA_MYVXLAN_PORT,
					  &(__be16){ htons(8472) }, 2);
	KUNIT_EXPECT_EQ(test, myvxlan_cfg_parse(&cfg, data, &extack), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, extack._msg);
}

/* Addresses that do not fit their role are refused. */
static void vx_cfg_addresses(struct kunit *test)
{
	static const struct {
		int type;
		const char *addr;
		bool with_link;
		int err;
	} cases[] = {
		{ IFLA_MYVXLAN_REMOTE, "10.0.0.2", false, 0 },
		{ IFLA_MYVXLAN_REMOTE, "239.1.1.1", false, -EINVAL },
		{ IFLA_MYVXLAN_REMOTE, "0.0.0.0", false, -EINVAL },
		{ IFLA_MYVXLAN_GROUP, "239.1.1.1", true, 0 },
		{ IFLA_MYVXLAN_GROUP, "239.1.1.1", false, -EINVAL },
		{ IFLA_MYVXLAN_GROUP, "10.0.0.1", true, -EINVAL },
		{ IFLA_MYVXLAN_LOCAL, "224.0.0.1", false, -EINVAL },
	};
	struct nlattr *data[IFLA_MYVXLAN_MAX + 1];
	struct vx_attr id, addr, link;
	struct myvxlan_cfg cfg;
	int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(data, 0, sizeof(data));
		data[IFLA_MYVXLAN_ID] = vx_u32(&id, IFLA_MYVXLAN_ID, 42);
		data[cases[i].type] = vx_be32(&addr, cases[i].type,
					      in_aton(cases[i].addr));
		if (cases[i].with_link)
			data[IFLA_MYVXLAN_LINK] =
				vx_u32(&link, IFLA_MYVXLAN_LINK, 2);
		KUNIT_EXPECT_EQ_MSG(test, myvxlan_cfg_parse(&cfg, data, NULL),
				    cases[i].err, "case %d (%s)", i,
				    cases[i].addr);
	}
}

static void vx_cfg_family_mismatch(struct kunit *test)
{
	struct nlattr *data[IFLA_MYVXLAN_MAX + 1] = {};
	struct vx_attr id, remote, local6;
	struct in6_addr a6 = { .s6_addr = { 0xfd, [15] = 1 } };
	struct myvxlan_cfg cfg;

	data[IFLA_MYVXLAN_ID] = vx_u32(&id, IFLA_MYVXLAN_ID, 1);
	data[IFLA_MYVXLAN_REMOTE] = vx_be32(&remote, IFLA_MYVXLAN_REMOTE,
					    in_aton("10.0.0.2"));
	data[IFLA_MYVXLAN_LOCAL6] = vx_attr(&local6, IFLA_MYVXLAN_LOCAL6,
					    &a6, sizeof(a6));
	KUNIT_EXPECT_EQ(test, myvxlan_cfg_parse(&cfg, data, NULL), -EINVAL);

	data[IFLA_MYVXLAN_REMOTE] = NULL;
	KUNIT_ASSERT_EQ(test, myvxlan_cfg_parse(&cfg, data, NULL), 0);
	KUNIT_EXPECT_EQ(test, cfg.family, AF_INET6);
}

/* --- source port --- */

static void vx_src_port_range(struct kunit *test)
{
	static const u16 ranges[][2] = {
		{ 32768, 60999 }, { 1, 65535 }, { 4000, 4000 }, { 0, 1 },
	};
	u32 hash;
	int i, seen_min, seen_max;

	for (i = 0; i < ARRAY_SIZE(ranges); i++) {
		u16 lo = ranges[i][0], hi = ranges[i][1];

		seen_min = 0;
		seen_max = 0;
		KUNIT_EXPECT_EQ(test, myvxlan_src_port(0, lo, hi), lo);
		KUNIT_EXPECT_EQ(test, myvxlan_src_port(U32_MAX, lo, hi), hi);
		for (hash = 0; hash < 1000000; hash += 997) {
			u16 p = myvxlan_src_port(hash * 2654435761u, lo, hi);

			KUNIT_ASSERT_GE(test, p, lo);
			KUNIT_ASSERT_LE(test, p, hi);
			seen_min |= p == lo;
			seen_max |= p == hi;
		}
		if (hi - lo < 100) {
			KUNIT_EXPECT_TRUE(test, seen_min);
			KUNIT_EXPECT_TRUE(test, seen_max);
		}
	}
}

/* --- forwarding database --- */

static struct myvxlan_dev *vx_fdb_dev(struct kunit *test, u32 limit)
{
	struct myvxlan_dev *vx = kunit_kzalloc(test, sizeof(*vx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, vx);
	vx->cfg.family = AF_INET;
	vx->cfg.ageing = 300;
	vx->cfg.limit = limit;
	vx->pstats = alloc_percpu(struct myvxlan_pcpu_stats);
	KUNIT_ASSERT_NOT_NULL(test, vx->pstats);
	KUNIT_ASSERT_EQ(test, myvxlan_fdb_init(vx), 0);
	return vx;
}

static void vx_fdb_free_dev(struct myvxlan_dev *vx)
{
	myvxlan_fdb_uninit(vx);
	free_percpu(vx->pstats);
}

/* Learning runs in the receive path, under RCU. */
static void vx_learn(struct myvxlan_dev *vx, const u8 *mac,
		     const struct myvxlan_ip *ip)
{
	rcu_read_lock();
	myvxlan_fdb_learn(vx, mac, ip);
	rcu_read_unlock();
}

static struct myvxlan_ip vx_ip(const char *s)
{
	return (struct myvxlan_ip){ .family = AF_INET, .v4 = in_aton(s) };
}

/* The remotes of @mac's entry, in order, into @out; returns how many. */
static int vx_remotes(struct myvxlan_dev *vx, const u8 *mac, __be32 *out,
		      int max)
{
	struct myvxlan_remote *rd;
	struct myvxlan_fdb *f;
	int n = 0;

	rcu_read_lock();
	f = myvxlan_fdb_lookup(vx, mac);
	if (f)
		list_for_each_entry_rcu(rd, &f->remotes, list)
			if (n < max)
				out[n++] = rd->ip.v4;
	rcu_read_unlock();
	return f ? n : -1;
}

static const u8 vx_mac_a[ETH_ALEN] = { 0x52, 0x54, 0, 0xaa, 0xbb, 0xcc };
static const u8 vx_mac_b[ETH_ALEN] = { 0x52, 0x54, 0, 0xaa, 0xbb, 0xcd };
static const u8 vx_mac_c[ETH_ALEN] = { 0x52, 0x54, 0, 0xaa, 0xbb, 0xce };
static const u8 vx_mac_zero[ETH_ALEN];

static void vx_fdb_add_replace_append(struct kunit *test)
{
	struct myvxlan_dev *vx = vx_fdb_dev(test, 0);
	struct myvxlan_ip a = vx_ip("10.0.0.2"), b = vx_ip("10.0.0.3");
	__be32 r[4];

	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_a, &a, NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_EXCL, NULL), 0);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_a, &b, NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_EXCL, NULL),
			-EEXIST);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_a, r, 4), 1);
	KUNIT_EXPECT_EQ(test, r[0], a.v4);

	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_a, &b, NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_REPLACE, NULL), 0);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_a, r, 4), 1);
	KUNIT_EXPECT_EQ(test, r[0], b.v4);

	/* The replication list: the all-zeros MAC with two remotes. */
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_zero, &a,
					      NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_APPEND, NULL), 0);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_zero, &b,
					      NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_APPEND, NULL), 0);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_zero, &b,
					      NUD_PERMANENT,
					      NLM_F_CREATE | NLM_F_APPEND, NULL),
			-EEXIST);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_zero, r, 4), 2);
	KUNIT_EXPECT_EQ(test, r[0], a.v4);
	KUNIT_EXPECT_EQ(test, r[1], b.v4);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 2u);

	/* Deleting one remote keeps the entry; the last one removes it. */
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_del(vx, vx_mac_zero, &a), 0);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_zero, r, 4), 1);
	KUNIT_EXPECT_EQ(test, r[0], b.v4);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_del(vx, vx_mac_zero, &a), -ENOENT);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_del(vx, vx_mac_zero, &b), 0);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_zero, r, 4), -1);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_del(vx, vx_mac_a, NULL), 0);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 0u);
	vx_fdb_free_dev(vx);
}

static void vx_fdb_learning(struct kunit *test)
{
	struct myvxlan_dev *vx = vx_fdb_dev(test, 0);
	struct myvxlan_ip a = vx_ip("10.0.0.2"), b = vx_ip("10.0.0.3");
	__be32 r[2];

	vx_learn(vx, vx_mac_a, &a);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_a, r, 2), 1);
	KUNIT_EXPECT_EQ(test, r[0], a.v4);
	/* The MAC moves to another VTEP. */
	vx_learn(vx, vx_mac_a, &b);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_a, r, 2), 1);
	KUNIT_EXPECT_EQ(test, r[0], b.v4);
	/* A static entry is never relearned. */
	KUNIT_ASSERT_EQ(test, myvxlan_fdb_add(vx, vx_mac_b, &a, NUD_PERMANENT,
					      NLM_F_CREATE, NULL), 0);
	vx_learn(vx, vx_mac_b, &b);
	KUNIT_ASSERT_EQ(test, vx_remotes(vx, vx_mac_b, r, 2), 1);
	KUNIT_EXPECT_EQ(test, r[0], a.v4);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 2u);
	vx_fdb_free_dev(vx);
}

static void vx_fdb_ageing(struct kunit *test)
{
	struct myvxlan_dev *vx = vx_fdb_dev(test, 0);
	struct myvxlan_ip a = vx_ip("10.0.0.2");
	unsigned long t0;
	__be32 r[1];

	vx->cfg.ageing = 10;
	t0 = jiffies;
	vx_learn(vx, vx_mac_a, &a);
	KUNIT_ASSERT_EQ(test, myvxlan_fdb_add(vx, vx_mac_b, &a, NUD_PERMANENT,
					      NLM_F_CREATE, NULL), 0);
	KUNIT_ASSERT_EQ(test, myvxlan_fdb_add(vx, vx_mac_c, &a, NUD_REACHABLE,
					      NLM_F_CREATE, NULL), 0);
	myvxlan_fdb_age(vx, t0 + 5 * HZ);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 3u);
	/* A second later than the ageing time: dynamic entries go. */
	myvxlan_fdb_age(vx, jiffies + 11 * HZ);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_a, r, 1), -1);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_c, r, 1), -1);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_b, r, 1), 1);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 1u);
	vx_fdb_free_dev(vx);
}

static void vx_fdb_limit_and_flush(struct kunit *test)
{
	struct myvxlan_dev *vx = vx_fdb_dev(test, 2);
	struct myvxlan_ip a = vx_ip("10.0.0.2");
	__be32 r[1];

	KUNIT_ASSERT_EQ(test, myvxlan_fdb_add(vx, vx_mac_a, &a, NUD_PERMANENT,
					      NLM_F_CREATE, NULL), 0);
	vx_learn(vx, vx_mac_b, &a);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 2u);
	/* Full: neither an add nor learning makes a third entry. */
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_add(vx, vx_mac_c, &a, NUD_PERMANENT,
					      NLM_F_CREATE, NULL), -ENOSPC);
	vx_learn(vx, vx_mac_c, &a);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_c, r, 1), -1);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 2u);

	myvxlan_fdb_flush(vx, true);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_b, r, 1), -1);
	KUNIT_EXPECT_EQ(test, vx_remotes(vx, vx_mac_a, r, 1), 1);
	myvxlan_fdb_flush(vx, false);
	KUNIT_EXPECT_EQ(test, myvxlan_fdb_count(vx), 0u);
	vx_fdb_free_dev(vx);
}

/* --- ARP and neighbour discovery suppression (proxy) --- */

/* An unregistered myvxlan-sized Ethernet device: enough for the proxy. */
static struct myvxlan_dev *vx_proxy_dev(struct kunit *test)
{
	struct net_device *dev = alloc_etherdev(sizeof(struct myvxlan_dev));
	struct myvxlan_dev *vx;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	vx = netdev_priv(dev);
	vx->dev = dev;
	vx->cfg.proxy = true;
	vx->pstats = alloc_percpu(struct myvxlan_pcpu_stats);
	KUNIT_ASSERT_NOT_NULL(test, vx->pstats);
	return vx;
}

static void vx_proxy_free_dev(struct myvxlan_dev *vx)
{
	free_percpu(vx->pstats);
	free_netdev(vx->dev);
}

/* A frame of @proto with @len bytes of @payload, as xmit sees it. */
static struct sk_buff *vx_frame(struct kunit *test, struct net_device *dev,
				u16 proto, const void *payload, size_t len)
{
	struct sk_buff *skb = alloc_skb(ETH_HLEN + len, GFP_KERNEL);
	struct ethhdr *eth;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	eth = skb_put(skb, ETH_HLEN);
	eth_broadcast_addr(eth->h_dest);
	eth_random_addr(eth->h_source);
	eth->h_proto = htons(proto);
	skb_put_data(skb, payload, len);
	skb->dev = dev;
	skb_reset_mac_header(skb);
	return skb;
}

static void vx_proxy_classifies(struct kunit *test)
{
	struct myvxlan_dev *vx = vx_proxy_dev(test);
	struct {
		struct ipv6hdr ip6;
		struct nd_msg nd;
	} __packed ns = {
		.ip6 = { .version = 6, .nexthdr = IPPROTO_ICMPV6,
			 .hop_limit = 255,
			 .payload_len = htons(sizeof(struct nd_msg)) },
		.nd.icmph.icmp6_type = NDISC_NEIGHBOUR_SOLICITATION,
	};
	struct {
		struct arphdr arp;
		u8 addrs[2 * (ETH_ALEN + 4)];
	} __packed arp = {
		.arp = { .ar_hrd = htons(ARPHRD_ETHER),
			 .ar_pro = htons(ETH_P_IP), .ar_hln = ETH_ALEN,
			 .ar_pln = 4, .ar_op = htons(ARPOP_REQUEST) },
	};
	u8 ipv4[20] = { 0x45 };
	struct sk_buff *skb;

	ns.ip6.saddr.s6_addr[15] = 1;
	ns.nd.target.s6_addr[0] = 0xfd;
	ns.nd.target.s6_addr[15] = 2;

	/* ARP never crosses the tunnel: swallowed, answered or not. */
	skb = vx_frame(test, vx->dev, ETH_P_ARP, &arp, sizeof(arp));
	KUNIT_EXPECT_TRUE(test, myvxlan_proxy(vx, skb));
	/* Nor does a truncated ARP frame. */
	skb = vx_frame(test, vx->dev, ETH_P_ARP, &arp, 6);
	KUNIT_EXPECT_TRUE(test, myvxlan_proxy(vx, skb));
	/* A neighbour solicitation is swallowed... */
	skb = vx_frame(test, vx->dev, ETH_P_IPV6, &ns, sizeof(ns));
	KUNIT_EXPECT_TRUE(test, myvxlan_proxy(vx, skb));
	/* ... but not an advertisement, nor one not at hop limit 255. */
	ns.nd.icmph.icmp6_type = NDISC_NEIGHBOUR_ADVERTISEMENT;
	skb = vx_frame(test, vx->dev, ETH_P_IPV6, &ns, sizeof(ns));
	KUNIT_EXPECT_FALSE(test, myvxlan_proxy(vx, skb));
	kfree_skb(skb);
	ns.nd.icmph.icmp6_type = NDISC_NEIGHBOUR_SOLICITATION;
	ns.ip6.hop_limit = 64;
	skb = vx_frame(test, vx->dev, ETH_P_IPV6, &ns, sizeof(ns));
	KUNIT_EXPECT_FALSE(test, myvxlan_proxy(vx, skb));
	kfree_skb(skb);
	/* A cut-short solicitation and IPv4 go on to the tunnel. */
	skb = vx_frame(test, vx->dev, ETH_P_IPV6, &ns, sizeof(ns) - 1);
	KUNIT_EXPECT_FALSE(test, myvxlan_proxy(vx, skb));
	kfree_skb(skb);
	skb = vx_frame(test, vx->dev, ETH_P_IP, ipv4, sizeof(ipv4));
	KUNIT_EXPECT_FALSE(test, myvxlan_proxy(vx, skb));
	kfree_skb(skb);
	vx_proxy_free_dev(vx);
}

static void vx_proxy_na_layout(struct kunit *test)
{
	static const u8 asker[ETH_ALEN] = { 0x52, 0x54, 0, 0, 1, 1 };
	static const u8 ha[ETH_ALEN] = { 0x52, 0x54, 0, 0, 1, 2 };
	struct myvxlan_dev *vx = vx_proxy_dev(test);
	struct in6_addr daddr = {}, target = {};
	const struct ipv6hdr *ip6;
	const struct nd_msg *na;
	const struct ethhdr *eth;
	struct sk_buff *skb;
	unsigned int len;

	daddr.s6_addr[0] = 0xfd;
	daddr.s6_addr[15] = 1;
	target.s6_addr[0] = 0xfd;
	target.s6_addr[15] = 2;
	skb = myvxlan_na_create(vx->dev, asker, &daddr, &target, ha);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	eth = eth_hdr(skb);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(eth->h_dest, asker));
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(eth->h_source, ha));
	KUNIT_EXPECT_EQ(test, ntohs(eth->h_proto), ETH_P_IPV6);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), 0);

	ip6 = ipv6_hdr(skb);
	len = ntohs(ip6->payload_len);
	KUNIT_EXPECT_EQ(test, skb_network_header(skb)[0] >> 4, 6);
	KUNIT_EXPECT_EQ(test, ip6->hop_limit, 255);
	KUNIT_EXPECT_EQ(test, ip6->nexthdr, IPPROTO_ICMPV6);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->saddr, &target));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->daddr, &daddr));
	KUNIT_EXPECT_EQ(test, skb->len, sizeof(*ip6) + len);
	/* icmp6 header, target, and an 8-byte target link-layer option */
	KUNIT_EXPECT_EQ(test, len, sizeof(*na) + 8);

	na = (const struct nd_msg *)(ip6 + 1);
	KUNIT_EXPECT_EQ(test, na->icmph.icmp6_type,
			NDISC_NEIGHBOUR_ADVERTISEMENT);
	KUNIT_EXPECT_EQ(test, na->icmph.icmp6_code, 0);
	/* Solicited and override set, router clear (RFC 4861 4.4). */
	KUNIT_EXPECT_EQ(test, ntohl(na->icmph.icmp6_dataun.un_data32[0]),
			0x60000000U);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&na->target, &target));
	KUNIT_EXPECT_EQ(test, na->opt[0], ND_OPT_TARGET_LL_ADDR);
	KUNIT_EXPECT_EQ(test, na->opt[1], 1);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(&na->opt[2], ha));
	/* A correct checksum sums to zero over the pseudo-header. */
	KUNIT_EXPECT_EQ(test, csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len,
					      IPPROTO_ICMPV6,
					      csum_partial(na, len, 0)), 0);
	kfree_skb(skb);
	vx_proxy_free_dev(vx);
}

static struct kunit_case myvxlan_test_cases[] = {
	KUNIT_CASE(vx_hdr_build_layout),
	KUNIT_CASE(vx_hdr_parse_valid),
	KUNIT_CASE(vx_hdr_parse_flag_clear),
	KUNIT_CASE(vx_hdr_parse_reserved_bits),
	KUNIT_CASE(vx_cfg_defaults),
	KUNIT_CASE(vx_cfg_vni_bounds),
	KUNIT_CASE(vx_cfg_vni_required),
	KUNIT_CASE(vx_cfg_addresses),
	KUNIT_CASE(vx_cfg_family_mismatch),
	KUNIT_CASE(vx_src_port_range),
	KUNIT_CASE(vx_fdb_add_replace_append),
	KUNIT_CASE(vx_fdb_learning),
	KUNIT_CASE(vx_fdb_ageing),
	KUNIT_CASE(vx_fdb_limit_and_flush),
	KUNIT_CASE(vx_proxy_classifies),
	KUNIT_CASE(vx_proxy_na_layout),
	{}
};

static struct kunit_suite myvxlan_test_suite = {
	.name = "myvxlan",
	.test_cases = myvxlan_test_cases,
};

kunit_test_suite(myvxlan_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for myvxlan");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
