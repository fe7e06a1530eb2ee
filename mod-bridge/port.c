// SPDX-License-Identifier: GPL-2.0
/*
 * Ports: devices enslaved with `ip link set DEV master SWITCH`.  A port
 * gets the switch's rx_handler and the switch as its master upper device;
 * it leaves with `nomaster`, or when it or the switch is deleted.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "fdb.h"
#include "forward.h"
#include "police.h"
#include "port.h"
#include "vlan.h"

static rx_handler_result_t mybridge_port_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct mybridge_port *p = rcu_dereference(skb->dev->rx_handler_data);
	struct mybridge *br = p->br;

	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;
	/* STP, LLDP, pause and the like belong to the link, not the switch. */
	if (unlikely(is_link_local_ether_addr(eth_hdr(skb)->h_dest)))
		return RX_HANDLER_PASS;
	if (!netif_running(br->dev)) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return RX_HANDLER_CONSUMED;

	/* The switch works on whole frames: back to the Ethernet header. */
	skb_push_rcsum(skb, ETH_HLEN);
	mybridge_count(p->stats, MYBRIDGE_CNT_RX_PACKETS, 1);
	mybridge_count(p->stats, MYBRIDGE_CNT_RX_BYTES, skb->len);
	skb = mybridge_input(br, p, skb);
	if (!skb)
		return RX_HANDLER_CONSUMED;

	/* For the host: in again, through the switch device. */
	mybridge_count(br->stats, MYBRIDGE_CNT_LOCAL, 1);
	dev_sw_netstats_rx_add(br->dev, skb->len);
	skb_pull_rcsum(skb, ETH_HLEN);
	skb->dev = br->dev;
	if (ether_addr_equal(eth_hdr(skb)->h_dest, br->dev->dev_addr))
		skb->pkt_type = PACKET_HOST;
	*pskb = skb;
	return RX_HANDLER_ANOTHER;
}

static bool mybridge_is_port(const struct net_device *dev)
{
	return rcu_access_pointer(dev->rx_handler) == mybridge_port_rx;
}

struct mybridge_port *mybridge_port_of(struct mybridge *br,
				       struct net_device *dev)
{
	struct mybridge_port *p;

	if (!mybridge_is_port(dev))
		return NULL;
	p = rcu_dereference_rtnl(dev->rx_handler_data);
	return p && p->br == br ? p : NULL;
}

static int mybridge_port_check(struct mybridge *br, struct net_device *dev,
			       struct netlink_ext_ack *extack)
{
	if (dev == br->dev) {
		NL_SET_ERR_MSG(extack, "mybridge: a switch cannot be its own port");
		return -ELOOP;
	}
	if (dev->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG(extack, "mybridge: a loopback device cannot be a port");
		return -EINVAL;
	}
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN ||
	    !is_valid_ether_addr(dev->dev_addr)) {
		NL_SET_ERR_MSG(extack, "mybridge: ports must be Ethernet devices");
		return -EINVAL;
	}
	if (mybridge_is_port(dev)) {
		NL_SET_ERR_MSG(extack, "mybridge: already a port of a switch");
		return -EBUSY;
	}
	return 0;
}

int mybridge_port_add(struct mybridge *br, struct net_device *dev,
		      struct netlink_ext_ack *extack)
{
	struct mybridge_port *p;
	int err;

	ASSERT_RTNL();
	err = mybridge_port_check(br, dev, extack);
	if (err)
		return err;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->stats = netdev_alloc_pcpu_stats(struct mybridge_pcpu_stats);
	if (!p->stats) {
		kfree(p);
		return -ENOMEM;
	}
	p->br = br;
	p->dev = dev;
	netdev_hold(dev, &p->dev_tracker, GFP_KERNEL);

	err = netdev_rx_handler_register(dev, mybridge_port_rx, p);
	if (err) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: the device is taken (a port of another bridge or bond?)");
		goto free;
	}
	err = netdev_master_upper_dev_link(dev, br->dev, NULL, NULL, extack);
	if (err)
		goto unregister;
	err = dev_set_promiscuity(dev, 1);
	if (err)
		goto unlink;
	dev_disable_lro(dev);
	list_add_tail_rcu(&p->list, &br->ports);
	br->n_ports++;
	return 0;

unlink:
	netdev_upper_dev_unlink(dev, br->dev);
unregister:
	netdev_rx_handler_unregister(dev);
free:
	netdev_put(dev, &p->dev_tracker);
	free_percpu(p->stats);
	kfree(p);
	return err;
}

/* Mirrors from or to @p end; rules naming it go. */
static void mybridge_port_forget(struct mybridge *br, struct mybridge_port *p)
{
	struct mybridge_port *o;

	list_for_each_entry(o, &br->ports, list) {
		if (rtnl_dereference(o->mirror_rx) == p)
			RCU_INIT_POINTER(o->mirror_rx, NULL);
		if (rtnl_dereference(o->mirror_tx) == p)
			RCU_INIT_POINTER(o->mirror_tx, NULL);
	}
	o = rtnl_dereference(p->mirror_rx);
	if (o)
		WRITE_ONCE(o->mirror_sources, o->mirror_sources - 1);
	o = rtnl_dereference(p->mirror_tx);
	if (o)
		WRITE_ONCE(o->mirror_sources, o->mirror_sources - 1);
	mybridge_flow_flush(&br->flows, p);
}

static void mybridge_port_destroy(struct mybridge_port *p)
{
	struct mybridge *br = p->br;
	struct net_device *dev = p->dev;

	mybridge_port_forget(br, p);
	list_del_rcu(&p->list);
	br->n_ports--;
	dev_set_promiscuity(dev, -1);
	netdev_upper_dev_unlink(dev, br->dev);
	/* Waits for the receivers on this port: nothing learns on it now. */
	netdev_rx_handler_unregister(dev);
	mybridge_fdb_flush(br, p, false);
	/* And for the readers still holding an entry that pointed here. */
	synchronize_net();
	netdev_put(dev, &p->dev_tracker);
	kfree(rcu_dereference_protected(p->vlan, true));
	kfree(rcu_dereference_protected(p->police, true));
	free_percpu(p->stats);
	kfree(p);
}

int mybridge_port_del(struct mybridge *br, struct net_device *dev)
{
	struct mybridge_port *p = mybridge_port_of(br, dev);

	ASSERT_RTNL();
	if (!p)
		return -EINVAL;
	mybridge_port_destroy(p);
	return 0;
}

void mybridge_port_del_all(struct mybridge *br)
{
	struct mybridge_port *p, *next;

	ASSERT_RTNL();
	list_for_each_entry_safe(p, next, &br->ports, list)
		mybridge_port_destroy(p);
}

/* A port device going away leaves its switch first. */
static int mybridge_port_event(struct notifier_block *nb, unsigned long event,
			       void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mybridge_port *p;

	if (event != NETDEV_UNREGISTER || !mybridge_is_port(dev))
		return NOTIFY_DONE;
	p = rtnl_dereference(dev->rx_handler_data);
	mybridge_port_destroy(p);
	return NOTIFY_OK;
}

static struct notifier_block mybridge_port_notifier = {
	.notifier_call = mybridge_port_event,
};

int mybridge_port_init(void)
{
	return register_netdevice_notifier(&mybridge_port_notifier);
}

void mybridge_port_uninit(void)
{
	unregister_netdevice_notifier(&mybridge_port_notifier);
}
