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
struct sk_buff *mybridge_forward(struct mybridge *br, struct mybridge_port *in,
				 struct sk_buff *skb);

#endif /* _MYBRIDGE_FORWARD_H */
