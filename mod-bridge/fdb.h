/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_FDB_H
#define _MYBRIDGE_FDB_H

#include <linux/if_ether.h>
#include <linux/rhashtable.h>

#include "bridge.h"

struct mybridge_fdb_key {
	u8 mac[ETH_ALEN];
	u16 vid;
};

/*
 * An FDB entry: where frames to (MAC, VLAN) go.  @port NULL means the
 * switch device itself (its own address).  Learned entries age; static
 * ones stay until deleted.
 */
struct mybridge_fdb {
	struct rhash_head node;
	struct mybridge_fdb_key key;
	struct mybridge_port *port;	/* WRITE_ONCE under fdb_lock */
	bool is_static;
	unsigned long updated;		/* jiffies, last seen */
	struct rcu_head rcu;
};

int mybridge_fdb_init(struct mybridge *br);
void mybridge_fdb_uninit(struct mybridge *br);

/* Fast path, under RCU. */
struct mybridge_fdb *mybridge_fdb_lookup(struct mybridge *br, const u8 *mac,
					 u16 vid);

/* Learn that @mac on @vid sits behind @port (softirq, under RCU). */
void mybridge_fdb_learn(struct mybridge *br, struct mybridge_port *port,
			const u8 *mac, u16 vid);

/*
 * Add a static entry (@port NULL: the switch itself) with the semantics
 * of RTM_NEWNEIGH @nlflags: NLM_F_EXCL refuses an existing entry,
 * otherwise it is replaced.
 */
int mybridge_fdb_add(struct mybridge *br, struct mybridge_port *port,
		     const u8 *mac, u16 vid, u16 nlflags,
		     struct netlink_ext_ack *extack);
int mybridge_fdb_del(struct mybridge *br, const u8 *mac, u16 vid);

/* Remove the entries of @port (NULL: every port), or only dynamic ones. */
void mybridge_fdb_flush(struct mybridge *br, struct mybridge_port *port,
			bool dynamic_only);

/* Remove learned entries not seen for the ageing time by @now. */
void mybridge_fdb_age(struct mybridge *br, unsigned long now);

unsigned int mybridge_fdb_count(struct mybridge *br);

/*
 * For dumps, under RCU: call @fill on each entry, counting them in *@idx
 * and skipping those below @skip; stops at the first error.
 */
int mybridge_fdb_walk(struct mybridge *br, long *idx, long skip,
		      int (*fill)(struct mybridge *br, struct mybridge_fdb *f,
				  void *arg),
		      void *arg);

int mybridge_ndo_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
			 struct net_device *dev, const unsigned char *addr,
			 u16 vid, u16 flags, struct netlink_ext_ack *extack);
int mybridge_ndo_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
			 struct net_device *dev, const unsigned char *addr,
			 u16 vid, struct netlink_ext_ack *extack);
int mybridge_ndo_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb,
			  struct net_device *dev,
			  struct net_device *filter_dev, int *idx);

#endif /* _MYBRIDGE_FDB_H */
