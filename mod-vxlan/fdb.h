/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_FDB_H
#define _MYVXLAN_FDB_H

#include <linux/if_ether.h>
#include <linux/rhashtable.h>
#include <net/dst_cache.h>

#include "device.h"

/* One remote VTEP of an FDB entry. */
struct myvxlan_remote {
	struct list_head list;		/* in the entry's remotes; RCU */
	struct myvxlan_ip ip;
	struct dst_cache dst_cache;
	struct rcu_head rcu;
};

/*
 * An FDB entry: a MAC and the remotes frames to it go to.  The all-zeros
 * MAC holds the replication list for broadcast, unknown unicast and
 * multicast.  Learned and `dynamic` entries (NUD_REACHABLE) age; the
 * others are static.
 */
struct myvxlan_fdb {
	struct rhash_head node;
	u8 mac[ETH_ALEN];
	u16 state;			/* NUD_PERMANENT, NUD_NOARP, NUD_REACHABLE */
	bool learned;
	unsigned long updated;		/* jiffies */
	unsigned long used;		/* jiffies */
	struct list_head remotes;
	struct rcu_head rcu;
};

int myvxlan_fdb_init(struct myvxlan_dev *vx);
void myvxlan_fdb_uninit(struct myvxlan_dev *vx);

/* Fast path, under RCU: the entry for @mac, or NULL. */
struct myvxlan_fdb *myvxlan_fdb_lookup(struct myvxlan_dev *vx, const u8 *mac);

/* Learn that @mac sits behind @ip (softirq). */
void myvxlan_fdb_learn(struct myvxlan_dev *vx, const u8 *mac,
		       const struct myvxlan_ip *ip);

/*
 * Add @ip as a remote of @mac with the semantics of RTM_NEWNEIGH
 * @nlflags: NLM_F_EXCL refuses an existing entry, NLM_F_REPLACE replaces
 * its first remote, NLM_F_APPEND adds a remote to it.
 */
int myvxlan_fdb_add(struct myvxlan_dev *vx, const u8 *mac,
		    const struct myvxlan_ip *ip, u16 state, u16 nlflags,
		    struct netlink_ext_ack *extack);

/* Remove remote @ip of @mac, or the whole entry when @ip is NULL. */
int myvxlan_fdb_del(struct myvxlan_dev *vx, const u8 *mac,
		    const struct myvxlan_ip *ip);

/* Remove entries: all of them, or only the dynamic ones. */
void myvxlan_fdb_flush(struct myvxlan_dev *vx, bool dynamic_only);

/* Remove dynamic entries not refreshed for the ageing time by @now. */
void myvxlan_fdb_age(struct myvxlan_dev *vx, unsigned long now);

unsigned int myvxlan_fdb_count(struct myvxlan_dev *vx);

/*
 * For dumps: call @fill on each (entry, remote) pair, counting them in
 * *@idx and skipping those counted below @skip; stops at the first error
 * and returns it (*@idx is then the index of the pair that failed).
 * Under RCU.
 */
int myvxlan_fdb_walk(struct myvxlan_dev *vx, long *idx, long skip,
		     int (*fill)(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
				 struct myvxlan_remote *rd, void *arg),
		     void *arg);

int myvxlan_ndo_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
			struct net_device *dev, const unsigned char *addr,
			u16 vid, u16 flags, struct netlink_ext_ack *extack);
int myvxlan_ndo_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
			struct net_device *dev, const unsigned char *addr,
			u16 vid, struct netlink_ext_ack *extack);
int myvxlan_ndo_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb,
			 struct net_device *dev, struct net_device *filter_dev,
			 int *idx);

#endif /* _MYVXLAN_FDB_H */
