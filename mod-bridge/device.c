// SPDX-License-Identifier: GPL-2.0
/*
 * The mybridge net_device: netdev operations (the host's side of the
 * switch, ports through ndo_add_slave/ndo_del_slave, `bridge fdb`) and
 * the rtnl_link_ops behind `ip link add NAME type mybridge`.
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <net/rtnetlink.h>

#include "export.h"
#include "fdb.h"
#include "forward.h"
#include "port.h"

static int mybridge_init(struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);
	int err;

	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	br->stats = netdev_alloc_pcpu_stats(struct mybridge_pcpu_stats);
	if (!dev->tstats || !br->stats) {
		err = -ENOMEM;
		goto free;
	}
	err = mybridge_fdb_init(br);
	if (err)
		goto free;
	mybridge_flow_table_init(&br->flows);
	return 0;
free:
	free_percpu(br->stats);
	free_percpu(dev->tstats);
	return err;
}

static void mybridge_uninit(struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);
	static const struct mybridge_export_config off;

	mybridge_export_set(br, &off, NULL);
	mybridge_flow_table_uninit(&br->flows);
	mybridge_fdb_uninit(br);
	free_percpu(br->stats);
	free_percpu(dev->tstats);
}

static int mybridge_open(struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);

	queue_delayed_work(system_power_efficient_wq, &br->fdb_ageing, HZ);
	return 0;
}

static int mybridge_stop(struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);

	cancel_delayed_work_sync(&br->fdb_ageing);
	/* Like Linux's bridge: what was learned is forgotten. */
	mybridge_fdb_flush(br, NULL, true);
	return 0;
}

/* From the host into the switch. */
static netdev_tx_t mybridge_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);

	if (!pskb_may_pull(skb, ETH_HLEN)) {
		dev_core_stats_tx_dropped_inc(dev);
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	dev_sw_netstats_tx_add(dev, 1, skb->len);
	skb_reset_mac_header(skb);
	rcu_read_lock();
	mybridge_input(br, NULL, skb);
	rcu_read_unlock();
	return NETDEV_TX_OK;
}

static int mybridge_add_slave(struct net_device *dev,
			      struct net_device *port_dev,
			      struct netlink_ext_ack *extack)
{
	return mybridge_port_add(netdev_priv(dev), port_dev, extack);
}

static int mybridge_del_slave(struct net_device *dev,
			      struct net_device *port_dev)
{
	return mybridge_port_del(netdev_priv(dev), port_dev);
}

static const struct net_device_ops mybridge_netdev_ops = {
	.ndo_init		= mybridge_init,
	.ndo_uninit		= mybridge_uninit,
	.ndo_open		= mybridge_open,
	.ndo_stop		= mybridge_stop,
	.ndo_start_xmit		= mybridge_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_add_slave		= mybridge_add_slave,
	.ndo_del_slave		= mybridge_del_slave,
	.ndo_fdb_add		= mybridge_ndo_fdb_add,
	.ndo_fdb_del		= mybridge_ndo_fdb_del,
	.ndo_fdb_dump		= mybridge_ndo_fdb_dump,
};

struct mybridge *mybridge_from_netdev(struct net_device *dev)
{
	return dev->netdev_ops == &mybridge_netdev_ops ? netdev_priv(dev) : NULL;
}

void mybridge_read_counters(struct mybridge_pcpu_stats __percpu *stats,
			    u64 sum[MYBRIDGE_CNT_MAX])
{
	int cpu, i;

	memset(sum, 0, sizeof(u64) * MYBRIDGE_CNT_MAX);
	for_each_possible_cpu(cpu) {
		const struct mybridge_pcpu_stats *s = per_cpu_ptr(stats, cpu);
		u64 c[MYBRIDGE_CNT_MAX];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			memcpy(c, s->cnt, sizeof(c));
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < MYBRIDGE_CNT_MAX; i++)
			sum[i] += c[i];
	}
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_read_counters);

static const struct device_type mybridge_type = {
	.name = "mybridge",
};

