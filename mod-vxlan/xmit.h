/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_XMIT_H
#define _MYVXLAN_XMIT_H

#include <linux/netdevice.h>

netdev_tx_t myvxlan_xmit(struct sk_buff *skb, struct net_device *dev);

#endif /* _MYVXLAN_XMIT_H */
