// SPDX-License-Identifier: GPL-2.0
/*
 * The transmit path: FDB lookup, replication to every remote of the
 * entry, and VXLAN/UDP/IP encapsulation with the udp_tunnel helpers.
 */
#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <net/inet_ecn.h>
#include <net/ip6_route.h>
#include <net/ip_tunnels.h>
#include <net/route.h>
#include <net/udp_tunnel.h>

#include "fdb.h"
#include "header.h"
#include "proxy.h"
#include "socket.h"
#include "xmit.h"

static __be16 myvxlan_flow_src_port(struct myvxlan_dev *vx, struct sk_buff *skb)
{
	const struct myvxlan_cfg *cfg = &vx->cfg;
	int min = cfg->port_min, max = cfg->port_max;
	u32 hash = skb_get_hash(skb);

	if (!hash)
		hash = jhash(skb->data, 2 * ETH_ALEN,
			     (__force u32)skb->protocol);
	if (!min && !max)
		inet_get_local_port_range(vx->net, &min, &max);
	return htons(myvxlan_src_port(hash, min, max));
}

static u8 myvxlan_tos(struct myvxlan_dev *vx, const struct iphdr *inner,
		      struct sk_buff *skb)
{
	u8 tos = vx->cfg.tos;

	if (tos == 1)
		tos = ip_tunnel_get_dsfield(inner, skb);
	return ip_tunnel_ecn_encap(RT_TOS(tos), inner, skb);
}

/* @route_ttl: the route's TTL or hop limit, the default for unicast. */
static u8 myvxlan_ttl(struct myvxlan_dev *vx, const struct iphdr *inner,
		      const struct myvxlan_remote *rd, struct sk_buff *skb,
		      u8 route_ttl)
{
	if (vx->cfg.ttl_inherit)
		return ip_tunnel_get_ttl(inner, skb);
	if (vx->cfg.ttl)
		return vx->cfg.ttl;
	if (myvxlan_ip_is_multicast(&rd->ip))
		return 1;
	return route_ttl;
}

static __be16 myvxlan_df(struct myvxlan_dev *vx, const struct iphdr *inner,
			 struct sk_buff *skb)
{
	switch (vx->cfg.df) {
	case MYVXLAN_DF_SET:
		return htons(IP_DF);
	case MYVXLAN_DF_INHERIT:
		if (skb->protocol == htons(ETH_P_IP))
			return inner->frag_off & htons(IP_DF);
		return 0;
	default:
		return 0;
	}
}

/* Push the VXLAN header; @headroom is what the outer headers need. */
static int myvxlan_push_header(struct myvxlan_dev *vx, struct sk_buff *skb,
			       unsigned int headroom, bool udp_csum)
{
	int err;

	err = skb_cow_head(skb, headroom);
	if (err)
		return err;
	err = udp_tunnel_handle_offloads(skb, udp_csum);
	if (err)
		return err;
	myvxlan_hdr_build(__skb_push(skb, sizeof(struct vxlanhdr)),
			  vx->cfg.vni);
	skb_set_inner_protocol(skb, htons(ETH_P_TEB));
	return 0;
}

static int myvxlan_xmit4(struct sk_buff *skb, struct myvxlan_dev *vx,
			 struct myvxlan_sock *vs, struct myvxlan_remote *rd)
{
	const struct iphdr *inner = ip_hdr(skb);
	bool cached = vx->cfg.tos != 1;
	struct net_device *dev = vx->dev;
	__be16 sport = myvxlan_flow_src_port(vx, skb);
	struct rtable *rt = NULL;
	__be32 saddr = vx->cfg.local.v4;
	u8 tos = myvxlan_tos(vx, inner, skb);

	if (cached)
		rt = dst_cache_get_ip4(&rd->dst_cache, &saddr);
	if (!rt) {
		struct flowi4 fl4 = {
			.flowi4_oif = vx->cfg.link_ifindex,
			.flowi4_tos = tos,
			.flowi4_mark = skb->mark,
			.flowi4_proto = IPPROTO_UDP,
			.daddr = rd->ip.v4,
			.saddr = vx->cfg.local.v4,
			.fl4_sport = sport,
			.fl4_dport = vx->cfg.port,
		};

		rt = ip_route_output_key(vx->net, &fl4);
		if (IS_ERR(rt))
			return MYVXLAN_DROP_TX_NO_ROUTE;
		if (rt->dst.dev == dev) {
			ip_rt_put(rt);
			return MYVXLAN_DROP_TX_LOOP;
		}
		saddr = fl4.saddr;
		if (cached)
			dst_cache_set_ip4(&rd->dst_cache, &rt->dst, saddr);
	}
	if (myvxlan_push_header(vx, skb, LL_RESERVED_SPACE(rt->dst.dev) +
				rt->dst.header_len + VXLAN_HLEN +
				sizeof(struct iphdr), vx->cfg.udp_csum)) {
		ip_rt_put(rt);
		return MYVXLAN_DROP_TX_NOMEM;
	}
	udp_tunnel_xmit_skb(rt, vs->sock->sk, skb, saddr, rd->ip.v4, tos,
			    myvxlan_ttl(vx, inner, rd, skb,
					ip4_dst_hoplimit(&rt->dst)),
			    myvxlan_df(vx, inner, skb), sport, vx->cfg.port,
			    !net_eq(vx->net, dev_net(dev)), !vx->cfg.udp_csum);
	return -1;
}

