/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_NETLINK_H
#define _MYBRIDGE_NETLINK_H

#include <linux/skbuff.h>
#include <net/genetlink.h>

#include "bridge.h"

#define MYBRIDGE_MCGRP_MONITOR_ID 0

extern struct genl_family mybridge_genl_family;

/* The switch of MYBRIDGE_ATTR_IFINDEX, or ERR_PTR with extack; RTNL. */
struct mybridge *mybridge_genl_bridge(struct genl_info *info);

/* The port of @br that @attr (u32 ifindex) names, or NULL with extack. */
struct mybridge_port *mybridge_genl_port(struct mybridge *br,
					 const struct nlattr *attr,
					 struct netlink_ext_ack *extack);

/*
 * Send the first @max_len bytes (0: all) of @skb from port @in, VLAN
 * @vid, to the "monitor" group.  0 when sent; atomic context.
 */
int mybridge_genl_packet_in(struct mybridge *br, struct mybridge_port *in,
			    struct sk_buff *skb, u16 vid, u16 max_len);

int mybridge_genl_init(void);
void mybridge_genl_uninit(void);
int mybridge_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq);

#endif /* _MYBRIDGE_NETLINK_H */
