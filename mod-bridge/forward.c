// SPDX-License-Identifier: GPL-2.0
/*
 * The forwarding decision of a learning Ethernet switch: learn the
 * source, then send the frame to the port its destination was learned
 * on, or flood it, and hand a copy to the host when it is for the host.
 */
#include <linux/etherdevice.h>

#include "fdb.h"
#include "forward.h"

static void mybridge_deliver(struct mybridge *br, struct mybridge_port *to,
			     struct sk_buff *skb)
{
	unsigned int len = skb->len;

	skb->dev = to->dev;
	if (dev_queue_xmit(skb) != NET_XMIT_SUCCESS)
		return;
	mybridge_count(to->stats, MYBRIDGE_CNT_TX_PACKETS, 1);
	mybridge_count(to->stats, MYBRIDGE_CNT_TX_BYTES, len);
	mybridge_count(br->stats, MYBRIDGE_CNT_TX_PACKETS, 1);
	mybridge_count(br->stats, MYBRIDGE_CNT_TX_BYTES, len);
}

static void mybridge_drop(struct mybridge *br, struct sk_buff *skb,
			  unsigned int counter)
{
	mybridge_count(br->stats, counter, 1);
	kfree_skb(skb);
}

/*
 * Send @skb to every running port but @in; keep it for the host when
 * @keep.  Returns what the host gets, or NULL.
 */
static struct sk_buff *mybridge_flood(struct mybridge *br,
				      struct mybridge_port *in,
				      struct sk_buff *skb, bool keep)
{
	struct mybridge_port *p, *prev = NULL;
	struct sk_buff *copy;

	mybridge_count(br->stats, MYBRIDGE_CNT_FLOODED, 1);
	list_for_each_entry_rcu(p, &br->ports, list) {
		if (p == in || !netif_running(p->dev))
			continue;
		if (prev) {
			copy = skb_clone(skb, GFP_ATOMIC);
			if (copy)
				mybridge_deliver(br, prev, copy);
			else
				mybridge_count(br->stats,
					       MYBRIDGE_CNT_DROP_NOMEM, 1);
		}
		prev = p;
	}
	if (!prev)
		goto out;
	if (!keep) {
		mybridge_deliver(br, prev, skb);
		return NULL;
	}
	copy = skb_clone(skb, GFP_ATOMIC);
	if (copy)
		mybridge_deliver(br, prev, copy);
	else
		mybridge_count(br->stats, MYBRIDGE_CNT_DROP_NOMEM, 1);
out:
	if (keep)
		return skb;
	kfree_skb(skb);
	return NULL;
}

struct sk_buff *mybridge_forward(struct mybridge *br, struct mybridge_port *in,
				 struct sk_buff *skb)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const u8 *own = br->dev->dev_addr;
	struct mybridge_port *to;
	struct mybridge_fdb *f;
	u16 vid = 0;

	mybridge_count(br->stats, MYBRIDGE_CNT_RX_PACKETS, 1);
	mybridge_count(br->stats, MYBRIDGE_CNT_RX_BYTES, skb->len);
	if (in) {
		if (!is_valid_ether_addr(eth->h_source)) {
			mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_BAD_SRC);
			return NULL;
		}
		if (!ether_addr_equal(eth->h_source, own))
			mybridge_fdb_learn(br, in, eth->h_source, vid);
	}

	if (is_multicast_ether_addr(eth->h_dest))
		return mybridge_flood(br, in, skb, in);
	if (ether_addr_equal(eth->h_dest, own))
		goto local;
	f = mybridge_fdb_lookup(br, eth->h_dest, vid);
	if (!f)
		return mybridge_flood(br, in, skb, false);
	to = READ_ONCE(f->port);
	if (!to)
		goto local;
	if (to == in) {
		mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_SAME_PORT);
		return NULL;
	}
	mybridge_deliver(br, to, skb);
	return NULL;

local:
	/* From the host to the host: nothing for the switch to do. */
	if (!in) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}
