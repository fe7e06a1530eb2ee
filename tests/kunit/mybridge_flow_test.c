// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: mybridge's flow path.  Flow key extraction from hand-built
 * frames (complete, truncated, non-linear), the classifier (priorities
 * across and within masks, duplicates, replacement, removal, flushes,
 * masking on insert, many rules), its per-CPU cache and its counters,
 * the policing token bucket and the port VLAN helpers.
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "../../mod-bridge/classifier.h"
#include "../../mod-bridge/flow.h"
#include "../../mod-bridge/police.h"
#include "../../mod-bridge/vlan.h"

/* Test-managed objects: freed when the case ends, even on a failure. */

static int defer_init(struct kunit_resource *res, void *context)
{
	res->data = context;
	return 0;
}

static void defer_kfree_skb(struct kunit_resource *res)
{
	kfree_skb(res->data);
}

static void defer_kfree(struct kunit_resource *res)
{
	kfree(res->data);
}

static void defer_table_uninit(struct kunit_resource *res)
{
	rtnl_lock();
	mybridge_flow_table_uninit(res->data);
	rtnl_unlock();
}

static void defer(struct kunit *test, kunit_resource_free_t free, void *obj)
{
	struct kunit_resource res = { .data = obj };

	if (!kunit_alloc_resource(test, defer_init, free, GFP_KERNEL, obj)) {
		free(&res);
		KUNIT_FAIL(test, "out of memory for a test resource");
	}
}

/* Frames, built header by header. */

#define FRAME_MAX	256
#define IN_PORT		7
#define VID		42

static const u8 mac_src[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
static const u8 mac_dst[ETH_ALEN] = { 2, 0, 0, 0, 0, 2 };
static const __be32 ip_src = cpu_to_be32(0x0a000001);	/* 10.0.0.1 */
static const __be32 ip_dst = cpu_to_be32(0xc0a80102);	/* 192.168.1.2 */
static const struct in6_addr ip6_src = {
	.s6_addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 }
};

static const struct in6_addr ip6_dst = {
	.s6_addr = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [15] = 2 }
};

struct frame {
	u8 data[FRAME_MAX];
	unsigned int len;
	unsigned int l3;		/* offset of the IP header, 0: none */
	u8 ip_version;
};

static void *frame_put(struct frame *f, unsigned int len)
{
	void *p = f->data + f->len;

	WARN_ON(f->len + len > FRAME_MAX);
	f->len += len;
	return p;
}

static void frame_eth(struct frame *f, u16 proto)
{
	struct ethhdr *eth = frame_put(f, ETH_HLEN);

	memcpy(eth->h_dest, mac_dst, ETH_ALEN);
	memcpy(eth->h_source, mac_src, ETH_ALEN);
	eth->h_proto = htons(proto);
}

/* An IPv4 header with @opt_len bytes of NOP options. */
static void frame_ipv4(struct frame *f, u8 proto, u16 frag_off,
		       unsigned int opt_len)
{
	struct iphdr *iph;

	f->l3 = f->len;
	f->ip_version = 4;
	iph = frame_put(f, sizeof(*iph) + opt_len);
	iph->version = 4;
	iph->ihl = (sizeof(*iph) + opt_len) / 4;
	iph->ttl = 64;
	iph->protocol = proto;
	iph->frag_off = htons(frag_off);
	iph->saddr = ip_src;
	iph->daddr = ip_dst;
	memset(iph + 1, IPOPT_NOOP, opt_len);
}

static void frame_ipv6(struct frame *f, u8 nexthdr)
{
	struct ipv6hdr *ip6h;

	f->l3 = f->len;
	f->ip_version = 6;
	ip6h = frame_put(f, sizeof(*ip6h));
	ip6h->version = 6;
	ip6h->nexthdr = nexthdr;
	ip6h->hop_limit = 64;
	ip6h->saddr = ip6_src;
	ip6h->daddr = ip6_dst;
}

/* A hop-by-hop options header of 8 bytes: one PadN option. */
static void frame_hop_by_hop(struct frame *f, u8 nexthdr)
{
	u8 *h = frame_put(f, 8);

	h[0] = nexthdr;
	h[1] = 0;			/* 8 bytes in all */
	h[2] = IPV6_TLV_PADN;
	h[3] = 4;
}

/* A transport header of @hlen bytes starting with two ports. */
static void frame_ports(struct frame *f, u16 sport, u16 dport,
			unsigned int hlen)
{
	__be16 *p = frame_put(f, hlen);

	p[0] = htons(sport);
	p[1] = htons(dport);
}

static void frame_icmp(struct frame *f, u8 type, u8 code)
{
	u8 *h = frame_put(f, 8);

	h[0] = type;
	h[1] = code;
}

static void frame_arp(struct frame *f, u16 op)
{
	struct arphdr *arp = frame_put(f, sizeof(*arp));
	u8 *p = frame_put(f, 2 * (ETH_ALEN + 4));

	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	memcpy(p, mac_src, ETH_ALEN);
	memcpy(p + ETH_ALEN, &ip_src, 4);
	/* Target hardware address unknown: zero. */
	memcpy(p + 2 * ETH_ALEN + 4, &ip_dst, 4);
}

/* The IP length fields, for the whole frame as built. */
static void frame_lengths(struct frame *f)
{
	struct ipv6hdr *ip6h = (struct ipv6hdr *)(f->data + f->l3);
	struct iphdr *iph = (struct iphdr *)(f->data + f->l3);

	if (f->ip_version == 4)
		iph->tot_len = htons(f->len - f->l3);
	else if (f->ip_version == 6)
		ip6h->payload_len = htons(f->len - f->l3 - sizeof(*ip6h));
}

/* A linear skb of the first @len bytes of @f. */
static struct sk_buff *frame_skb_len(struct kunit *test, struct frame *f,
				     unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	defer(test, defer_kfree_skb, skb);
	frame_lengths(f);
	skb_put_data(skb, f->data, len);
	return skb;
}

static struct sk_buff *frame_skb(struct kunit *test, struct frame *f)
{
	return frame_skb_len(test, f, f->len);
}

/* Expected keys. */

static void key_l2(struct mybridge_flow_key *k, u16 proto)
{
	memset(k, 0, sizeof(*k));
	k->in_port = IN_PORT;
	k->vlan = VID;
	memcpy(k->dl_src, mac_src, ETH_ALEN);
	memcpy(k->dl_dst, mac_dst, ETH_ALEN);
	k->dl_type = htons(proto);
}

