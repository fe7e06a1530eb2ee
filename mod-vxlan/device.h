/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The myvxlan device: its configuration, state and counters.
 */
#ifndef _MYVXLAN_DEVICE_H
#define _MYVXLAN_DEVICE_H

#include <linux/in6.h>
#include <linux/netdevice.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/gro_cells.h>

#include <myvxlan.h>

/* An underlay IP address: IPv4 or IPv6 by family (0: unset). */
struct myvxlan_ip {
	sa_family_t family;
	union {
		__be32 v4;
		struct in6_addr v6;
	};
};

/* The device's parameters, fixed at creation (uapi/myvxlan.h). */
struct myvxlan_cfg {
	u32 vni;
	struct myvxlan_ip remote;	/* unicast remote, or the group */
	struct myvxlan_ip local;
	sa_family_t family;		/* of the underlay */
	int link_ifindex;
	__be16 port;
	u16 port_min, port_max;
	u8 ttl;
	u8 tos;
	u8 df;
	bool ttl_inherit;
	bool learning;
	bool udp_csum;
	bool zero_csum6_tx;
	bool zero_csum6_rx;
	bool proxy;
	bool l2miss;
	bool l3miss;
	u32 ageing;			/* seconds */
	u32 limit;			/* FDB entries, 0: no limit */
};

/* The drop reasons are enum myvxlan_drop_reason (uapi). */
extern const char *const myvxlan_drop_names[MYVXLAN_DROP_MAX];

/*
 * The device's own counters, beside the netdev's packets and bytes: the
 * drop reasons (enum myvxlan_drop_reason), then these.
 */
enum myvxlan_counter {
	MYVXLAN_CNT_LEARNED = MYVXLAN_DROP_MAX,
	MYVXLAN_CNT_PROXY_REPLIES,
	MYVXLAN_CNT_L2MISSES,
	MYVXLAN_CNT_L3MISSES,
	MYVXLAN_CNT_MAX
};

struct myvxlan_pcpu_stats {
	u64 cnt[MYVXLAN_CNT_MAX];
	struct u64_stats_sync syncp;
};

struct myvxlan_sock;

struct myvxlan_dev {
	struct net_device *dev;
	struct net *net;		/* of the underlay socket */
	struct list_head list;		/* in the netns' device list */
	struct hlist_node vni_node;	/* in vsock's VNI hash */
	struct myvxlan_sock __rcu *vsock;
	struct myvxlan_cfg cfg;
	struct gro_cells gro_cells;
	struct myvxlan_pcpu_stats __percpu *pstats;

	/* The forwarding database (fdb.c). */
	struct rhashtable fdb;
	spinlock_t fdb_lock;		/* serializes FDB writers */
	unsigned int fdb_count;		/* entries, under fdb_lock */
	struct delayed_work fdb_ageing;
};

/* Add one to @counter: a drop reason or an enum myvxlan_counter. */
static inline void myvxlan_count(struct myvxlan_dev *vx, unsigned int counter)
{
	struct myvxlan_pcpu_stats *s = get_cpu_ptr(vx->pstats);

	u64_stats_update_begin(&s->syncp);
	s->cnt[counter]++;
	u64_stats_update_end(&s->syncp);
	put_cpu_ptr(vx->pstats);
}

static inline void myvxlan_count_drop(struct myvxlan_dev *vx,
				      enum myvxlan_drop_reason reason)
{
	myvxlan_count(vx, reason);
	/* The receive reasons come first (uapi/myvxlan.h). */
	if (reason < MYVXLAN_DROP_TX_NO_REMOTE)
		dev_core_stats_rx_dropped_inc(vx->dev);
	else
		dev_core_stats_tx_dropped_inc(vx->dev);
}

bool myvxlan_ip_equal(const struct myvxlan_ip *a, const struct myvxlan_ip *b);
bool myvxlan_ip_is_multicast(const struct myvxlan_ip *ip);

/* Sum the per-CPU counters. */
void myvxlan_read_counters(struct myvxlan_dev *vx, u64 sum[MYVXLAN_CNT_MAX]);

/* @dev's myvxlan state, or NULL when @dev is not a myvxlan device. */
struct myvxlan_dev *myvxlan_from_netdev(struct net_device *dev);

int myvxlan_device_init(void);
void myvxlan_device_uninit(void);

#endif /* _MYVXLAN_DEVICE_H */
