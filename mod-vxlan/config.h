/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_CONFIG_H
#define _MYVXLAN_CONFIG_H

#include <net/netlink.h>

#include "device.h"

extern const struct nla_policy myvxlan_policy[IFLA_MYVXLAN_MAX + 1];

/*
 * Fill @cfg from IFLA_INFO_DATA attributes (@data may be NULL: all
 * defaults).  Checks every value and how they combine; on error returns
 * -EINVAL with an extack message and leaves @cfg undefined.
 */
int myvxlan_cfg_parse(struct myvxlan_cfg *cfg, struct nlattr *data[],
		      struct netlink_ext_ack *extack);

/* Attributes that dump @cfg back for `ip -d link show`. */
size_t myvxlan_cfg_size(void);
int myvxlan_cfg_fill(struct sk_buff *skb, const struct myvxlan_cfg *cfg);

#endif /* _MYVXLAN_CONFIG_H */
