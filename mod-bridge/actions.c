// SPDX-License-Identifier: GPL-2.0
/*
 * Flow actions: their netlink form and how they run.
 */
#include <linux/if_vlan.h>
#include <net/netlink.h>

#include "actions.h"
#include "forward.h"
#include "netlink.h"
#include "port.h"

/* @skb, or a copy of it when more actions follow. */
static struct sk_buff *mybridge_take(struct mybridge *br, struct sk_buff *skb,
				     bool last)
{
	struct sk_buff *copy;

	if (last)
		return skb;
	copy = skb_clone(skb, GFP_ATOMIC);
	if (!copy)
		mybridge_count(br->stats, MYBRIDGE_CNT_DROP_NOMEM, 1);
	return copy;
}

struct sk_buff *mybridge_execute(struct mybridge *br, struct mybridge_port *in,
				 struct sk_buff *skb, u16 vid,
				 const struct mybridge_actions *acts)
{
	/* The tag as the frame came in, for mirror actions. */
	const bool in_tagged = skb_vlan_tag_present(skb);
	const u16 in_tci = skb->vlan_tci;
	const __be16 in_proto = skb->vlan_proto;
	struct sk_buff *host = NULL, *c, *h;
	unsigned int i;

	for (i = 0; skb && i < acts->n; i++) {
		const struct mybridge_action *a = &acts->a[i];
		bool last = i == acts->n - 1;

		switch (a->type) {
		case MYBRIDGE_ACTION_OUTPUT:
			if (a->port == in)
				break;
			c = mybridge_take(br, skb, last);
			if (c)
				mybridge_output(br, a->port, c);
			if (last)
				skb = NULL;
			break;
		case MYBRIDGE_ACTION_NORMAL:
			c = mybridge_take(br, skb, last);
			h = c ? mybridge_normal(br, in, c, vid) : NULL;
			if (h && host)
				kfree_skb(h);
			else if (h)
				host = h;
			if (last)
				skb = NULL;
			break;
		case MYBRIDGE_ACTION_FLOOD:
			c = mybridge_take(br, skb, last);
			if (c)
				mybridge_flood_all(br, in, c);
			if (last)
				skb = NULL;
			break;
		case MYBRIDGE_ACTION_DROP:
			mybridge_count(br->stats, MYBRIDGE_CNT_DROP_FLOW, 1);
			kfree_skb(skb);
			skb = NULL;
			break;
		/* A normal action after these switches in the new VLAN. */
		case MYBRIDGE_ACTION_PUSH_VLAN:
			if (skb_vlan_tag_present(skb))
				break;
			__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), a->arg);
			vid = a->arg;
			break;
		case MYBRIDGE_ACTION_SET_VLAN:
			__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
					       (skb->vlan_tci & ~VLAN_VID_MASK) |
					       a->arg);
			vid = a->arg;
			break;
		case MYBRIDGE_ACTION_POP_VLAN:
			__vlan_hwaccel_clear_tag(skb);
			vid = 0;
			break;
		case MYBRIDGE_ACTION_MIRROR:
			c = skb_clone(skb, GFP_ATOMIC);
			if (!c) {
				mybridge_count(br->stats,
					       MYBRIDGE_CNT_DROP_NOMEM, 1);
				break;
			}
			if (in_tagged)
				__vlan_hwaccel_put_tag(c, in_proto, in_tci);
			else
				__vlan_hwaccel_clear_tag(c);
			mybridge_count(br->stats, MYBRIDGE_CNT_MIRRORED, 1);
			mybridge_output(br, a->port, c);
			break;
		case MYBRIDGE_ACTION_CONTROLLER:
			if (!mybridge_genl_packet_in(br, in, skb, vid, a->arg))
				mybridge_count(br->stats,
					       MYBRIDGE_CNT_CONTROLLER, 1);
			break;
		}
	}
	/* The last action did not send the frame anywhere. */
	consume_skb(skb);
	return host;
}