#if IS_ENABLED(CONFIG_IPV6)
static int myvxlan_xmit6(struct sk_buff *skb, struct myvxlan_dev *vx,
			 struct myvxlan_sock *vs, struct myvxlan_remote *rd)
{
	const struct iphdr *inner = ip_hdr(skb);
	bool cached = vx->cfg.tos != 1;
	struct net_device *dev = vx->dev;
	__be16 sport = myvxlan_flow_src_port(vx, skb);
	struct in6_addr saddr = vx->cfg.local.v6;
	struct dst_entry *ndst = NULL;
	u8 tos = myvxlan_tos(vx, inner, skb);

	if (cached)
		ndst = dst_cache_get_ip6(&rd->dst_cache, &saddr);
	if (!ndst) {
		struct flowi6 fl6 = {
			.flowi6_oif = vx->cfg.link_ifindex,
			.flowlabel = ip6_make_flowinfo(tos, 0),
			.flowi6_mark = skb->mark,
			.flowi6_proto = IPPROTO_UDP,
			.daddr = rd->ip.v6,
			.saddr = vx->cfg.local.v6,
			.fl6_sport = sport,
			.fl6_dport = vx->cfg.port,
		};

		ndst = ip6_dst_lookup_flow(vx->net, vs->sock->sk, &fl6, NULL);
		if (IS_ERR(ndst))
			return MYVXLAN_DROP_TX_NO_ROUTE;
		if (ndst->dev == dev) {
			dst_release(ndst);
			return MYVXLAN_DROP_TX_LOOP;
		}
		saddr = fl6.saddr;
		if (cached)
			dst_cache_set_ip6(&rd->dst_cache, ndst, &saddr);
	}
	if (myvxlan_push_header(vx, skb, LL_RESERVED_SPACE(ndst->dev) +
				ndst->header_len + VXLAN_HLEN +
				sizeof(struct ipv6hdr),
				!vx->cfg.zero_csum6_tx)) {
		dst_release(ndst);
		return MYVXLAN_DROP_TX_NOMEM;
	}
	udp_tunnel6_xmit_skb(ndst, vs->sock->sk, skb, dev, &saddr, &rd->ip.v6,
			     tos, myvxlan_ttl(vx, inner, rd, skb,
					      ip6_dst_hoplimit(ndst)),
			     0, sport, vx->cfg.port,
			     vx->cfg.zero_csum6_tx);
	return -1;
}
#else
static int myvxlan_xmit6(struct sk_buff *skb, struct myvxlan_dev *vx,
			 struct myvxlan_sock *vs, struct myvxlan_remote *rd)
{
	return MYVXLAN_DROP_TX_NO_ROUTE;
}
#endif

static void myvxlan_xmit_drop(struct myvxlan_dev *vx, struct sk_buff *skb,
			      enum myvxlan_drop_reason reason)
{
	myvxlan_count_drop(vx, reason);
	kfree_skb(skb);
}

static void myvxlan_xmit_one(struct sk_buff *skb, struct myvxlan_dev *vx,
			     struct myvxlan_sock *vs, struct myvxlan_remote *rd)
{
	int reason;

	if (rd->ip.family == AF_INET)
		reason = myvxlan_xmit4(skb, vx, vs, rd);
	else
		reason = myvxlan_xmit6(skb, vx, vs, rd);
	if (reason >= 0)
		myvxlan_xmit_drop(vx, skb, reason);
}

netdev_tx_t myvxlan_xmit(struct sk_buff *skb, struct net_device *dev)
{
	static const u8 bum_mac[ETH_ALEN];
	struct myvxlan_dev *vx = netdev_priv(dev);
	struct myvxlan_remote *rd, *prev = NULL;
	struct myvxlan_sock *vs;
	struct myvxlan_fdb *f = NULL;
	const struct ethhdr *eth;
	struct sk_buff *copy;

	vs = rcu_dereference(vx->vsock);
	if (!vs) {
		myvxlan_xmit_drop(vx, skb, MYVXLAN_DROP_TX_DOWN);
		return NETDEV_TX_OK;
	}
	if (!pskb_may_pull(skb, ETH_HLEN)) {
		myvxlan_xmit_drop(vx, skb, MYVXLAN_DROP_TX_RUNT);
		return NETDEV_TX_OK;
	}
	skb_reset_mac_header(skb);
	if (vx->cfg.proxy && myvxlan_proxy(vx, skb))
		return NETDEV_TX_OK;
	eth = eth_hdr(skb);
	if (is_unicast_ether_addr(eth->h_dest))
		f = myvxlan_fdb_lookup(vx, eth->h_dest);
	if (f) {
		unsigned long now = jiffies;

		/* Only when it changes: the entry's cache line is shared. */
		if (READ_ONCE(f->used) != now)
			WRITE_ONCE(f->used, now);
	} else {
		f = myvxlan_fdb_lookup(vx, bum_mac);
		if (!f)
			myvxlan_l2miss(vx, eth->h_dest);
	}
	if (f) {
		list_for_each_entry_rcu(rd, &f->remotes, list) {
			if (prev) {
				copy = skb_clone(skb, GFP_ATOMIC);
				if (copy)
					myvxlan_xmit_one(copy, vx, vs, prev);
				else
					myvxlan_count_drop(vx,
							   MYVXLAN_DROP_TX_NOMEM);
			}
			prev = rd;
		}
	}
	if (prev)
		myvxlan_xmit_one(skb, vx, vs, prev);
	else
		myvxlan_xmit_drop(vx, skb, MYVXLAN_DROP_TX_NO_REMOTE);
	return NETDEV_TX_OK;
}
