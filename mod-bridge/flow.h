/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flow keys: the fields of a frame that rules match on, extracted once
 * per frame into a fixed layout that masks and hashes work on word by
 * word.
 */
#ifndef _MYBRIDGE_FLOW_H
#define _MYBRIDGE_FLOW_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/skbuff.h>

struct mybridge_flow_key {
	u32 in_port;			/* ifindex of the ingress port */
	u16 vlan;			/* the frame's VLAN in the switch */
	__be16 dl_type;
	u8 dl_src[ETH_ALEN];
	u8 dl_dst[ETH_ALEN];
	u8 nw_proto;			/* IP protocol, ARP opcode */
	u8 pad[3];
	struct in6_addr nw_src;		/* IPv4 and ARP: first 4 bytes */
	struct in6_addr nw_dst;
	__be16 tp_src;			/* ports, ICMP type */
	__be16 tp_dst;			/* ports, ICMP code */
	u32 pad2;
} __aligned(8);

#define MYBRIDGE_FLOW_KEY_WORDS (sizeof(struct mybridge_flow_key) / 8)

/*
 * Fill @key from @skb (data at the Ethernet header, any VLAN tag already
 * out of the data as skb->vlan_tci), received on port @in_port in VLAN
 * @vlan.  Never changes @skb; fields of headers that are cut short or
 * absent stay zero.
 */
void mybridge_flow_extract(const struct sk_buff *skb, u32 in_port, u16 vlan,
			   struct mybridge_flow_key *key);

/* @dst = @key & @mask. */
static inline void mybridge_flow_mask(struct mybridge_flow_key *dst,
				      const struct mybridge_flow_key *key,
				      const struct mybridge_flow_key *mask)
{
	const u64 *k = (const u64 *)key, *m = (const u64 *)mask;
	u64 *d = (u64 *)dst;
	unsigned int i;

	for (i = 0; i < MYBRIDGE_FLOW_KEY_WORDS; i++)
		d[i] = k[i] & m[i];
}

static inline bool mybridge_flow_equal(const struct mybridge_flow_key *a,
				       const struct mybridge_flow_key *b)
{
	const u64 *x = (const u64 *)a, *y = (const u64 *)b;
	u64 diff = 0;
	unsigned int i;

	for (i = 0; i < MYBRIDGE_FLOW_KEY_WORDS; i++)
		diff |= x[i] ^ y[i];
	return !diff;
}

u32 mybridge_flow_hash(const struct mybridge_flow_key *key);

/* The same hash as an rhashtable hashfn over keys (@len: a key's). */
u32 mybridge_flow_hashfn(const void *data, u32 len, u32 seed);

#endif /* _MYBRIDGE_FLOW_H */
