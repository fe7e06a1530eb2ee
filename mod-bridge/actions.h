/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_ACTIONS_H
#define _MYBRIDGE_ACTIONS_H

#include "bridge.h"

/*
 * Run the actions of a rule on @skb, which came in through @in and
 * belongs to VLAN @vid.  Consumes @skb; returns what the host gets (from
 * a normal action), or NULL.  Under RCU.
 */
struct sk_buff *mybridge_execute(struct mybridge *br, struct mybridge_port *in,
				 struct sk_buff *skb, u16 vid,
				 const struct mybridge_actions *acts);

/*
 * Check and build the actions of a rule from netlink (nested
 * MYBRIDGE_ACTION_*), resolving ports of @br.  RTNL held.
 */
struct mybridge_actions *mybridge_actions_parse(struct mybridge *br,
						const struct nlattr *nest,
						struct netlink_ext_ack *extack);

/* Put @acts as nest @type into @skb. */
int mybridge_actions_put(struct sk_buff *skb, int type,
			 const struct mybridge_actions *acts);

#endif /* _MYBRIDGE_ACTIONS_H */
