// SPDX-License-Identifier: GPL-2.0
/*
 * The way of a frame through the switch: ingress checks (mirror port,
 * policing, VLAN), the flow table, and the normal action of a learning
 * Ethernet switch: learn the source, then send the frame to the port
 * its destination was learned on, or flood it within its VLAN, and hand
 * a copy to the host when it is for the host.
 */
#include <linux/etherdevice.h>

#include "actions.h"
#include "export.h"
#include "fdb.h"
#include "forward.h"
#include "police.h"
#include "vlan.h"

static void mybridge_xmit(struct mybridge *br, struct mybridge_port *to,
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

void mybridge_mirror(struct mybridge *br, struct mybridge_port *to,
		     struct sk_buff *skb)
{
	struct sk_buff *copy = skb_clone(skb, GFP_ATOMIC);

	if (!copy) {
		mybridge_count(br->stats, MYBRIDGE_CNT_DROP_NOMEM, 1);
		return;
	}
	mybridge_count(br->stats, MYBRIDGE_CNT_MIRRORED, 1);
	mybridge_xmit(br, to, copy);
}

void mybridge_output(struct mybridge *br, struct mybridge_port *to,
		     struct sk_buff *skb)
{
	struct mybridge_port *mirror = rcu_dereference(to->mirror_tx);

	if (mirror)
		mybridge_mirror(br, mirror, skb);
	mybridge_xmit(br, to, skb);
}

static void mybridge_drop(struct mybridge *br, struct sk_buff *skb,
			  unsigned int counter)
{
	mybridge_count(br->stats, counter, 1);
	kfree_skb(skb);
}

/* Out through @to as a frame of VLAN @vid, if @to takes that VLAN. */
static void mybridge_deliver(struct mybridge *br, struct mybridge_port *to,
			     struct sk_buff *skb, u16 vid)
{
	const struct mybridge_vlan *v = rcu_dereference(to->vlan);

	if (!mybridge_vlan_allowed(v, vid)) {
		kfree_skb(skb);
		return;
	}
	mybridge_vlan_out(v, skb, vid);
	mybridge_output(br, to, skb);
}

/* Does @p take part in switching frames of @vid (@any: of any VLAN)? */
static bool mybridge_floods_to(struct mybridge_port *p, u16 vid, bool any)
{
	if (!netif_running(p->dev) || READ_ONCE(p->mirror_sources))
		return false;
	return any || mybridge_vlan_allowed(rcu_dereference(p->vlan), vid);
}

/*
 * Send @skb to every port but @in that takes VLAN @vid (@any: as it is,
 * to every port but @in); keep it for the host when @keep.  Returns what
 * the host gets, or NULL.
 */
static struct sk_buff *mybridge_flood(struct mybridge *br,
				      struct mybridge_port *in,
				      struct sk_buff *skb, u16 vid, bool any,
				      bool keep)
{
	struct mybridge_port *p, *prev = NULL;
	struct sk_buff *copy;

	mybridge_count(br->stats, MYBRIDGE_CNT_FLOODED, 1);
	list_for_each_entry_rcu(p, &br->ports, list) {
		if (p == in || !mybridge_floods_to(p, vid, any))
			continue;
		if (prev) {
			copy = skb_clone(skb, GFP_ATOMIC);
			if (!copy)
				mybridge_count(br->stats,
					       MYBRIDGE_CNT_DROP_NOMEM, 1);
			else if (any)
				mybridge_output(br, prev, copy);
			else
				mybridge_deliver(br, prev, copy, vid);
		}
		prev = p;
	}
	if (prev && keep) {
		copy = skb_clone(skb, GFP_ATOMIC);
		if (!copy)
			mybridge_count(br->stats, MYBRIDGE_CNT_DROP_NOMEM, 1);
		else if (any)
			mybridge_output(br, prev, copy);
		else
			mybridge_deliver(br, prev, copy, vid);
	} else if (prev) {
		if (any)
			mybridge_output(br, prev, skb);
		else
			mybridge_deliver(br, prev, skb, vid);
		return NULL;
	}
	if (keep)
		return skb;
	kfree_skb(skb);
	return NULL;
}

void mybridge_flood_all(struct mybridge *br, struct mybridge_port *in,
			struct sk_buff *skb)
{
	mybridge_flood(br, in, skb, 0, true, false);
}

/* For the host: tagged with its VLAN, as the switch device sees VLANs. */
static struct sk_buff *mybridge_local(struct mybridge_port *in,
				      struct sk_buff *skb, u16 vid)
{
	if (!skb)
		return NULL;
	/* From the host to the host: nothing for the switch to do. */
	if (!in) {
		kfree_skb(skb);
		return NULL;
	}
	mybridge_vlan_out(NULL, skb, vid);
	return skb;
}

struct sk_buff *mybridge_normal(struct mybridge *br, struct mybridge_port *in,
				struct sk_buff *skb, u16 vid)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const u8 *own = br->dev->dev_addr;
	struct mybridge_port *to;
	struct mybridge_fdb *f;

	if (in) {
		if (!is_valid_ether_addr(eth->h_source)) {
			mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_BAD_SRC);
			return NULL;
		}
		if (!ether_addr_equal(eth->h_source, own))
			mybridge_fdb_learn(br, in, eth->h_source, vid);
	}

	if (is_multicast_ether_addr(eth->h_dest))
		return mybridge_local(in, mybridge_flood(br, in, skb, vid,
							 false, in), vid);
	if (ether_addr_equal(eth->h_dest, own))
		return mybridge_local(in, skb, vid);
	f = mybridge_fdb_lookup(br, eth->h_dest, vid);
	if (!f)
		return mybridge_flood(br, in, skb, vid, false, false);
	to = READ_ONCE(f->port);
	if (!to)
		return mybridge_local(in, skb, vid);
	if (to == in) {
		mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_SAME_PORT);
		return NULL;
	}
	/* A mirror's destination takes no part in switching. */
	if (unlikely(READ_ONCE(to->mirror_sources))) {
		kfree_skb(skb);
		return NULL;
	}
	mybridge_deliver(br, to, skb, vid);
	return NULL;
}

