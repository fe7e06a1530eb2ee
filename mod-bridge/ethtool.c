// SPDX-License-Identifier: GPL-2.0
/*
 * ethtool -S on a switch: its counters, then each port's as
 * "PORT.counter" (the same as `swctl show`).  Ports change only under
 * RTNL, which ethtool holds across its calls, so the list is stable.
 */
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>

#include "bridge.h"

static const char *const mybridge_counter_names[MYBRIDGE_CNT_MAX] =
	MYBRIDGE_COUNTER_NAMES;

static void mybridge_get_drvinfo(struct net_device *dev,
				 struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "mybridge", sizeof(info->driver));
	strscpy(info->version, RINGZERO_VERSION, sizeof(info->version));
}

static int mybridge_get_sset_count(struct net_device *dev, int sset)
{
	struct mybridge *br = netdev_priv(dev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return MYBRIDGE_CNT_MAX * (1 + br->n_ports);
}

static void mybridge_get_strings(struct net_device *dev, u32 sset, u8 *buf)
{
	struct mybridge *br = netdev_priv(dev);
	struct mybridge_port *p;
	int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < MYBRIDGE_CNT_MAX; i++)
		ethtool_sprintf(&buf, "%s", mybridge_counter_names[i]);
	list_for_each_entry(p, &br->ports, list)
		for (i = 0; i < MYBRIDGE_CNT_MAX; i++)
			ethtool_sprintf(&buf, "%s.%s", p->dev->name,
					mybridge_counter_names[i]);
}

static void mybridge_get_ethtool_stats(struct net_device *dev,
				       struct ethtool_stats *stats, u64 *data)
{
	struct mybridge *br = netdev_priv(dev);
	struct mybridge_port *p;

	ASSERT_RTNL();
	mybridge_read_counters(br->stats, data);
	data += MYBRIDGE_CNT_MAX;
	list_for_each_entry(p, &br->ports, list) {
		mybridge_read_counters(p->stats, data);
		data += MYBRIDGE_CNT_MAX;
	}
}

const struct ethtool_ops mybridge_ethtool_ops = {
	.get_drvinfo		= mybridge_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= mybridge_get_sset_count,
	.get_strings		= mybridge_get_strings,
	.get_ethtool_stats	= mybridge_get_ethtool_stats,
};