static void key_ipv4(struct mybridge_flow_key *k, u8 proto, u16 tp_src,
		     u16 tp_dst)
{
	key_l2(k, ETH_P_IP);
	k->nw_proto = proto;
	k->nw_src.s6_addr32[0] = ip_src;
	k->nw_dst.s6_addr32[0] = ip_dst;
	k->tp_src = htons(tp_src);
	k->tp_dst = htons(tp_dst);
}

static void key_ipv6(struct mybridge_flow_key *k, u8 proto, u16 tp_src,
		     u16 tp_dst)
{
	key_l2(k, ETH_P_IPV6);
	k->nw_proto = proto;
	k->nw_src = ip6_src;
	k->nw_dst = ip6_dst;
	k->tp_src = htons(tp_src);
	k->tp_dst = htons(tp_dst);
}

/*
 * Extract @skb's key and compare it with @want field by field, then as a
 * whole: over keys filled with garbage before, so that padding counts.
 */
static void expect_key(struct kunit *test, const struct sk_buff *skb,
		       const struct mybridge_flow_key *want)
{
	struct mybridge_flow_key got, again;

	memset(&got, 0xa5, sizeof(got));
	mybridge_flow_extract(skb, IN_PORT, VID, &got);
	KUNIT_EXPECT_EQ(test, got.in_port, want->in_port);
	KUNIT_EXPECT_EQ(test, got.vlan, want->vlan);
	KUNIT_EXPECT_EQ(test, ntohs(got.dl_type), ntohs(want->dl_type));
	KUNIT_EXPECT_TRUE_MSG(test, ether_addr_equal(got.dl_src, want->dl_src),
			      "dl_src %pM, expected %pM", got.dl_src,
			      want->dl_src);
	KUNIT_EXPECT_TRUE_MSG(test, ether_addr_equal(got.dl_dst, want->dl_dst),
			      "dl_dst %pM, expected %pM", got.dl_dst,
			      want->dl_dst);
	KUNIT_EXPECT_EQ(test, got.nw_proto, want->nw_proto);
	KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&got.nw_src, &want->nw_src),
			      "nw_src %pI6, expected %pI6", &got.nw_src,
			      &want->nw_src);
	KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&got.nw_dst, &want->nw_dst),
			      "nw_dst %pI6, expected %pI6", &got.nw_dst,
			      &want->nw_dst);
	KUNIT_EXPECT_EQ(test, ntohs(got.tp_src), ntohs(want->tp_src));
	KUNIT_EXPECT_EQ(test, ntohs(got.tp_dst), ntohs(want->tp_dst));
	KUNIT_EXPECT_EQ(test, memcmp(&got, want, sizeof(got)), 0);

	memset(&again, 0x5a, sizeof(again));
	mybridge_flow_extract(skb, IN_PORT, VID, &again);
	KUNIT_EXPECT_EQ(test, memcmp(&got, &again, sizeof(got)), 0);
}

/* 1. Flow key extraction. */

static void flow_extract_unknown_ethertype(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_802_EX1);
	memset(frame_put(&f, 46), 0xee, 46);
	key_l2(&want, ETH_P_802_EX1);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_8023_length_frame(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, 46);
	memset(frame_put(&f, 46), 0x42, 46);
	key_l2(&want, 0);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_arp_request(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_ARP);
	frame_arp(&f, ARPOP_REQUEST);
	key_l2(&want, ETH_P_ARP);
	want.nw_proto = ARPOP_REQUEST;
	want.nw_src.s6_addr32[0] = ip_src;
	want.nw_dst.s6_addr32[0] = ip_dst;
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_ipv4_tcp(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_TCP, 0, 0);
	frame_ports(&f, 40000, 80, 20);
	key_ipv4(&want, IPPROTO_TCP, 40000, 80);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_ipv4_udp(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_UDP, 0, 0);
	frame_ports(&f, 5353, 53, 8);
	key_ipv4(&want, IPPROTO_UDP, 5353, 53);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_ipv4_icmp_type_code(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_ICMP, 0, 0);
	frame_icmp(&f, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH);
	key_ipv4(&want, IPPROTO_ICMP, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH);
	expect_key(test, frame_skb(test, &f), &want);
}

/* The first fragment has the ports, later ones have none. */
static void flow_extract_ipv4_fragments(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame first = {}, later = {};

	frame_eth(&first, ETH_P_IP);
	frame_ipv4(&first, IPPROTO_UDP, IP_MF, 0);
	frame_ports(&first, 1000, 2000, 8);
	key_ipv4(&want, IPPROTO_UDP, 1000, 2000);
	expect_key(test, frame_skb(test, &first), &want);

	frame_eth(&later, ETH_P_IP);
	frame_ipv4(&later, IPPROTO_UDP, 185, 0);
	/* What the ports would be if this were read as a transport header. */
	frame_ports(&later, 1000, 2000, 8);
	key_ipv4(&want, IPPROTO_UDP, 0, 0);
	expect_key(test, frame_skb(test, &later), &want);
}

static void flow_extract_ipv4_options(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_TCP, 0, 4);	/* ihl 6 */
	frame_ports(&f, 22, 50000, 20);
	key_ipv4(&want, IPPROTO_TCP, 22, 50000);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_ipv6_udp(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IPV6);
	frame_ipv6(&f, IPPROTO_UDP);
	frame_ports(&f, 546, 547, 8);
	key_ipv6(&want, IPPROTO_UDP, 546, 547);
	expect_key(test, frame_skb(test, &f), &want);
}

static void flow_extract_ipv6_hop_by_hop_tcp(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_IPV6);
	frame_ipv6(&f, NEXTHDR_HOP);
	frame_hop_by_hop(&f, IPPROTO_TCP);
	frame_ports(&f, 443, 61000, 20);
	key_ipv6(&want, IPPROTO_TCP, 443, 61000);
	expect_key(test, frame_skb(test, &f), &want);
}

/* Shorter than an Ethernet header: only what the caller gave. */
static void flow_extract_truncated_ethernet(struct kunit *test)
{
	struct mybridge_flow_key want = { .in_port = IN_PORT, .vlan = VID };
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_TCP, 0, 0);
	frame_ports(&f, 1, 2, 20);
	expect_key(test, frame_skb_len(test, &f, ETH_HLEN - 1), &want);
}

static void flow_extract_truncated_ip_header(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f4 = {}, f6 = {};

	frame_eth(&f4, ETH_P_IP);
	frame_ipv4(&f4, IPPROTO_TCP, 0, 0);
	frame_ports(&f4, 1, 2, 20);
	key_l2(&want, ETH_P_IP);
	expect_key(test, frame_skb_len(test, &f4, ETH_HLEN + 19), &want);

	frame_eth(&f6, ETH_P_IPV6);
	frame_ipv6(&f6, IPPROTO_UDP);
	frame_ports(&f6, 1, 2, 8);
	key_l2(&want, ETH_P_IPV6);
	expect_key(test, frame_skb_len(test, &f6, ETH_HLEN + 39), &want);
}