/* Policing, then the mirror of what comes in; false: dropped. */
static bool mybridge_ingress(struct mybridge *br, struct mybridge_port *in,
			     struct sk_buff *skb)
{
	struct mybridge_police *police = rcu_dereference(in->police);
	struct mybridge_port *mirror;

	if (unlikely(READ_ONCE(in->mirror_sources))) {
		mybridge_count(in->stats, MYBRIDGE_CNT_DROP_MIRROR_PORT, 1);
		mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_MIRROR_PORT);
		return false;
	}
	if (police && !mybridge_police_conform(police, skb->len,
					       ktime_get_ns())) {
		mybridge_count(in->stats, MYBRIDGE_CNT_DROP_POLICE, 1);
		mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_POLICE);
		return false;
	}
	mirror = rcu_dereference(in->mirror_rx);
	if (mirror)
		mybridge_mirror(br, mirror, skb);
	return true;
}

struct sk_buff *mybridge_input(struct mybridge *br, struct mybridge_port *in,
			       struct sk_buff *skb)
{
	struct mybridge_vlan *v = NULL;
	struct mybridge_export *exp;
	struct mybridge_flow_key key;
	struct mybridge_rule *rule;
	bool hit;
	u16 vid;

	mybridge_count(br->stats, MYBRIDGE_CNT_RX_PACKETS, 1);
	mybridge_count(br->stats, MYBRIDGE_CNT_RX_BYTES, skb->len);
	if (in) {
		if (!mybridge_ingress(br, in, skb))
			return NULL;
		v = rcu_dereference(in->vlan);
	}
	if (!mybridge_vlan_in(v, skb, &vid)) {
		if (in)
			mybridge_count(in->stats, MYBRIDGE_CNT_DROP_VLAN, 1);
		mybridge_drop(br, skb, MYBRIDGE_CNT_DROP_VLAN);
		return NULL;
	}
	if (!in)
		return mybridge_normal(br, in, skb, vid);
	exp = rcu_dereference(br->export);
	if (likely(!exp && !READ_ONCE(br->flows.n_rules)))
		return mybridge_normal(br, in, skb, vid);

	mybridge_flow_extract(skb, in->dev->ifindex, vid, &key);
	if (exp)
		mybridge_export_account(br, exp, &key, skb->len);
	if (!READ_ONCE(br->flows.n_rules))
		return mybridge_normal(br, in, skb, vid);
	rule = mybridge_flow_lookup(&br->flows, &key, &hit);
	mybridge_count(br->stats, hit ? MYBRIDGE_CNT_FLOW_HIT :
		       MYBRIDGE_CNT_FLOW_MISS, 1);
	if (!rule)
		return mybridge_normal(br, in, skb, vid);
	mybridge_flow_used(rule, skb->len);
	return mybridge_execute(br, in, skb, vid,
				rcu_dereference(rule->actions));
}
