/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_FLOW_NETLINK_H
#define _MYBRIDGE_FLOW_NETLINK_H

#include <net/genetlink.h>

#include <mybridge.h>

extern const struct nla_policy mybridge_flow_policy[MYBRIDGE_FLOW_MAX + 1];

int mybridge_genl_add_flow(struct sk_buff *skb, struct genl_info *info);
int mybridge_genl_del_flow(struct sk_buff *skb, struct genl_info *info);
int mybridge_genl_dump_flows(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _MYBRIDGE_FLOW_NETLINK_H */