/* Cut in the ports: the network fields are there, the ports not. */
static void flow_extract_truncated_ports(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f4 = {}, f6 = {}, opt = {};

	frame_eth(&f4, ETH_P_IP);
	frame_ipv4(&f4, IPPROTO_TCP, 0, 0);
	frame_ports(&f4, 1, 2, 20);
	key_ipv4(&want, IPPROTO_TCP, 0, 0);
	expect_key(test, frame_skb_len(test, &f4, ETH_HLEN + 20 + 3), &want);

	/* The options count: ports right after a 20-byte header are not. */
	frame_eth(&opt, ETH_P_IP);
	frame_ipv4(&opt, IPPROTO_UDP, 0, 8);
	frame_ports(&opt, 1, 2, 8);
	key_ipv4(&want, IPPROTO_UDP, 0, 0);
	expect_key(test, frame_skb_len(test, &opt, ETH_HLEN + 28 + 2), &want);

	frame_eth(&f6, ETH_P_IPV6);
	frame_ipv6(&f6, IPPROTO_UDP);
	frame_ports(&f6, 1, 2, 8);
	key_ipv6(&want, IPPROTO_UDP, 0, 0);
	expect_key(test, frame_skb_len(test, &f6, ETH_HLEN + 40 + 2), &want);
}

/* An ARP packet cut short matches as ARP, without addresses. */
static void flow_extract_truncated_arp(struct kunit *test)
{
	struct mybridge_flow_key want;
	struct frame f = {};

	frame_eth(&f, ETH_P_ARP);
	frame_arp(&f, ARPOP_REPLY);
	key_l2(&want, ETH_P_ARP);
	expect_key(test, frame_skb_len(test, &f, f.len - 1), &want);
}

/* Headers split between the linear part and a page fragment. */
static void flow_extract_nonlinear(struct kunit *test)
{
	unsigned int head = ETH_HLEN + 10;
	struct mybridge_flow_key want;
	struct sk_buff *skb;
	struct frame f = {};
	struct page *page;

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_TCP, 0, 0);
	frame_ports(&f, 8080, 33000, 20);
	frame_lengths(&f);

	skb = alloc_skb(head, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	defer(test, defer_kfree_skb, skb);
	skb_put_data(skb, f.data, head);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	memcpy(page_address(page), f.data + head, f.len - head);
	skb_add_rx_frag(skb, 0, page, 0, f.len - head, PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, skb_is_nonlinear(skb));
	KUNIT_ASSERT_EQ(test, skb_headlen(skb), head);

	key_ipv4(&want, IPPROTO_TCP, 8080, 33000);
	expect_key(test, skb, &want);
}

/* The in_port and vlan arguments land in the key as given. */
static void flow_extract_copies_port_and_vlan(struct kunit *test)
{
	struct mybridge_flow_key a, b;
	struct sk_buff *skb;
	struct frame f = {};

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_UDP, 0, 0);
	frame_ports(&f, 1, 2, 8);
	skb = frame_skb(test, &f);

	memset(&a, 0xff, sizeof(a));
	mybridge_flow_extract(skb, 0x12345678, 4094, &a);
	KUNIT_EXPECT_EQ(test, a.in_port, 0x12345678U);
	KUNIT_EXPECT_EQ(test, a.vlan, 4094);
	KUNIT_EXPECT_NULL(test, memchr_inv(a.pad, 0, sizeof(a.pad)));
	KUNIT_EXPECT_EQ(test, a.pad2, 0U);

	memset(&b, 0, sizeof(b));
	mybridge_flow_extract(skb, 0x12345678, 4094, &b);
	KUNIT_EXPECT_EQ(test, memcmp(&a, &b, sizeof(a)), 0);
	KUNIT_EXPECT_TRUE(test, mybridge_flow_equal(&a, &b));
	KUNIT_EXPECT_EQ(test, mybridge_flow_hash(&a), mybridge_flow_hash(&b));

	mybridge_flow_extract(skb, 0x12345678, 4093, &b);
	KUNIT_EXPECT_FALSE(test, mybridge_flow_equal(&a, &b));
}

/* 2. The classifier. */

static struct mybridge_flow_table *table_new(struct kunit *test)
{
	struct mybridge_flow_table *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	mybridge_flow_table_init(t);
	defer(test, defer_table_uninit, t);
	return t;
}

static struct mybridge_actions *acts_new(void)
{
	struct mybridge_actions *acts;

	acts = kzalloc(struct_size(acts, a, 1), GFP_KERNEL);
	if (!acts)
		return NULL;
	acts->n = 1;
	acts->a[0].type = MYBRIDGE_ACTION_DROP;
	return acts;
}

/* Insert with fresh actions, returned in @actsp when the table took them. */
static int rule_add(struct mybridge_flow_table *t,
		    const struct mybridge_flow_key *key,
		    const struct mybridge_flow_key *mask, u16 prio,
		    bool replace, struct mybridge_actions **actsp)
{
	struct mybridge_actions *acts = acts_new();
	int err;

	if (!acts)
		return -ENOMEM;
	rtnl_lock();
	err = mybridge_flow_insert(t, key, mask, prio, NULL, acts, replace);
	rtnl_unlock();
	if (err)
		kfree(acts);
	else if (actsp)
		*actsp = acts;
	return err;
}

static struct mybridge_rule *rule_find(struct mybridge_flow_table *t,
				       const struct mybridge_flow_key *key,
				       const struct mybridge_flow_key *mask,
				       u16 prio)
{
	struct mybridge_rule *r;

	rtnl_lock();
	r = mybridge_flow_find(t, key, mask, prio);
	rtnl_unlock();
	return r;
}

/* Insert, which must work; the rule as found afterwards. */
static struct mybridge_rule *rule_new(struct kunit *test,
				      struct mybridge_flow_table *t,
				      const struct mybridge_flow_key *key,
				      const struct mybridge_flow_key *mask,
				      u16 prio)
{
	struct mybridge_rule *r;

	KUNIT_ASSERT_EQ(test, rule_add(t, key, mask, prio, false, NULL), 0);
	r = rule_find(t, key, mask, prio);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->priority, prio);
	return r;
}

static void rule_del(struct mybridge_flow_table *t, struct mybridge_rule *r)
{
	rtnl_lock();
	mybridge_flow_remove(t, r);
	rtnl_unlock();
}