static void mybridge_setup(struct net_device *dev)
{
	struct mybridge *br = netdev_priv(dev);

	ether_setup(dev);
	eth_hw_addr_random(dev);
	dev->netdev_ops = &mybridge_netdev_ops;
	dev->ethtool_ops = &mybridge_ethtool_ops;
	dev->needs_free_netdev = true;
	SET_NETDEV_DEVTYPE(dev, &mybridge_type);
	dev->priv_flags |= IFF_NO_QUEUE;
	/*
	 * NETNS_LOCAL: its export socket lives in its namespace.  VLAN
	 * tags reach the switch as skb->vlan_tci, as from ports.
	 */
	dev->features |= NETIF_F_LLTX | NETIF_F_SG | NETIF_F_HW_CSUM |
			 NETIF_F_GSO_SOFTWARE | NETIF_F_HW_VLAN_CTAG_TX |
			 NETIF_F_HW_VLAN_STAG_TX | NETIF_F_NETNS_LOCAL;
	dev->hw_features |= NETIF_F_SG | NETIF_F_HW_CSUM |
			    NETIF_F_GSO_SOFTWARE;
	dev->vlan_features = dev->features;
	br->dev = dev;
	INIT_LIST_HEAD(&br->ports);
	br->ageing = MYBRIDGE_AGEING_DEFAULT;
}

static struct netlink_range_validation mybridge_ageing_range = {
	.max = MYBRIDGE_AGEING_MAX,
};

static const struct nla_policy mybridge_policy[IFLA_MYBRIDGE_MAX + 1] = {
	[IFLA_MYBRIDGE_AGEING]		=
		NLA_POLICY_FULL_RANGE(NLA_U32, &mybridge_ageing_range),
	[IFLA_MYBRIDGE_FDB_MAX_LEARNED]	= { .type = NLA_U32 },
};

static void mybridge_apply(struct mybridge *br, struct nlattr *data[])
{
	if (!data)
		return;
	if (data[IFLA_MYBRIDGE_AGEING])
		WRITE_ONCE(br->ageing, nla_get_u32(data[IFLA_MYBRIDGE_AGEING]));
	if (data[IFLA_MYBRIDGE_FDB_MAX_LEARNED]) {
		spin_lock_bh(&br->fdb_lock);
		br->fdb_max_learned =
			nla_get_u32(data[IFLA_MYBRIDGE_FDB_MAX_LEARNED]);
		spin_unlock_bh(&br->fdb_lock);
	}
}

static int mybridge_newlink(struct net *src_net, struct net_device *dev,
			    struct nlattr *tb[], struct nlattr *data[],
			    struct netlink_ext_ack *extack)
{
	int err = register_netdevice(dev);

	if (!err)
		mybridge_apply(netdev_priv(dev), data);
	return err;
}

static int mybridge_changelink(struct net_device *dev, struct nlattr *tb[],
			       struct nlattr *data[],
			       struct netlink_ext_ack *extack)
{
	struct mybridge *br = netdev_priv(dev);

	mybridge_apply(br, data);
	/* A shorter ageing time takes effect now, not at the next run. */
	if (netif_running(dev))
		mod_delayed_work(system_power_efficient_wq, &br->fdb_ageing, 0);
	return 0;
}

static void mybridge_dellink(struct net_device *dev, struct list_head *head)
{
	mybridge_port_del_all(netdev_priv(dev));
	unregister_netdevice_queue(dev, head);
}

static size_t mybridge_get_size(const struct net_device *dev)
{
	return 2 * nla_total_size(sizeof(u32));
}

static int mybridge_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	const struct mybridge *br = netdev_priv(dev);

	if (nla_put_u32(skb, IFLA_MYBRIDGE_AGEING, READ_ONCE(br->ageing)) ||
	    nla_put_u32(skb, IFLA_MYBRIDGE_FDB_MAX_LEARNED,
			READ_ONCE(br->fdb_max_learned)))
		return -EMSGSIZE;
	return 0;
}

static struct rtnl_link_ops mybridge_link_ops __read_mostly = {
	.kind		= "mybridge",
	.maxtype	= IFLA_MYBRIDGE_MAX,
	.policy		= mybridge_policy,
	.priv_size	= sizeof(struct mybridge),
	.setup		= mybridge_setup,
	.newlink	= mybridge_newlink,
	.changelink	= mybridge_changelink,
	.dellink	= mybridge_dellink,
	.get_size	= mybridge_get_size,
	.fill_info	= mybridge_fill_info,
};

int mybridge_device_init(void)
{
	int err = mybridge_port_init();

	if (err)
		return err;
	err = rtnl_link_register(&mybridge_link_ops);
	if (err)
		mybridge_port_uninit();
	return err;
}

void mybridge_device_uninit(void)
{
	rtnl_link_unregister(&mybridge_link_ops);
	mybridge_port_uninit();
}
