// SPDX-License-Identifier: GPL-2.0
/*
 * The myvxlan net_device: netdev and ethtool operations, and the
 * rtnl_link_ops behind `ip link add NAME type myvxlan ...`.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/igmp.h>
#include <linux/netdevice.h>
#include <net/addrconf.h>
#include <net/ipv6_stubs.h>
#include <net/netns/generic.h>
#include <net/rtnetlink.h>

#include "config.h"
#include "fdb.h"
#include "header.h"
#include "socket.h"
#include "xmit.h"

const char *const myvxlan_drop_names[MYVXLAN_DROP_MAX] =
	MYVXLAN_DROP_REASON_NAMES;

static int myvxlan_init(struct net_device *dev)
{
	struct myvxlan_dev *vx = netdev_priv(dev);
	int err;

	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	vx->pstats = netdev_alloc_pcpu_stats(struct myvxlan_pcpu_stats);
	if (!dev->tstats || !vx->pstats) {
		err = -ENOMEM;
		goto free;
	}
	err = gro_cells_init(&vx->gro_cells, dev);
	if (err)
		goto free;
	err = myvxlan_fdb_init(vx);
	if (err) {
		gro_cells_destroy(&vx->gro_cells);
		goto free;
	}
	return 0;
free:
	free_percpu(vx->pstats);
	free_percpu(dev->tstats);
	return err;
}

static void myvxlan_uninit(struct net_device *dev)
{
	struct myvxlan_dev *vx = netdev_priv(dev);

	myvxlan_fdb_uninit(vx);
	gro_cells_destroy(&vx->gro_cells);
	free_percpu(vx->pstats);
	free_percpu(dev->tstats);
}

/* Join or leave the device's multicast group on its socket. */
static int myvxlan_group(struct myvxlan_dev *vx, bool join)
{
	struct sock *sk = rtnl_dereference(vx->vsock)->sock->sk;
	const struct myvxlan_ip *group = &vx->cfg.remote;
	int err = 0;

	if (!myvxlan_ip_is_multicast(group))
		return 0;
	lock_sock(sk);
	if (group->family == AF_INET) {
		struct ip_mreqn mreq = {
			.imr_multiaddr.s_addr = group->v4,
			.imr_ifindex = vx->cfg.link_ifindex,
		};

		err = join ? ip_mc_join_group(sk, &mreq) :
			     ip_mc_leave_group(sk, &mreq);
#if IS_ENABLED(CONFIG_IPV6)
	} else {
		err = join ? ipv6_stub->ipv6_sock_mc_join(sk,
				vx->cfg.link_ifindex, &group->v6) :
			     ipv6_stub->ipv6_sock_mc_drop(sk,
				vx->cfg.link_ifindex, &group->v6);
#endif
	}
	release_sock(sk);
	/* Another device on this socket joined the same group already. */
	return err == -EADDRINUSE ? 0 : err;
}

static int myvxlan_open(struct net_device *dev)
{
	struct myvxlan_dev *vx = netdev_priv(dev);
	int err;

	err = myvxlan_sock_attach(vx, NULL);
	if (err)
		return err;
	err = myvxlan_group(vx, true);
	if (err) {
		myvxlan_sock_detach(vx);
		return err;
	}
	queue_delayed_work(system_power_efficient_wq, &vx->fdb_ageing, HZ);
	return 0;
}

static bool myvxlan_group_shared(struct myvxlan_dev *vx)
{
	struct myvxlan_sock *vs = rtnl_dereference(vx->vsock);
	struct myvxlan_dev *other;
	int bkt;

	hash_for_each(vs->vni_hash, bkt, other, vni_node)
		if (other != vx &&
		    other->cfg.link_ifindex == vx->cfg.link_ifindex &&
		    myvxlan_ip_equal(&other->cfg.remote, &vx->cfg.remote))
			return true;
	return false;
}

static int myvxlan_stop(struct net_device *dev)
{
	struct myvxlan_dev *vx = netdev_priv(dev);

	cancel_delayed_work_sync(&vx->fdb_ageing);
	if (!myvxlan_group_shared(vx))
		myvxlan_group(vx, false);
	myvxlan_sock_detach(vx);
	/* Like Linux's bridge and vxlan: a stopped device forgets what it
	 * learned, the operator's entries stay.
	 */
	myvxlan_fdb_flush(vx, true);
	return 0;
}