/* Lookups run in softirq under RCU: so do they here. */
static struct mybridge_rule *lookup(struct mybridge_flow_table *t,
				    const struct mybridge_flow_key *key,
				    bool *hit)
{
	struct mybridge_rule *r;

	rcu_read_lock();
	local_bh_disable();
	r = mybridge_flow_lookup(t, key, hit);
	local_bh_enable();
	rcu_read_unlock();
	return r;
}

/*
 * Two lookups on the same CPU (the cache is per CPU); the second one's
 * @hit is returned.
 */
static struct mybridge_rule *lookup_twice(struct mybridge_flow_table *t,
					  const struct mybridge_flow_key *key,
					  struct mybridge_rule **first,
					  bool *first_hit, bool *hit)
{
	struct mybridge_rule *r;

	rcu_read_lock();
	local_bh_disable();
	*first = mybridge_flow_lookup(t, key, first_hit);
	r = mybridge_flow_lookup(t, key, hit);
	local_bh_enable();
	rcu_read_unlock();
	return r;
}

/* Keys and masks on the IPv4 destination. */

#define IP(a, b, c, d)	(((u32)(a) << 24) | ((b) << 16) | ((c) << 8) | (d))

static void ip_key(struct mybridge_flow_key *k, u32 daddr)
{
	memset(k, 0, sizeof(*k));
	k->dl_type = htons(ETH_P_IP);
	k->nw_dst.s6_addr32[0] = htonl(daddr);
}

static void ip_mask(struct mybridge_flow_key *m, unsigned int prefix)
{
	memset(m, 0, sizeof(*m));
	m->dl_type = htons(0xffff);
	m->nw_dst.s6_addr32[0] = htonl(prefix ? ~0U << (32 - prefix) : 0);
}

static void flow_table_empty_misses(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	bool hit = true;

	ip_key(&key, IP(10, 0, 0, 1));
	ip_mask(&mask, 32);
	KUNIT_EXPECT_NULL(test, lookup(t, &key, &hit));
	KUNIT_EXPECT_FALSE(test, hit);
	KUNIT_EXPECT_NULL(test, rule_find(t, &key, &mask, 1));
	KUNIT_EXPECT_EQ(test, t->n_rules, 0U);
}

/* /32 prio 20 over /24 prio 10 over everything prio 1. */
static void flow_rule_highest_priority_wins(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m32, m24, any = {};
	struct mybridge_rule *r32, *r24, *rany;
	bool hit;

	ip_mask(&m32, 32);
	ip_mask(&m24, 24);
	ip_key(&key, IP(10, 0, 0, 0));
	rany = rule_new(test, t, &key, &any, 1);
	r24 = rule_new(test, t, &key, &m24, 10);
	ip_key(&key, IP(10, 0, 0, 5));
	r32 = rule_new(test, t, &key, &m32, 20);
	KUNIT_EXPECT_EQ(test, t->n_rules, 3U);

	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r32);
	ip_key(&key, IP(10, 0, 0, 6));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r24);
	ip_key(&key, IP(10, 0, 1, 5));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), rany);
	/* Not IPv4 at all. */
	memset(&key, 0, sizeof(key));
	key.dl_type = htons(ETH_P_ARP);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), rany);
}

/* Priority decides, not how specific the match is. */
static void flow_rule_priority_beats_specificity(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m32, m24;
	struct mybridge_rule *r24;
	bool hit;

	ip_mask(&m32, 32);
	ip_mask(&m24, 24);
	ip_key(&key, IP(10, 0, 0, 5));
	rule_new(test, t, &key, &m32, 5);
	r24 = rule_new(test, t, &key, &m24, 10);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r24);
}

/*
 * A subtable's highest priority is not that of the rule matching in it:
 * the /24 subtable (max 30) matches at 5, the /32 one at 10.
 */
static void flow_rule_searches_past_subtable_max(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m32, m24;
	struct mybridge_rule *r30, *r5, *r10;
	bool hit;

	ip_mask(&m32, 32);
	ip_mask(&m24, 24);
	ip_key(&key, IP(10, 0, 1, 0));
	r30 = rule_new(test, t, &key, &m24, 30);
	ip_key(&key, IP(10, 0, 0, 0));
	r5 = rule_new(test, t, &key, &m24, 5);
	ip_key(&key, IP(10, 0, 0, 5));
	r10 = rule_new(test, t, &key, &m32, 10);

	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r10);
	ip_key(&key, IP(10, 0, 0, 6));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r5);
	ip_key(&key, IP(10, 0, 1, 5));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r30);
}

static void flow_rule_same_mask_priorities(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	struct mybridge_rule *r10, *r20;
	bool hit;

	ip_mask(&mask, 24);
	ip_key(&key, IP(10, 0, 0, 1));
	r10 = rule_new(test, t, &key, &mask, 10);
	r20 = rule_new(test, t, &key, &mask, 20);
	KUNIT_EXPECT_PTR_NE(test, r10, r20);
	KUNIT_EXPECT_PTR_EQ(test, rule_find(t, &key, &mask, 10), r10);
	KUNIT_EXPECT_PTR_EQ(test, rule_find(t, &key, &mask, 20), r20);
	KUNIT_EXPECT_NULL(test, rule_find(t, &key, &mask, 15));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r20);

	rule_del(t, r20);
	KUNIT_EXPECT_NULL(test, rule_find(t, &key, &mask, 20));
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r10);
}

/* Same match (after masking) and priority: EEXIST, the table unchanged. */
static void flow_rule_duplicate_is_eexist(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	struct mybridge_rule *r;
	bool hit;

	ip_mask(&mask, 24);
	ip_key(&key, IP(10, 0, 0, 1));
	r = rule_new(test, t, &key, &mask, 10);
	KUNIT_EXPECT_EQ(test, rule_add(t, &key, &mask, 10, false, NULL),
			-EEXIST);
	ip_key(&key, IP(10, 0, 0, 99));
	KUNIT_EXPECT_EQ(test, rule_add(t, &key, &mask, 10, false, NULL),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, t->n_rules, 1U);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r);
}

