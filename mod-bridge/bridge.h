/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mybridge switch: the bridge device, its ports and its counters.
 */
#ifndef _MYBRIDGE_BRIDGE_H
#define _MYBRIDGE_BRIDGE_H

#include <linux/netdevice.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include <mybridge.h>
#include "classifier.h"

/* Per-CPU counters of a port or of the switch (enum mybridge_counter). */
struct mybridge_pcpu_stats {
	u64 cnt[MYBRIDGE_CNT_MAX];
	struct u64_stats_sync syncp;
};

struct mybridge;
struct mybridge_export;

/* A port: a net_device enslaved with `ip link set DEV master BR`. */
struct mybridge_port {
	struct list_head list;		/* in br->ports; RCU */
	struct mybridge *br;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct mybridge_pcpu_stats __percpu *stats;
	/* Set-up from MYBRIDGE_CMD_SET_PORT: published under RCU, RTNL. */
	struct mybridge_vlan __rcu *vlan;	/* NULL: every VLAN */
	struct mybridge_police __rcu *police;	/* NULL: no policing */
	struct mybridge_port __rcu *mirror_rx;	/* copies of what comes in */
	struct mybridge_port __rcu *mirror_tx;	/* copies of what goes out */
	unsigned int mirror_sources;		/* ports mirrored here */
};

struct mybridge {
	struct net_device *dev;
	struct list_head ports;		/* RCU readers, RTNL writers */
	unsigned int n_ports;		/* under RTNL */
	struct mybridge_pcpu_stats __percpu *stats;

	/* The forwarding database (fdb.c). */
	struct rhashtable fdb;
	spinlock_t fdb_lock;		/* serializes FDB writers */
	unsigned int fdb_learned;	/* learned entries, under fdb_lock */
	unsigned int fdb_count;		/* all entries, under fdb_lock */
	u32 ageing;			/* seconds; 0: learned entries stay */
	u32 fdb_max_learned;		/* 0: no limit */
	struct delayed_work fdb_ageing;

	struct mybridge_flow_table flows;	/* RTNL writers */
	struct mybridge_export __rcu *export;	/* NULL: off; RTNL writers */
};

static inline void mybridge_count(struct mybridge_pcpu_stats __percpu *stats,
				  unsigned int counter, u64 n)
{
	struct mybridge_pcpu_stats *s = get_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	s->cnt[counter] += n;
	u64_stats_update_end(&s->syncp);
	put_cpu_ptr(stats);
}

/* Sum per-CPU counters into @sum. */
void mybridge_read_counters(struct mybridge_pcpu_stats __percpu *stats,
			    u64 sum[MYBRIDGE_CNT_MAX]);

/* @dev's mybridge, or NULL when @dev is not a mybridge device. */
struct mybridge *mybridge_from_netdev(struct net_device *dev);

extern const struct ethtool_ops mybridge_ethtool_ops;

int mybridge_device_init(void);
void mybridge_device_uninit(void);

#endif /* _MYBRIDGE_BRIDGE_H */
