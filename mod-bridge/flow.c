// SPDX-License-Identifier: GPL-2.0
/*
 * Flow key extraction.  Everything read from the frame goes through
 * skb_header_pointer: the frame comes from the wire or a guest, may be
 * non-linear and may end anywhere.
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "flow.h"

/* The ARP payload for Ethernet and IPv4, after struct arphdr. */
struct mybridge_arp_eth_ipv4 {
	struct arphdr hdr;
	u8 sha[ETH_ALEN];
	__be32 spa;
	u8 tha[ETH_ALEN];
	__be32 tpa;
} __packed;

/* TCP, UDP and SCTP start with the two ports; ICMP with type and code. */
static void flow_extract_l4(const struct sk_buff *skb, unsigned int off,
			    struct mybridge_flow_key *key)
{
	__be16 ports[2], *p;
	u8 tc[2], *t;

	switch (key->nw_proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_SCTP:
		p = skb_header_pointer(skb, off, sizeof(ports), ports);
		if (p) {
			key->tp_src = p[0];
			key->tp_dst = p[1];
		}
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		t = skb_header_pointer(skb, off, sizeof(tc), tc);
		if (t) {
			key->tp_src = htons(t[0]);
			key->tp_dst = htons(t[1]);
		}
		break;
	}
}

static void flow_extract_ipv4(const struct sk_buff *skb, unsigned int off,
			      struct mybridge_flow_key *key)
{
	struct iphdr _iph;
	const struct iphdr *iph;
	unsigned int ihl;

	iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
	if (!iph || iph->version != 4)
		return;
	ihl = iph->ihl * 4;
	if (ihl < sizeof(*iph))
		return;
	memcpy(&key->nw_src, &iph->saddr, 4);
	memcpy(&key->nw_dst, &iph->daddr, 4);
	key->nw_proto = iph->protocol;
	/* Only the first fragment carries the transport header. */
	if (iph->frag_off & htons(IP_OFFSET))
		return;
	flow_extract_l4(skb, off + ihl, key);
}

static void flow_extract_ipv6(const struct sk_buff *skb, unsigned int off,
			      struct mybridge_flow_key *key)
{
	struct ipv6hdr _ip6h;
	const struct ipv6hdr *ip6h;
	__be16 frag_off = 0;
	u8 nexthdr;
	int l4;

	ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
	if (!ip6h || ip6h->version != 6)
		return;
	key->nw_src = ip6h->saddr;
	key->nw_dst = ip6h->daddr;
	nexthdr = ip6h->nexthdr;
	l4 = ipv6_skip_exthdr(skb, off + sizeof(*ip6h), &nexthdr, &frag_off);
	if (l4 < 0)
		return;
	key->nw_proto = nexthdr;
	if (frag_off & htons(IP6_OFFSET))
		return;
	flow_extract_l4(skb, l4, key);
}

static void flow_extract_arp(const struct sk_buff *skb, unsigned int off,
			     struct mybridge_flow_key *key)
{
	struct mybridge_arp_eth_ipv4 _arp;
	const struct mybridge_arp_eth_ipv4 *arp;

	arp = skb_header_pointer(skb, off, sizeof(_arp), &_arp);
	if (!arp || arp->hdr.ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->hdr.ar_pro != htons(ETH_P_IP) ||
	    arp->hdr.ar_hln != ETH_ALEN || arp->hdr.ar_pln != 4)
		return;
	/* Opcodes above 255 do not fit the field: they match as 0. */
	if (ntohs(arp->hdr.ar_op) <= 0xff)
		key->nw_proto = ntohs(arp->hdr.ar_op);
	memcpy(&key->nw_src, &arp->spa, 4);
	memcpy(&key->nw_dst, &arp->tpa, 4);
}

void mybridge_flow_extract(const struct sk_buff *skb, u32 in_port, u16 vlan,
			   struct mybridge_flow_key *key)
{
	struct ethhdr _eth;
	const struct ethhdr *eth;
	unsigned int off = ETH_HLEN;

	memset(key, 0, sizeof(*key));
	key->in_port = in_port;
	key->vlan = vlan;
	eth = skb_header_pointer(skb, 0, sizeof(_eth), &_eth);
	if (!eth)
		return;
	ether_addr_copy(key->dl_src, eth->h_source);
	ether_addr_copy(key->dl_dst, eth->h_dest);
	key->dl_type = eth->h_proto;
	/* 802.3 frames with a length field: no Ethertype to match. */
	if (ntohs(key->dl_type) < ETH_P_802_3_MIN) {
		key->dl_type = 0;
		return;
	}
	switch (key->dl_type) {
	case htons(ETH_P_IP):
		flow_extract_ipv4(skb, off, key);
		break;
	case htons(ETH_P_IPV6):
		flow_extract_ipv6(skb, off, key);
		break;
	case htons(ETH_P_ARP):
		flow_extract_arp(skb, off, key);
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_extract);

u32 mybridge_flow_hash(const struct mybridge_flow_key *key)
{
	return jhash2((const u32 *)key, sizeof(*key) / 4, 0);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_hash);

u32 mybridge_flow_hashfn(const void *data, u32 len, u32 seed)
{
	return jhash2(data, len / 4, seed);
}