/* replace: the same rule with the new actions, its counters kept. */
static void flow_rule_replace_swaps_actions(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_actions *old = NULL, *new = NULL, *cur;
	struct mybridge_flow_key key, mask;
	struct mybridge_rule *r;
	unsigned long used;
	u64 packets, bytes;
	bool hit;

	ip_mask(&mask, 32);
	ip_key(&key, IP(10, 0, 0, 1));
	KUNIT_ASSERT_EQ(test, rule_add(t, &key, &mask, 10, false, &old), 0);
	r = rule_find(t, &key, &mask, 10);
	KUNIT_ASSERT_NOT_NULL(test, r);
	local_bh_disable();
	mybridge_flow_used(r, 100);
	local_bh_enable();

	KUNIT_ASSERT_EQ(test, rule_add(t, &key, &mask, 10, true, &new), 0);
	KUNIT_EXPECT_PTR_NE(test, old, new);
	KUNIT_EXPECT_PTR_EQ(test, rule_find(t, &key, &mask, 10), r);
	rtnl_lock();
	cur = rtnl_dereference(r->actions);
	rtnl_unlock();
	KUNIT_EXPECT_PTR_EQ(test, cur, new);
	KUNIT_EXPECT_EQ(test, t->n_rules, 1U);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r);
	mybridge_flow_read_stats(r, &packets, &bytes, &used);
	KUNIT_EXPECT_EQ(test, packets, 1ULL);
	KUNIT_EXPECT_EQ(test, bytes, 100ULL);

	/* With nothing to replace, replace inserts. */
	KUNIT_EXPECT_EQ(test, rule_add(t, &key, &mask, 11, true, NULL), 0);
	KUNIT_EXPECT_EQ(test, t->n_rules, 2U);
}

static void flow_rule_remove_falls_back(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m32, m24, any = {};
	struct mybridge_rule *r32, *r24, *rany;
	bool hit;

	ip_mask(&m32, 32);
	ip_mask(&m24, 24);
	ip_key(&key, IP(10, 0, 0, 5));
	rany = rule_new(test, t, &key, &any, 1);
	r24 = rule_new(test, t, &key, &m24, 10);
	r32 = rule_new(test, t, &key, &m32, 20);

	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r32);
	rule_del(t, r32);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r24);
	rule_del(t, r24);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), rany);
	rule_del(t, rany);
	KUNIT_EXPECT_NULL(test, lookup(t, &key, &hit));
	KUNIT_EXPECT_EQ(test, t->n_rules, 0U);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rules));
}

static void flow_table_flush_empties(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m32, m24, any = {};
	struct mybridge_rule *r;
	bool hit;

	ip_mask(&m32, 32);
	ip_mask(&m24, 24);
	ip_key(&key, IP(10, 0, 0, 5));
	rule_new(test, t, &key, &any, 1);
	rule_new(test, t, &key, &m24, 10);
	rule_new(test, t, &key, &m32, 20);
	KUNIT_EXPECT_NOT_NULL(test, lookup(t, &key, &hit));

	rtnl_lock();
	mybridge_flow_flush(t, NULL);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, t->n_rules, 0U);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rules));
	KUNIT_EXPECT_NULL(test, lookup(t, &key, &hit));
	KUNIT_EXPECT_NULL(test, rule_find(t, &key, &m24, 10));

	/* Usable again. */
	r = rule_new(test, t, &key, &m24, 10);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r);
}

/* Bits of the key outside the mask do not count, and are not stored. */
static void flow_rule_key_masked_on_insert(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask, stored;
	struct mybridge_rule *r;
	bool hit;

	ip_mask(&mask, 24);
	ip_key(&key, IP(10, 0, 0, 77));
	key.tp_dst = htons(80);
	key.in_port = 3;
	memcpy(key.dl_src, mac_src, ETH_ALEN);
	r = rule_new(test, t, &key, &mask, 10);

	ip_key(&stored, IP(10, 0, 0, 0));
	KUNIT_EXPECT_EQ(test, memcmp(&r->key, &stored, sizeof(stored)), 0);
	KUNIT_EXPECT_PTR_EQ(test, rule_find(t, &stored, &mask, 10), r);
	ip_key(&key, IP(10, 0, 0, 200));
	KUNIT_EXPECT_PTR_EQ(test, rule_find(t, &key, &mask, 10), r);
	KUNIT_EXPECT_PTR_EQ(test, lookup(t, &key, &hit), r);
	ip_key(&key, IP(10, 0, 1, 77));
	KUNIT_EXPECT_NULL(test, rule_find(t, &key, &mask, 10));
	KUNIT_EXPECT_NULL(test, lookup(t, &key, &hit));
}

#define MANY_RULES	1000

static void flow_rule_many_exact(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	struct mybridge_rule *r, *first;
	unsigned int i, found = 0;
	bool hit, first_hit;

	ip_mask(&mask, 32);
	for (i = 0; i < MANY_RULES; i++) {
		ip_key(&key, IP(10, 1, 0, 0) + i);
		KUNIT_ASSERT_EQ_MSG(test,
				    rule_add(t, &key, &mask, 100, false, NULL),
				    0, "rule %u", i);
	}
	KUNIT_EXPECT_EQ(test, t->n_rules, MANY_RULES);

	for (i = 0; i < MANY_RULES; i++) {
		ip_key(&key, IP(10, 1, 0, 0) + i);
		r = lookup_twice(t, &key, &first, &first_hit, &hit);
		if (r && r == first && r->priority == 100 &&
		    r->key.nw_dst.s6_addr32[0] == key.nw_dst.s6_addr32[0] &&
		    rule_find(t, &key, &mask, 100) == r)
			found++;
		else
			KUNIT_FAIL(test, "rule %u not found", i);
	}
	KUNIT_EXPECT_EQ(test, found, MANY_RULES);
	ip_key(&key, IP(10, 1, 0, 0) + MANY_RULES);
	KUNIT_EXPECT_NULL(test, lookup(t, &key, &hit));
}

/* 3. The cache. */

static void flow_cache_hits_on_repeat(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	struct mybridge_rule *r, *first;
	bool first_hit = true, hit = false;

	ip_mask(&mask, 24);
	ip_key(&key, IP(10, 0, 0, 1));
	r = rule_new(test, t, &key, &mask, 10);
	KUNIT_EXPECT_PTR_EQ(test, lookup_twice(t, &key, &first, &first_hit,
					       &hit), r);
	KUNIT_EXPECT_PTR_EQ(test, first, r);
	KUNIT_EXPECT_FALSE(test, first_hit);
	KUNIT_EXPECT_TRUE(test, hit);
}

