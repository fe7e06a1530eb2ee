/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_FORWARD_H
#define _MYBRIDGE_FORWARD_H

#include "bridge.h"

/*
 * A frame that entered the switch through @in (NULL: from the host,
 * through the switch device).  @skb->data is at the Ethernet header.
 * Returns the frame when it is for the host (the caller hands it up
 * through the switch device), NULL when it was consumed.  Under RCU.
 */
struct sk_buff *mybridge_input(struct mybridge *br, struct mybridge_port *in,
			       struct sk_buff *skb);

/*
 * The normal action: a learning switch in VLAN @vid.  Returns the frame
 * when it is (also) for the host, tagged for its VLAN, NULL when it was
 * consumed.
 */
struct sk_buff *mybridge_normal(struct mybridge *br, struct mybridge_port *in,
				struct sk_buff *skb, u16 vid);

/* Send @skb through @to as it is (copied to @to's egress mirror). */
void mybridge_output(struct mybridge *br, struct mybridge_port *to,
		     struct sk_buff *skb);

/*
 * Send @skb as it is to every port but @in that takes part in switching;
 * consumes it.
 */
void mybridge_flood_all(struct mybridge *br, struct mybridge_port *in,
			struct sk_buff *skb);

/* A copy of @skb to mirror port @to. */
void mybridge_mirror(struct mybridge *br, struct mybridge_port *to,
		     struct sk_buff *skb);

#endif /* _MYBRIDGE_FORWARD_H */
