// SPDX-License-Identifier: GPL-2.0
/*
 * ARP and neighbour discovery suppression (`proxy`) and the l2miss and
 * l3miss notifications.
 *
 * With `proxy`, an ARP request or IPv6 neighbour solicitation sent into
 * the device is answered here, from the device's neighbour table, so it
 * need not be flooded to every VTEP; the answer's MAC then reaches its
 * VTEP through the FDB.  An address the table does not know raises
 * l3miss, for a control plane to fill the table in.
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ipv6.h>
#include <net/arp.h>
#include <net/ip6_checksum.h>
#include <net/ipv6_stubs.h>
#include <net/ndisc.h>
#include <net/rtnetlink.h>

#include "proxy.h"

/*
 * Tell RTNLGRP_NEIGH listeners that @mac (l2miss) or @ip (l3miss) is
 * missing, as Linux vxlan does: an AF_BRIDGE RTM_GETNEIGH message.
 */
static void myvxlan_notify_miss(struct myvxlan_dev *vx, const u8 *mac,
				const struct myvxlan_ip *ip)
{
	static const u8 no_mac[ETH_ALEN];
	struct net *net = dev_net(vx->dev);
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	struct ndmsg *ndm;

	skb = nlmsg_new(NLMSG_ALIGN(sizeof(*ndm)) + nla_total_size(ETH_ALEN) +
			nla_total_size(sizeof(struct in6_addr)), GFP_ATOMIC);
	if (!skb)
		goto fail;
	nlh = nlmsg_put(skb, 0, 0, RTM_GETNEIGH, sizeof(*ndm), 0);
	if (!nlh)
		goto free;
	ndm = nlmsg_data(nlh);
	memset(ndm, 0, sizeof(*ndm));
	ndm->ndm_family = AF_BRIDGE;
	ndm->ndm_state = NUD_STALE;
	ndm->ndm_ifindex = vx->dev->ifindex;
	ndm->ndm_flags = NTF_SELF;
	ndm->ndm_type = RTN_UNICAST;
	if (nla_put(skb, NDA_LLADDR, ETH_ALEN, mac ?: no_mac))
		goto free;
	if (ip && (ip->family == AF_INET ?
		   nla_put_in_addr(skb, NDA_DST, ip->v4) :
		   nla_put_in6_addr(skb, NDA_DST, &ip->v6)))
		goto free;
	nlmsg_end(skb, nlh);
	rtnl_notify(skb, net, 0, RTNLGRP_NEIGH, NULL, GFP_ATOMIC);
	if (mac)
		myvxlan_count(vx, MYVXLAN_CNT_L2MISSES);
	else
		myvxlan_count(vx, MYVXLAN_CNT_L3MISSES);
	return;
free:
	kfree_skb(skb);
fail:
	rtnl_set_sk_err(net, RTNLGRP_NEIGH, -ENOBUFS);
}

void myvxlan_l2miss(struct myvxlan_dev *vx, const u8 *mac)
{
	if (vx->cfg.l2miss && is_unicast_ether_addr(mac))
		myvxlan_notify_miss(vx, mac, NULL);
}

/*
 * The link-layer address of @ip on the device, when the neighbour table
 * has a usable one; l3miss when it has no entry.
 */
static bool myvxlan_proxy_lookup(struct myvxlan_dev *vx,
				 struct neigh_table *tbl,
				 const struct myvxlan_ip *ip, u8 *ha)
{
	struct neighbour *n;
	bool found;

	n = neigh_lookup(tbl, ip->family == AF_INET ?
			 (const void *)&ip->v4 : &ip->v6, vx->dev);
	if (!n) {
		if (vx->cfg.l3miss)
			myvxlan_notify_miss(vx, NULL, ip);
		return false;
	}
	found = n->nud_state & NUD_CONNECTED;
	if (found)
		neigh_ha_snapshot(ha, n, vx->dev);
	neigh_release(n);
	return found && is_valid_ether_addr(ha);
}

/* Hand an answer up the device as if it had come through the tunnel. */
static void myvxlan_proxy_reply(struct myvxlan_dev *vx, struct sk_buff *reply)
{
	reply->ip_summed = CHECKSUM_UNNECESSARY;
	reply->pkt_type = PACKET_HOST;
	myvxlan_count(vx, MYVXLAN_CNT_PROXY_REPLIES);
	dev_sw_netstats_rx_add(vx->dev, reply->len);
	netif_rx(reply);
}

static void myvxlan_proxy_arp(struct myvxlan_dev *vx, struct sk_buff *skb)
{
	struct myvxlan_ip target = { .family = AF_INET };
	const u8 *sha, *arp_end;
	const struct arphdr *arp;
	struct sk_buff *reply;
	u8 ha[ETH_ALEN];
	__be32 sip;

	if ((vx->dev->flags & IFF_NOARP) ||
	    !pskb_may_pull(skb, ETH_HLEN + arp_hdr_len(vx->dev)))
		return;
	arp = (const struct arphdr *)(skb->data + ETH_HLEN);
	if (arp->ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->ar_pro != htons(ETH_P_IP) ||
	    arp->ar_op != htons(ARPOP_REQUEST) ||
	    arp->ar_hln != ETH_ALEN || arp->ar_pln != sizeof(__be32))
		return;
	/* sender MAC, sender IP, target MAC, target IP */
	sha = (const u8 *)(arp + 1);
	arp_end = sha + 2 * (ETH_ALEN + sizeof(__be32));
	memcpy(&sip, sha + ETH_ALEN, sizeof(sip));
	memcpy(&target.v4, arp_end - sizeof(__be32), sizeof(target.v4));
	if (!is_valid_ether_addr(sha) || ipv4_is_multicast(target.v4) ||
	    ipv4_is_loopback(target.v4) || ipv4_is_zeronet(target.v4))
		return;
	if (!myvxlan_proxy_lookup(vx, &arp_tbl, &target, ha))
		return;
	reply = arp_create(ARPOP_REPLY, ETH_P_ARP, sip, vx->dev, target.v4,
			   sha, ha, sha);
	if (!reply)
		return;
	skb_reset_mac_header(reply);
	__skb_pull(reply, skb_network_offset(reply));
	myvxlan_proxy_reply(vx, reply);
}