/* Adding or removing a better rule is seen at once despite the cache. */
static void flow_cache_invalidated_by_changes(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, m24, m32;
	struct mybridge_rule *r10, *r20, *first;
	bool first_hit, hit;

	ip_mask(&m24, 24);
	ip_mask(&m32, 32);
	ip_key(&key, IP(10, 0, 0, 1));
	r10 = rule_new(test, t, &key, &m24, 10);
	KUNIT_EXPECT_PTR_EQ(test, lookup_twice(t, &key, &first, &first_hit,
					       &hit), r10);
	KUNIT_EXPECT_TRUE(test, hit);

	r20 = rule_new(test, t, &key, &m32, 20);
	KUNIT_EXPECT_PTR_EQ(test, lookup_twice(t, &key, &first, &first_hit,
					       &hit), r20);
	KUNIT_EXPECT_PTR_EQ(test, first, r20);
	KUNIT_EXPECT_FALSE(test, first_hit);
	KUNIT_EXPECT_TRUE(test, hit);

	rule_del(t, r20);
	KUNIT_EXPECT_PTR_EQ(test, lookup_twice(t, &key, &first, &first_hit,
					       &hit), r10);
	KUNIT_EXPECT_PTR_EQ(test, first, r10);
	KUNIT_EXPECT_FALSE(test, first_hit);
	KUNIT_EXPECT_TRUE(test, hit);
}

/* No rule matching is cached as well, until a rule that matches comes. */
static void flow_cache_caches_misses(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask, any = {};
	struct mybridge_rule *r, *first;
	bool first_hit, hit;

	ip_mask(&mask, 24);
	ip_key(&key, IP(10, 0, 0, 1));
	rule_new(test, t, &key, &mask, 10);

	ip_key(&key, IP(192, 168, 0, 1));
	KUNIT_EXPECT_NULL(test, lookup_twice(t, &key, &first, &first_hit,
					     &hit));
	KUNIT_EXPECT_NULL(test, first);
	KUNIT_EXPECT_FALSE(test, first_hit);
	KUNIT_EXPECT_TRUE(test, hit);

	r = rule_new(test, t, &key, &any, 1);
	KUNIT_EXPECT_PTR_EQ(test, lookup_twice(t, &key, &first, &first_hit,
					       &hit), r);
	KUNIT_EXPECT_PTR_EQ(test, first, r);
	KUNIT_EXPECT_FALSE(test, first_hit);
	KUNIT_EXPECT_TRUE(test, hit);
}

/* 4. Counters. */

static void flow_rule_counters(struct kunit *test)
{
	struct mybridge_flow_table *t = table_new(test);
	struct mybridge_flow_key key, mask;
	unsigned long used, before;
	struct mybridge_rule *r;
	u64 packets, bytes;

	ip_mask(&mask, 32);
	ip_key(&key, IP(10, 0, 0, 1));
	r = rule_new(test, t, &key, &mask, 10);
	mybridge_flow_read_stats(r, &packets, &bytes, &used);
	KUNIT_EXPECT_EQ(test, packets, 0ULL);
	KUNIT_EXPECT_EQ(test, bytes, 0ULL);
	KUNIT_EXPECT_EQ(test, used, 0UL);

	before = jiffies;
	local_bh_disable();
	mybridge_flow_used(r, 60);
	mybridge_flow_used(r, 1514);
	mybridge_flow_used(r, 9000);
	local_bh_enable();
	mybridge_flow_read_stats(r, &packets, &bytes, &used);
	KUNIT_EXPECT_EQ(test, packets, 3ULL);
	KUNIT_EXPECT_EQ(test, bytes, 60ULL + 1514 + 9000);
	KUNIT_EXPECT_TRUE(test, time_after_eq(used, before));
	KUNIT_EXPECT_TRUE(test, time_before_eq(used, jiffies));
}

/* 5. The policing token bucket: 10 Mbit/s, 800 ns a byte. */

#define POLICE_RATE	1250000ULL
#define POLICE_BURST	65536U
#define T0		(10 * NSEC_PER_SEC)

/* Bytes passed at @now in frames of @len until one is refused. */
static unsigned int police_drain(struct mybridge_police *p, unsigned int len,
				 u64 now)
{
	unsigned int bytes = 0, i;

	for (i = 0; i < 1000000; i++) {
		if (!mybridge_police_conform(p, len, now))
			break;
		bytes += len;
	}
	return bytes;
}

static void police_full_bucket_passes_burst(struct kunit *test)
{
	struct mybridge_police p;

	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	KUNIT_EXPECT_EQ(test, police_drain(&p, 1024, T0), POLICE_BURST);
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1, T0));

	/* Whole in one frame. */
	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	KUNIT_EXPECT_TRUE(test, mybridge_police_conform(&p, POLICE_BURST, T0));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1, T0));
}

/*
 * A frame longer than the bucket (GSO, GRO) passes only from a full
 * bucket and leaves it in debt: nothing passes until the rate has paid
 * for the whole frame, so the long-term rate holds.
 */
static void police_long_frame_leaves_debt(struct kunit *test)
{
	const unsigned int len = 4 * POLICE_BURST;
	/* The time the rate takes to pay for @len bytes beyond the burst. */
	const u64 debt = div_u64((u64)(len - POLICE_BURST) * NSEC_PER_SEC,
				 POLICE_RATE);
	struct mybridge_police p;

	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	KUNIT_EXPECT_TRUE(test, mybridge_police_conform(&p, len, T0));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, len, T0));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 64, T0 + debt - 1000));
	/* Paid back, then 1500 bytes' worth of time for a 1500-byte frame. */
	KUNIT_EXPECT_TRUE(test, mybridge_police_conform(&p, 1500,
							T0 + debt +
							div_u64(1500ULL * NSEC_PER_SEC,
								POLICE_RATE) + 1000));
}

static void police_refills_at_rate(struct kunit *test)
{
	struct mybridge_police p;
	unsigned int bytes = 0;
	u64 now, end;

	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	police_drain(&p, 1000, T0);
	police_drain(&p, 1, T0);

	/* 1 ms: 1250 bytes; in frames of 100, 12 of them. */
	KUNIT_EXPECT_EQ(test, police_drain(&p, 100, T0 + NSEC_PER_MSEC), 1200U);
	police_drain(&p, 1, T0 + NSEC_PER_MSEC);

	/* 800 us more: exactly 1000 bytes. */
	now = T0 + NSEC_PER_MSEC + 800 * NSEC_PER_USEC;
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1001, now));
	KUNIT_EXPECT_TRUE(test, mybridge_police_conform(&p, 1000, now));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1, now));

	/* Offered 15 MB/s for a second: 1250000 bytes pass, within a frame. */
	for (end = now + NSEC_PER_SEC; now < end; ) {
		now += 100 * NSEC_PER_USEC;
		if (mybridge_police_conform(&p, 1500, now))
			bytes += 1500;
	}
	KUNIT_EXPECT_LE(test, bytes, POLICE_RATE);
	KUNIT_EXPECT_GT(test, bytes, POLICE_RATE - 1500);
}

