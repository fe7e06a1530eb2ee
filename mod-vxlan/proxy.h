/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_PROXY_H
#define _MYVXLAN_PROXY_H

#include "device.h"

/*
 * `proxy`: answer or swallow an ARP request or neighbour solicitation
 * sent into the device.  True when @skb was consumed.  Under RCU.
 */
bool myvxlan_proxy(struct myvxlan_dev *vx, struct sk_buff *skb);

#if IS_ENABLED(CONFIG_IPV6)
/*
 * A neighbour advertisement (solicited, override) of @target at link-layer
 * address @ha, from @ha to @dst_mac and @daddr; data at the IPv6 header.
 */
struct sk_buff *myvxlan_na_create(struct net_device *dev, const u8 *dst_mac,
				  const struct in6_addr *daddr,
				  const struct in6_addr *target, const u8 *ha);
#endif

/* `l2miss`: @mac has no FDB entry and there is no replication list. */
void myvxlan_l2miss(struct myvxlan_dev *vx, const u8 *mac);

#endif /* _MYVXLAN_PROXY_H */