#if IS_ENABLED(CONFIG_IPV6)
struct sk_buff *myvxlan_na_create(struct net_device *dev, const u8 *dst_mac,
				  const struct in6_addr *daddr,
				  const struct in6_addr *target, const u8 *ha)
{
	unsigned int opt_len = ndisc_opt_addr_space(dev,
					NDISC_NEIGHBOUR_ADVERTISEMENT);
	unsigned int len = sizeof(struct nd_msg) + opt_len;
	struct ipv6hdr *ip6;
	struct sk_buff *skb;
	struct nd_msg *na;

	skb = netdev_alloc_skb_ip_align(dev, ETH_HLEN + sizeof(*ip6) + len);
	if (!skb)
		return NULL;
	skb->protocol = htons(ETH_P_IPV6);
	if (dev_hard_header(skb, dev, ETH_P_IPV6, dst_mac, ha, 0) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	skb_reset_mac_header(skb);
	__skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	ip6 = skb_put_zero(skb, sizeof(*ip6));
	ip6->version = 6;
	ip6->payload_len = htons(len);
	ip6->nexthdr = IPPROTO_ICMPV6;
	ip6->hop_limit = 255;
	ip6->saddr = *target;
	ip6->daddr = *daddr;

	skb_set_transport_header(skb, sizeof(*ip6));
	na = skb_put_zero(skb, len);
	na->icmph.icmp6_type = NDISC_NEIGHBOUR_ADVERTISEMENT;
	na->icmph.icmp6_solicited = 1;
	na->icmph.icmp6_override = 1;
	na->target = *target;
	/* The target link-layer address option, in units of 8 bytes. */
	na->opt[0] = ND_OPT_TARGET_LL_ADDR;
	na->opt[1] = opt_len >> 3;
	ether_addr_copy(&na->opt[2], ha);
	na->icmph.icmp6_cksum = csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len,
						IPPROTO_ICMPV6,
						csum_partial(na, len, 0));
	return skb;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_na_create);

static void myvxlan_proxy_nd(struct myvxlan_dev *vx, struct sk_buff *skb)
{
	struct myvxlan_ip target = { .family = AF_INET6 };
	struct neigh_table *tbl = ipv6_stub->nd_tbl;
	const struct ipv6hdr *ip6;
	const struct nd_msg *ns;
	struct sk_buff *reply;
	u8 ha[ETH_ALEN];

	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	ns = (const struct nd_msg *)(ip6 + 1);
	target.v6 = ns->target;
	/* Duplicate address detection (from ::) is not for us to answer. */
	if (!tbl || ipv6_addr_any(&ip6->saddr) ||
	    ipv6_addr_is_multicast(&target.v6) ||
	    ipv6_addr_loopback(&target.v6))
		return;
	if (!myvxlan_proxy_lookup(vx, tbl, &target, ha))
		return;
	reply = myvxlan_na_create(vx->dev, eth_hdr(skb)->h_source, &ip6->saddr,
				  &target.v6, ha);
	if (reply)
		myvxlan_proxy_reply(vx, reply);
}

/* A neighbour solicitation with no extension headers, as ndisc sends. */
static bool myvxlan_is_ns(struct sk_buff *skb)
{
	const struct ipv6hdr *ip6;
	const struct nd_msg *ns;

	if (!pskb_may_pull(skb, ETH_HLEN + sizeof(*ip6) + sizeof(*ns)))
		return false;
	ip6 = (const struct ipv6hdr *)(skb->data + ETH_HLEN);
	ns = (const struct nd_msg *)(ip6 + 1);
	return ip6->version == 6 && ip6->nexthdr == IPPROTO_ICMPV6 &&
	       ip6->hop_limit == 255 &&
	       ns->icmph.icmp6_type == NDISC_NEIGHBOUR_SOLICITATION &&
	       ns->icmph.icmp6_code == 0;
}
#else
static void myvxlan_proxy_nd(struct myvxlan_dev *vx, struct sk_buff *skb)
{
}

static bool myvxlan_is_ns(struct sk_buff *skb)
{
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_proxy);
#endif

bool myvxlan_proxy(struct myvxlan_dev *vx, struct sk_buff *skb)
{
	/* The caller pulled and reset the Ethernet header. */
	__be16 proto = eth_hdr(skb)->h_proto;

	if (proto == htons(ETH_P_ARP)) {
		myvxlan_proxy_arp(vx, skb);
		/* Like Linux vxlan: ARP never crosses the tunnel. */
		consume_skb(skb);
		return true;
	}
	if (proto == htons(ETH_P_IPV6) && myvxlan_is_ns(skb)) {
		myvxlan_proxy_nd(vx, skb);
		consume_skb(skb);
		return true;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_proxy);