/* However long the bucket stays idle, it holds the burst at most. */
static void police_idle_caps_at_burst(struct kunit *test)
{
	struct mybridge_police p;

	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	police_drain(&p, 1, T0);
	KUNIT_EXPECT_EQ(test, police_drain(&p, 1024, T0 + 100 * NSEC_PER_SEC),
			POLICE_BURST);
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1,
							 T0 + 100 * NSEC_PER_SEC));
}

/* A clock going backwards gives nothing, and does not move the start. */
static void police_clock_backwards_adds_nothing(struct kunit *test)
{
	struct mybridge_police p;

	mybridge_police_init(&p, POLICE_RATE, POLICE_BURST, T0);
	police_drain(&p, 1, T0);
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1,
							 T0 - NSEC_PER_MSEC));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1,
							 T0 - NSEC_PER_SEC));
	KUNIT_EXPECT_FALSE(test, mybridge_police_conform(&p, 1, T0));
	/* 1 ms after T0: 1250 bytes, not 1 s + 1 ms worth. */
	KUNIT_EXPECT_EQ(test, police_drain(&p, 250, T0 + NSEC_PER_MSEC), 1250U);
}

/* 6. VLANs. */

static struct mybridge_vlan *vlan_new(struct kunit *test, u8 mode, u16 pvid,
				      const u16 *vids, unsigned int n)
{
	struct mybridge_vlan *v = mybridge_vlan_new(mode, pvid, vids, n, NULL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, v);
	defer(test, defer_kfree, v);
	return v;
}

/* A small untagged frame; tagged with @proto and @tci unless @proto is 0. */
static struct sk_buff *vlan_skb(struct kunit *test, u16 proto, u16 tci)
{
	struct frame f = {};
	struct sk_buff *skb;

	frame_eth(&f, ETH_P_IP);
	frame_ipv4(&f, IPPROTO_UDP, 0, 0);
	frame_ports(&f, 1, 2, 8);
	skb = frame_skb(test, &f);
	if (proto)
		__vlan_hwaccel_put_tag(skb, htons(proto), tci);
	return skb;
}

static void vlan_new_none_is_null(struct kunit *test)
{
	static const u16 vids[] = { 10 };

	KUNIT_EXPECT_NULL(test, mybridge_vlan_new(MYBRIDGE_VLAN_NONE, 0, NULL,
						  0, NULL));
	KUNIT_EXPECT_NULL(test, mybridge_vlan_new(MYBRIDGE_VLAN_NONE, 10, vids,
						  1, NULL));
}

static void vlan_expect_einval(struct kunit *test, u8 mode, u16 pvid,
			       const u16 *vids, unsigned int n)
{
	struct netlink_ext_ack extack = {};
	struct mybridge_vlan *v;

	v = mybridge_vlan_new(mode, pvid, vids, n, &extack);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR_OR_ZERO(v), -EINVAL,
			    "mode %u pvid %u n %u", mode, pvid, n);
	KUNIT_EXPECT_NOT_NULL(test, extack._msg);
	if (!IS_ERR(v))
		kfree(v);
}

static void vlan_new_rejects_bad_input(struct kunit *test)
{
	static const u16 bad_4095[] = { 10, 4095 };
	static const u16 bad_0[] = { 0 };
	static const u16 good[] = { 10 };

	vlan_expect_einval(test, MYBRIDGE_VLAN_ACCESS, 0, NULL, 0);
	vlan_expect_einval(test, MYBRIDGE_VLAN_ACCESS, 4095, NULL, 0);
	vlan_expect_einval(test, MYBRIDGE_VLAN_TRUNK, 0, good, 0);
	vlan_expect_einval(test, MYBRIDGE_VLAN_TRUNK, 0, bad_4095,
			   ARRAY_SIZE(bad_4095));
	vlan_expect_einval(test, MYBRIDGE_VLAN_TRUNK, 0, bad_0,
			   ARRAY_SIZE(bad_0));
	vlan_expect_einval(test, MYBRIDGE_VLAN_MODE_MAX + 1, 10, good,
			   ARRAY_SIZE(good));
}

static void vlan_new_access_and_trunk(struct kunit *test)
{
	static const u16 vids[] = { 1, 20, 4094 };
	struct mybridge_vlan *v;

	v = vlan_new(test, MYBRIDGE_VLAN_ACCESS, 4094, NULL, 0);
	KUNIT_EXPECT_EQ(test, v->mode, MYBRIDGE_VLAN_ACCESS);
	KUNIT_EXPECT_EQ(test, v->pvid, 4094);

	v = vlan_new(test, MYBRIDGE_VLAN_TRUNK, 0, vids, ARRAY_SIZE(vids));
	KUNIT_EXPECT_EQ(test, v->mode, MYBRIDGE_VLAN_TRUNK);
	KUNIT_EXPECT_EQ(test, bitmap_weight(v->trunk, VLAN_N_VID), 3U);
	KUNIT_EXPECT_TRUE(test, test_bit(1, v->trunk));
	KUNIT_EXPECT_TRUE(test, test_bit(20, v->trunk));
	KUNIT_EXPECT_TRUE(test, test_bit(4094, v->trunk));
}

#define PCP5	(5 << VLAN_PRIO_SHIFT)

/* NONE (and the switch device): every 802.1Q VLAN, untagged is 0. */
static void vlan_in_none(struct kunit *test)
{
	struct sk_buff *skb;
	u16 vid;

	skb = vlan_skb(test, 0, 0);
	vid = 99;
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(NULL, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 0);

	skb = vlan_skb(test, ETH_P_8021Q, PCP5 | 0);
	vid = 99;
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(NULL, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 0);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));

	skb = vlan_skb(test, ETH_P_8021Q, PCP5 | 100);
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(NULL, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 100);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb->vlan_tci, PCP5 | 100);

	skb = vlan_skb(test, ETH_P_8021AD, 100);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(NULL, skb, &vid));
}

/* ACCESS: untagged and priority-tagged frames join the PVID. */
static void vlan_in_access(struct kunit *test)
{
	struct mybridge_vlan *v = vlan_new(test, MYBRIDGE_VLAN_ACCESS, 10,
					   NULL, 0);
	struct sk_buff *skb;
	u16 vid;

	skb = vlan_skb(test, 0, 0);
	vid = 0;
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(v, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 10);

	skb = vlan_skb(test, ETH_P_8021Q, PCP5 | 0);
	vid = 0;
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(v, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 10);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));

	skb = vlan_skb(test, ETH_P_8021Q, 10);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
	skb = vlan_skb(test, ETH_P_8021Q, 20);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
	skb = vlan_skb(test, ETH_P_8021AD, 0);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
}