static const struct net_device_ops myvxlan_netdev_ops = {
	.ndo_init		= myvxlan_init,
	.ndo_uninit		= myvxlan_uninit,
	.ndo_open		= myvxlan_open,
	.ndo_stop		= myvxlan_stop,
	.ndo_start_xmit		= myvxlan_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_fdb_add		= myvxlan_ndo_fdb_add,
	.ndo_fdb_del		= myvxlan_ndo_fdb_del,
	.ndo_fdb_dump		= myvxlan_ndo_fdb_dump,
};

struct myvxlan_dev *myvxlan_from_netdev(struct net_device *dev)
{
	return dev->netdev_ops == &myvxlan_netdev_ops ? netdev_priv(dev) : NULL;
}

static void myvxlan_get_drvinfo(struct net_device *dev,
				struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "myvxlan", sizeof(info->driver));
	strscpy(info->version, RINGZERO_VERSION, sizeof(info->version));
}

/* ethtool -S: the drop reasons, the other counters, the FDB's size. */
static const char *const myvxlan_counter_names[MYVXLAN_CNT_MAX] = {
	[MYVXLAN_CNT_LEARNED]		= "fdb_learned",
	[MYVXLAN_CNT_PROXY_REPLIES]	= "proxy_replies",
	[MYVXLAN_CNT_L2MISSES]		= "l2misses",
	[MYVXLAN_CNT_L3MISSES]		= "l3misses",
};

static int myvxlan_get_sset_count(struct net_device *dev, int sset)
{
	return sset == ETH_SS_STATS ? MYVXLAN_CNT_MAX + 1 : -EOPNOTSUPP;
}

static void myvxlan_get_strings(struct net_device *dev, u32 sset, u8 *buf)
{
	int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < MYVXLAN_CNT_MAX; i++)
		ethtool_sprintf(&buf, "%s", i < MYVXLAN_DROP_MAX ?
				myvxlan_drop_names[i] :
				myvxlan_counter_names[i]);
	ethtool_sprintf(&buf, "fdb_entries");
}

void myvxlan_read_counters(struct myvxlan_dev *vx, u64 sum[MYVXLAN_CNT_MAX])
{
	int cpu, i;

	memset(sum, 0, sizeof(u64) * MYVXLAN_CNT_MAX);
	for_each_possible_cpu(cpu) {
		const struct myvxlan_pcpu_stats *s = per_cpu_ptr(vx->pstats, cpu);
		u64 c[MYVXLAN_CNT_MAX];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			memcpy(c, s->cnt, sizeof(c));
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < MYVXLAN_CNT_MAX; i++)
			sum[i] += c[i];
	}
}

static void myvxlan_get_ethtool_stats(struct net_device *dev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct myvxlan_dev *vx = netdev_priv(dev);

	myvxlan_read_counters(vx, data);
	data[MYVXLAN_CNT_MAX] = myvxlan_fdb_count(vx);
}

static const struct ethtool_ops myvxlan_ethtool_ops = {
	.get_drvinfo		= myvxlan_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= myvxlan_get_sset_count,
	.get_strings		= myvxlan_get_strings,
	.get_ethtool_stats	= myvxlan_get_ethtool_stats,
};

static const struct device_type myvxlan_type = {
	.name = "myvxlan",
};

static void myvxlan_setup(struct net_device *dev)
{
	struct myvxlan_dev *vx = netdev_priv(dev);

	ether_setup(dev);
	eth_hw_addr_random(dev);
	dev->netdev_ops = &myvxlan_netdev_ops;
	dev->ethtool_ops = &myvxlan_ethtool_ops;
	dev->needs_free_netdev = true;
	SET_NETDEV_DEVTYPE(dev, &myvxlan_type);
	dev->features |= NETIF_F_LLTX | NETIF_F_SG | NETIF_F_HW_CSUM |
			 NETIF_F_RXCSUM | NETIF_F_GSO_SOFTWARE;
	dev->hw_features |= NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_RXCSUM |
			    NETIF_F_GSO_SOFTWARE;
	dev->vlan_features = dev->features;
	dev->priv_flags |= IFF_NO_QUEUE;
	netif_keep_dst(dev);
	dev->min_mtu = ETH_MIN_MTU;
	vx->dev = dev;
	INIT_LIST_HEAD(&vx->list);
}

