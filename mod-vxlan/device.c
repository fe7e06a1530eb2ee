// SPDX-License-Identifier: GPL-2.0
/*
 * The myvxlan net_device and its rtnl_link_ops.
 *
 * The device has no tunnel yet: it transmits nothing and counts every
 * frame it is given as a tx drop.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <net/rtnetlink.h>

#include "device.h"

static netdev_tx_t myvxlan_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_core_stats_tx_dropped_inc(dev);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops myvxlan_netdev_ops = {
	.ndo_start_xmit		= myvxlan_xmit,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void myvxlan_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &myvxlan_netdev_ops;
	dev->needs_free_netdev = true;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->features |= NETIF_F_LLTX;
	eth_hw_addr_random(dev);
}

static struct rtnl_link_ops myvxlan_link_ops __read_mostly = {
	.kind		= "myvxlan",
	.setup		= myvxlan_setup,
};

int myvxlan_device_init(void)
{
	return rtnl_link_register(&myvxlan_link_ops);
}

void myvxlan_device_uninit(void)
{
	rtnl_link_unregister(&myvxlan_link_ops);
}