/* TRUNK: tagged frames of its VLANs only. */
static void vlan_in_trunk(struct kunit *test)
{
	static const u16 vids[] = { 10, 20 };
	struct mybridge_vlan *v = vlan_new(test, MYBRIDGE_VLAN_TRUNK, 0, vids,
					   ARRAY_SIZE(vids));
	struct sk_buff *skb;
	u16 vid;

	skb = vlan_skb(test, 0, 0);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));

	skb = vlan_skb(test, ETH_P_8021Q, PCP5 | 0);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));

	skb = vlan_skb(test, ETH_P_8021Q, PCP5 | 20);
	vid = 0;
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_in(v, skb, &vid));
	KUNIT_EXPECT_EQ(test, vid, 20);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));

	skb = vlan_skb(test, ETH_P_8021Q, 30);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
	skb = vlan_skb(test, ETH_P_8021AD, 10);
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_in(v, skb, &vid));
}

static void vlan_allowed_by_mode(struct kunit *test)
{
	static const u16 vids[] = { 10, 20 };
	struct mybridge_vlan *access, *trunk;

	access = vlan_new(test, MYBRIDGE_VLAN_ACCESS, 10, NULL, 0);
	trunk = vlan_new(test, MYBRIDGE_VLAN_TRUNK, 0, vids, ARRAY_SIZE(vids));

	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(NULL, 0));
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(NULL, 1));
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(NULL, 4094));

	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(access, 10));
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_allowed(access, 0));
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_allowed(access, 20));

	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(trunk, 10));
	KUNIT_EXPECT_TRUE(test, mybridge_vlan_allowed(trunk, 20));
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_allowed(trunk, 0));
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_allowed(trunk, 15));
	KUNIT_EXPECT_FALSE(test, mybridge_vlan_allowed(trunk, 4094));
}

static void vlan_out_tags(struct kunit *test)
{
	static const u16 vids[] = { 10, 20 };
	struct mybridge_vlan *access, *trunk;
	struct sk_buff *skb;

	access = vlan_new(test, MYBRIDGE_VLAN_ACCESS, 10, NULL, 0);
	trunk = vlan_new(test, MYBRIDGE_VLAN_TRUNK, 0, vids, ARRAY_SIZE(vids));

	/* Access: leaves untagged. */
	skb = vlan_skb(test, ETH_P_8021Q, 10);
	mybridge_vlan_out(access, skb, 10);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));

	/* Trunk: 802.1Q-tagged with the VLAN, whatever it had. */
	skb = vlan_skb(test, 0, 0);
	mybridge_vlan_out(trunk, skb, 20);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get_id(skb), 20);
	KUNIT_EXPECT_EQ(test, ntohs(skb->vlan_proto), ETH_P_8021Q);
	skb = vlan_skb(test, ETH_P_8021AD, 5);
	mybridge_vlan_out(trunk, skb, 10);
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get_id(skb), 10);
	KUNIT_EXPECT_EQ(test, ntohs(skb->vlan_proto), ETH_P_8021Q);

	/* None: tagged with the VLAN, untagged in VLAN 0. */
	skb = vlan_skb(test, 0, 0);
	mybridge_vlan_out(NULL, skb, 30);
	KUNIT_EXPECT_TRUE(test, skb_vlan_tag_present(skb));
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_get_id(skb), 30);
	skb = vlan_skb(test, ETH_P_8021Q, 30);
	mybridge_vlan_out(NULL, skb, 0);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
	skb = vlan_skb(test, ETH_P_8021Q, 30);
	mybridge_vlan_out(trunk, skb, 0);
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb));
}

static struct kunit_case mybridge_flow_test_cases[] = {
	KUNIT_CASE(flow_extract_unknown_ethertype),
	KUNIT_CASE(flow_extract_8023_length_frame),
	KUNIT_CASE(flow_extract_arp_request),
	KUNIT_CASE(flow_extract_ipv4_tcp),
	KUNIT_CASE(flow_extract_ipv4_udp),
	KUNIT_CASE(flow_extract_ipv4_icmp_type_code),
	KUNIT_CASE(flow_extract_ipv4_fragments),
	KUNIT_CASE(flow_extract_ipv4_options),
	KUNIT_CASE(flow_extract_ipv6_udp),
	KUNIT_CASE(flow_extract_ipv6_hop_by_hop_tcp),
	KUNIT_CASE(flow_extract_truncated_ethernet),
	KUNIT_CASE(flow_extract_truncated_ip_header),
	KUNIT_CASE(flow_extract_truncated_ports),
	KUNIT_CASE(flow_extract_truncated_arp),
	KUNIT_CASE(flow_extract_nonlinear),
	KUNIT_CASE(flow_extract_copies_port_and_vlan),
	KUNIT_CASE(flow_table_empty_misses),
	KUNIT_CASE(flow_rule_highest_priority_wins),
	KUNIT_CASE(flow_rule_priority_beats_specificity),
	KUNIT_CASE(flow_rule_searches_past_subtable_max),
	KUNIT_CASE(flow_rule_same_mask_priorities),
	KUNIT_CASE(flow_rule_duplicate_is_eexist),
	KUNIT_CASE(flow_rule_replace_swaps_actions),
	KUNIT_CASE(flow_rule_remove_falls_back),
	KUNIT_CASE(flow_table_flush_empties),
	KUNIT_CASE(flow_rule_key_masked_on_insert),
	KUNIT_CASE(flow_rule_many_exact),
	KUNIT_CASE(flow_cache_hits_on_repeat),
	KUNIT_CASE(flow_cache_invalidated_by_changes),
	KUNIT_CASE(flow_cache_caches_misses),
	KUNIT_CASE(flow_rule_counters),
	KUNIT_CASE(police_full_bucket_passes_burst),
	KUNIT_CASE(police_long_frame_leaves_debt),
	KUNIT_CASE(police_refills_at_rate),
	KUNIT_CASE(police_idle_caps_at_burst),
	KUNIT_CASE(police_clock_backwards_adds_nothing),
	KUNIT_CASE(vlan_new_none_is_null),
	KUNIT_CASE(vlan_new_rejects_bad_input),
	KUNIT_CASE(vlan_new_access_and_trunk),
	KUNIT_CASE(vlan_in_none),
	KUNIT_CASE(vlan_in_access),
	KUNIT_CASE(vlan_in_trunk),
	KUNIT_CASE(vlan_allowed_by_mode),
	KUNIT_CASE(vlan_out_tags),
	{}
};

static struct kunit_suite mybridge_flow_test_suite = {
	.name = "mybridge_flow",
	.test_cases = mybridge_flow_test_cases,
};

kunit_test_suite(mybridge_flow_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for mybridge's flow table, policing and VLANs");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