static const struct nla_policy mybridge_action_policy[MYBRIDGE_ACTION_MAX + 1] = {
	[MYBRIDGE_ACTION_OUTPUT]	= NLA_POLICY_MIN(NLA_U32, 1),
	[MYBRIDGE_ACTION_NORMAL]	= { .type = NLA_FLAG },
	[MYBRIDGE_ACTION_FLOOD]		= { .type = NLA_FLAG },
	[MYBRIDGE_ACTION_DROP]		= { .type = NLA_FLAG },
	[MYBRIDGE_ACTION_PUSH_VLAN]	= NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[MYBRIDGE_ACTION_SET_VLAN]	= NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[MYBRIDGE_ACTION_POP_VLAN]	= { .type = NLA_FLAG },
	[MYBRIDGE_ACTION_MIRROR]	= NLA_POLICY_MIN(NLA_U32, 1),
	[MYBRIDGE_ACTION_CONTROLLER]	= { .type = NLA_U16 },
};

struct mybridge_actions *mybridge_actions_parse(struct mybridge *br,
						const struct nlattr *nest,
						struct netlink_ext_ack *extack)
{
	struct mybridge_actions *acts;
	const struct nlattr *attr;
	bool drop = false;
	int rem, n = 0, err;

	err = nla_validate_nested(nest, MYBRIDGE_ACTION_MAX,
				  mybridge_action_policy, extack);
	if (err)
		return ERR_PTR(err);
	nla_for_each_nested(attr, nest, rem)
		n++;
	if (!n || n > MYBRIDGE_MAX_ACTIONS) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "mybridge: a rule needs 1 to 32 actions");
		return ERR_PTR(-EINVAL);
	}
	acts = kzalloc(struct_size(acts, a, n), GFP_KERNEL);
	if (!acts)
		return ERR_PTR(-ENOMEM);
	nla_for_each_nested(attr, nest, rem) {
		struct mybridge_action *a = &acts->a[acts->n++];

		a->type = nla_type(attr);
		switch (a->type) {
		case MYBRIDGE_ACTION_OUTPUT:
		case MYBRIDGE_ACTION_MIRROR:
			a->port = mybridge_genl_port(br, attr, extack);
			if (!a->port) {
				err = -ENODEV;
				goto err;
			}
			break;
		case MYBRIDGE_ACTION_PUSH_VLAN:
		case MYBRIDGE_ACTION_SET_VLAN:
		case MYBRIDGE_ACTION_CONTROLLER:
			a->arg = nla_get_u16(attr);
			break;
		case MYBRIDGE_ACTION_DROP:
			drop = true;
			break;
		case MYBRIDGE_ACTION_NORMAL:
		case MYBRIDGE_ACTION_FLOOD:
		case MYBRIDGE_ACTION_POP_VLAN:
			break;
		default:
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "mybridge: unknown action");
			err = -EINVAL;
			goto err;
		}
	}
	if (drop && n > 1) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "mybridge: drop cannot be combined with other actions");
		err = -EINVAL;
		goto err;
	}
	return acts;
err:
	kfree(acts);
	return ERR_PTR(err);
}

int mybridge_actions_put(struct sk_buff *skb, int type,
			 const struct mybridge_actions *acts)
{
	struct nlattr *nest = nla_nest_start(skb, type);
	unsigned int i;
	int err = 0;

	if (!nest)
		return -EMSGSIZE;
	for (i = 0; !err && i < acts->n; i++) {
		const struct mybridge_action *a = &acts->a[i];

		switch (a->type) {
		case MYBRIDGE_ACTION_OUTPUT:
		case MYBRIDGE_ACTION_MIRROR:
			err = nla_put_u32(skb, a->type, a->port->dev->ifindex);
			break;
		case MYBRIDGE_ACTION_PUSH_VLAN:
		case MYBRIDGE_ACTION_SET_VLAN:
		case MYBRIDGE_ACTION_CONTROLLER:
			err = nla_put_u16(skb, a->type, a->arg);
			break;
		default:
			err = nla_put_flag(skb, a->type);
		}
	}
	if (err)
		return err;
	nla_nest_end(skb, nest);
	return 0;
}