static int myvxlan_newlink(struct net *src_net, struct net_device *dev,
			   struct nlattr *tb[], struct nlattr *data[],
			   struct netlink_ext_ack *extack)
{
	struct myvxlan_net *vn = net_generic(src_net, myvxlan_net_id);
	struct myvxlan_dev *vx = netdev_priv(dev);
	static const u8 bum_mac[ETH_ALEN];
	struct net_device *lower = NULL;
	unsigned int overhead, lower_mtu;
	int err;

	err = myvxlan_cfg_parse(&vx->cfg, data, extack);
	if (err)
		return err;
	if (vx->cfg.link_ifindex) {
		lower = __dev_get_by_index(src_net, vx->cfg.link_ifindex);
		if (!lower) {
			NL_SET_ERR_MSG_ATTR(extack, data[IFLA_MYVXLAN_LINK],
					    "myvxlan: no such underlay device");
			return -ENODEV;
		}
	}
	vx->net = src_net;

	overhead = vx->cfg.family == AF_INET6 ? MYVXLAN_OVERHEAD6 :
						MYVXLAN_OVERHEAD4;
	lower_mtu = lower ? lower->mtu : ETH_DATA_LEN;
	dev->max_mtu = (lower ? lower->mtu : IP_MAX_MTU) - overhead;
	if (tb[IFLA_MTU]) {
		if (dev->mtu > dev->max_mtu) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_MTU],
					    "myvxlan: MTU above the underlay's less the encapsulation");
			return -EINVAL;
		}
	} else {
		dev->mtu = lower_mtu - overhead;
	}
	if (lower)
		dev->needed_headroom = lower->needed_headroom + overhead;

	err = register_netdevice(dev);
	if (err)
		return err;
	if (vx->cfg.remote.family) {
		err = myvxlan_fdb_add(vx, bum_mac, &vx->cfg.remote,
				      NUD_PERMANENT, NLM_F_CREATE, extack);
		if (err) {
			unregister_netdevice(dev);
			return err;
		}
	}
	list_add(&vx->list, &vn->devs);
	return 0;
}

static int myvxlan_changelink(struct net_device *dev, struct nlattr *tb[],
			      struct nlattr *data[],
			      struct netlink_ext_ack *extack)
{
	if (!data)
		return 0;
	NL_SET_ERR_MSG(extack,
		       "myvxlan: parameters are fixed; delete and add the device");
	return -EOPNOTSUPP;
}

static void myvxlan_dellink(struct net_device *dev, struct list_head *head)
{
	struct myvxlan_dev *vx = netdev_priv(dev);

	list_del(&vx->list);
	unregister_netdevice_queue(dev, head);
}

static size_t myvxlan_get_size(const struct net_device *dev)
{
	return myvxlan_cfg_size();
}

static int myvxlan_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	const struct myvxlan_dev *vx = netdev_priv(dev);

	return myvxlan_cfg_fill(skb, &vx->cfg);
}

static struct net *myvxlan_get_link_net(const struct net_device *dev)
{
	const struct myvxlan_dev *vx = netdev_priv(dev);

	return vx->net;
}

static struct rtnl_link_ops myvxlan_link_ops __read_mostly = {
	.kind		= "myvxlan",
	.maxtype	= IFLA_MYVXLAN_MAX,
	.policy		= myvxlan_policy,
	.priv_size	= sizeof(struct myvxlan_dev),
	.setup		= myvxlan_setup,
	.newlink	= myvxlan_newlink,
	.changelink	= myvxlan_changelink,
	.dellink	= myvxlan_dellink,
	.get_size	= myvxlan_get_size,
	.fill_info	= myvxlan_fill_info,
	.get_link_net	= myvxlan_get_link_net,
};

int myvxlan_device_init(void)
{
	return rtnl_link_register(&myvxlan_link_ops);
}

void myvxlan_device_uninit(void)
{
	rtnl_link_unregister(&myvxlan_link_ops);
}
