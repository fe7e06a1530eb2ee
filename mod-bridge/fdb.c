// SPDX-License-Identifier: GPL-2.0
/*
 * The mybridge forwarding database: (MAC, VLAN) -> port.
 *
 * An rhashtable; the data path reads it under RCU only.  Writers take
 * fdb_lock with BH off (learning runs in softirq).  An entry's port is
 * read without the lock: ports are freed only after their entries are
 * gone and a grace period has passed (port.c).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "fdb.h"
#include "port.h"

static const struct rhashtable_params mybridge_fdb_params = {
	.head_offset = offsetof(struct mybridge_fdb, node),
	.key_offset = offsetof(struct mybridge_fdb, key),
	.key_len = sizeof(struct mybridge_fdb_key),
	.automatic_shrinking = true,
};

/* How often the ageing work runs, at most. */
#define MYBRIDGE_AGEING_PERIOD	(10 * HZ)

struct mybridge_fdb *mybridge_fdb_lookup(struct mybridge *br, const u8 *mac,
					 u16 vid)
{
	struct mybridge_fdb_key key = { .vid = vid };

	ether_addr_copy(key.mac, mac);
	return rhashtable_lookup(&br->fdb, &key, mybridge_fdb_params);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_lookup);

/* For writers, under fdb_lock (the lookup takes its own RCU lock). */
static struct mybridge_fdb *mybridge_fdb_find(struct mybridge *br,
					      const u8 *mac, u16 vid)
{
	struct mybridge_fdb_key key = { .vid = vid };

	ether_addr_copy(key.mac, mac);
	return rhashtable_lookup_fast(&br->fdb, &key, mybridge_fdb_params);
}

unsigned int mybridge_fdb_count(struct mybridge *br)
{
	return READ_ONCE(br->fdb_count);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_count);

/* fdb_lock held. */
static int mybridge_fdb_create(struct mybridge *br, struct mybridge_port *port,
			       const u8 *mac, u16 vid, bool is_static)
{
	struct mybridge_fdb *f;
	int err;

	if (!is_static && br->fdb_max_learned &&
	    br->fdb_learned >= br->fdb_max_learned)
		return -ENOSPC;
	f = kzalloc(sizeof(*f), GFP_ATOMIC);
	if (!f)
		return -ENOMEM;
	ether_addr_copy(f->key.mac, mac);
	f->key.vid = vid;
	f->port = port;
	f->is_static = is_static;
	f->updated = jiffies;
	err = rhashtable_insert_fast(&br->fdb, &f->node, mybridge_fdb_params);
	if (err) {
		kfree(f);
		return err;
	}
	WRITE_ONCE(br->fdb_count, br->fdb_count + 1);
	if (!is_static)
		br->fdb_learned++;
	return 0;
}

/* fdb_lock held. */
static void mybridge_fdb_destroy(struct mybridge *br, struct mybridge_fdb *f)
{
	rhashtable_remove_fast(&br->fdb, &f->node, mybridge_fdb_params);
	WRITE_ONCE(br->fdb_count, br->fdb_count - 1);
	if (!f->is_static)
		br->fdb_learned--;
	kfree_rcu(f, rcu);
}

void mybridge_fdb_learn(struct mybridge *br, struct mybridge_port *port,
			const u8 *mac, u16 vid)
{
	struct mybridge_fdb *f = mybridge_fdb_lookup(br, mac, vid);
	unsigned long now = jiffies;
	int err;

	/* The common case: known here already; no lock, no shared write
	 * unless the time stamp changes.
	 */
	if (f && READ_ONCE(f->port) == port) {
		if (!f->is_static && READ_ONCE(f->updated) != now)
			WRITE_ONCE(f->updated, now);
		return;
	}
	/* Static entries (and the switch's own address) do not move. */
	if (f && f->is_static)
		return;

	spin_lock_bh(&br->fdb_lock);
	f = mybridge_fdb_find(br, mac, vid);
	if (!f) {
		err = mybridge_fdb_create(br, port, mac, vid, false);
		spin_unlock_bh(&br->fdb_lock);
		if (!err)
			mybridge_count(br->stats, MYBRIDGE_CNT_LEARNED, 1);
		else if (err == -ENOSPC)
			mybridge_count(br->stats, MYBRIDGE_CNT_DROP_LEARN_LIMIT, 1);
		return;
	}
	if (!f->is_static && f->port != port) {
		WRITE_ONCE(f->port, port);
		WRITE_ONCE(f->updated, now);
		spin_unlock_bh(&br->fdb_lock);
		mybridge_count(br->stats, MYBRIDGE_CNT_MOVED, 1);
		return;
	}
	spin_unlock_bh(&br->fdb_lock);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_learn);

int mybridge_fdb_add(struct mybridge *br, struct mybridge_port *port,
		     const u8 *mac, u16 vid, u16 nlflags,
		     struct netlink_ext_ack *extack)
{
	struct mybridge_fdb *f;
	int err = 0;

	spin_lock_bh(&br->fdb_lock);
	f = mybridge_fdb_find(br, mac, vid);
	if (f && (nlflags & NLM_F_EXCL)) {
		NL_SET_ERR_MSG(extack, "mybridge: FDB entry exists");
		err = -EEXIST;
	} else if (f) {
		/* Replace: the operator's word wins over what was learned. */
		if (!f->is_static)
			br->fdb_learned--;
		f->is_static = true;
		WRITE_ONCE(f->port, port);
		WRITE_ONCE(f->updated, jiffies);
	} else if (!(nlflags & NLM_F_CREATE)) {
		NL_SET_ERR_MSG(extack, "mybridge: no such FDB entry");
		err = -ENOENT;
	} else {
		err = mybridge_fdb_create(br, port, mac, vid, true);
	}
	spin_unlock_bh(&br->fdb_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_add);

int mybridge_fdb_del(struct mybridge *br, const u8 *mac, u16 vid)
{
	struct mybridge_fdb *f;
	int err = -ENOENT;

	spin_lock_bh(&br->fdb_lock);
	f = mybridge_fdb_find(br, mac, vid);
	if (f) {
		mybridge_fdb_destroy(br, f);
		err = 0;
	}
	spin_unlock_bh(&br->fdb_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_del);

/* Remove the entries @match selects. */
static void mybridge_fdb_remove_if(struct mybridge *br,
				   bool (*match)(struct mybridge *br,
						 struct mybridge_fdb *f,
						 const void *arg),
				   const void *arg)
{
	struct rhashtable_iter iter;
	struct mybridge_fdb *f;

	rhashtable_walk_enter(&br->fdb, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f))
			continue;	/* -EAGAIN: a resize; go on */
		if (!match(br, f, arg))
			continue;
		spin_lock_bh(&br->fdb_lock);
		/* Still there and matching: another writer may have won. */
		if (mybridge_fdb_find(br, f->key.mac, f->key.vid) == f &&
		    match(br, f, arg))
			mybridge_fdb_destroy(br, f);
		spin_unlock_bh(&br->fdb_lock);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

struct mybridge_flush {
	struct mybridge_port *port;
	bool dynamic_only;
};

static bool mybridge_fdb_flushed(struct mybridge *br, struct mybridge_fdb *f,
				 const void *arg)
{
	const struct mybridge_flush *fl = arg;

	if (fl->dynamic_only && f->is_static)
		return false;
	/* The switch's own address goes only when everything does. */
	if (!f->port && (fl->port || fl->dynamic_only))
		return false;
	return !fl->port || READ_ONCE(f->port) == fl->port;
}

void mybridge_fdb_flush(struct mybridge *br, struct mybridge_port *port,
			bool dynamic_only)
{
	struct mybridge_flush fl = { .port = port, .dynamic_only = dynamic_only };

	mybridge_fdb_remove_if(br, mybridge_fdb_flushed, &fl);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_flush);

static bool mybridge_fdb_expired(struct mybridge *br, struct mybridge_fdb *f,
				 const void *arg)
{
	unsigned long now = *(const unsigned long *)arg;
	u32 ageing = READ_ONCE(br->ageing);

	return !f->is_static && ageing &&
	       time_after_eq(now, READ_ONCE(f->updated) +
				  (unsigned long)ageing * HZ);
}

void mybridge_fdb_age(struct mybridge *br, unsigned long now)
{
	mybridge_fdb_remove_if(br, mybridge_fdb_expired, &now);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_age);

static void mybridge_fdb_ageing_work(struct work_struct *work)
{
	struct mybridge *br = container_of(to_delayed_work(work),
					   struct mybridge, fdb_ageing);
	unsigned long period = MYBRIDGE_AGEING_PERIOD;
	u32 ageing = READ_ONCE(br->ageing);

	mybridge_fdb_age(br, jiffies);
	if (ageing)
		period = min_t(unsigned long, period,
			       max_t(unsigned long, ageing * HZ / 2, HZ));
	queue_delayed_work(system_power_efficient_wq, &br->fdb_ageing, period);
}

int mybridge_fdb_init(struct mybridge *br)
{
	spin_lock_init(&br->fdb_lock);
	br->fdb_count = 0;
	br->fdb_learned = 0;
	INIT_DELAYED_WORK(&br->fdb_ageing, mybridge_fdb_ageing_work);
	return rhashtable_init(&br->fdb, &mybridge_fdb_params);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_init);

static void mybridge_fdb_free_entry(void *ptr, void *arg)
{
	kfree(ptr);
}

/* No reader is left: the device is unregistered. */
void mybridge_fdb_uninit(struct mybridge *br)
{
	cancel_delayed_work_sync(&br->fdb_ageing);
	rcu_barrier();
	rhashtable_free_and_destroy(&br->fdb, mybridge_fdb_free_entry, NULL);
	br->fdb_count = 0;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_fdb_uninit);

int mybridge_fdb_walk(struct mybridge *br, long *idx, long skip,
		      int (*fill)(struct mybridge *br, struct mybridge_fdb *f,
				  void *arg),
		      void *arg)
{
	struct rhashtable_iter iter;
	struct mybridge_fdb *f;
	int err = 0;

	rhashtable_walk_enter(&br->fdb, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f))
			continue;
		if (*idx >= skip) {
			err = fill(br, f, arg);
			if (err)
				break;
		}
		(*idx)++;
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return err;
}

/* --- `bridge fdb ... dev SWITCH self`: ndo_fdb_add/del/dump --- */

/* The port NDA_IFINDEX (`via PORT`) names; NULL: the switch itself. */
static int mybridge_nda_port(struct mybridge *br, struct nlattr *tb[],
			     struct mybridge_port **port,
			     struct netlink_ext_ack *extack)
{
	struct net_device *dev;

	*port = NULL;
	if (!tb[NDA_IFINDEX])
		return 0;
	dev = __dev_get_by_index(dev_net(br->dev), nla_get_u32(tb[NDA_IFINDEX]));
	*port = dev ? mybridge_port_of(br, dev) : NULL;
	if (!*port) {
		NL_SET_ERR_MSG_ATTR(extack, tb[NDA_IFINDEX],
				    "mybridge: via names no port of this switch");
		return -ENODEV;
	}
	return 0;
}

int mybridge_ndo_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
			 struct net_device *dev, const unsigned char *addr,
			 u16 vid, u16 flags, struct netlink_ext_ack *extack)
{
	struct mybridge *br = netdev_priv(dev);
	struct mybridge_port *port;
	int err;

	if (!(ndm->ndm_state & (NUD_PERMANENT | NUD_NOARP))) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: only static (or permanent) entries can be added");
		return -EINVAL;
	}
	if (tb[NDA_DST] || tb[NDA_PORT] || tb[NDA_VNI] || tb[NDA_SRC_VNI]) {
		NL_SET_ERR_MSG(extack,
			       "mybridge: FDB entries take a MAC, a VLAN and via PORT only");
		return -EOPNOTSUPP;
	}
	if (!is_valid_ether_addr(addr)) {
		NL_SET_ERR_MSG(extack, "mybridge: not a unicast MAC address");
		return -EINVAL;
	}
	err = mybridge_nda_port(br, tb, &port, extack);
	if (err)
		return err;
	return mybridge_fdb_add(br, port, addr, vid, flags, extack);
}

int mybridge_ndo_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
			 struct net_device *dev, const unsigned char *addr,
			 u16 vid, struct netlink_ext_ack *extack)
{
	return mybridge_fdb_del(netdev_priv(dev), addr, vid);
}

struct mybridge_ndo_dump {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int mybridge_ndo_fdb_fill(struct mybridge *br, struct mybridge_fdb *f,
				 void *arg)
{
	struct mybridge_ndo_dump *d = arg;
	struct mybridge_port *port = READ_ONCE(f->port);
	struct sk_buff *skb = d->skb;
	struct nda_cacheinfo ci = {};
	struct nlmsghdr *nlh;
	struct ndmsg *ndm;

	nlh = nlmsg_put(skb, NETLINK_CB(d->cb->skb).portid,
			d->cb->nlh->nlmsg_seq, RTM_NEWNEIGH, sizeof(*ndm),
			NLM_F_MULTI);
	if (!nlh)
		return -EMSGSIZE;
	ndm = nlmsg_data(nlh);
	memset(ndm, 0, sizeof(*ndm));
	ndm->ndm_family = AF_BRIDGE;
	ndm->ndm_state = f->is_static ? NUD_NOARP : NUD_REACHABLE;
	ndm->ndm_ifindex = br->dev->ifindex;
	ndm->ndm_flags = NTF_SELF;
	ndm->ndm_type = RTN_UNICAST;
	ci.ndm_updated = jiffies_to_clock_t(jiffies - READ_ONCE(f->updated));
	if (nla_put(skb, NDA_LLADDR, ETH_ALEN, f->key.mac) ||
	    (f->key.vid && nla_put_u16(skb, NDA_VLAN, f->key.vid)) ||
	    (port && nla_put_u32(skb, NDA_IFINDEX, port->dev->ifindex)) ||
	    nla_put(skb, NDA_CACHEINFO, sizeof(ci), &ci)) {
		nlmsg_cancel(skb, nlh);
		return -EMSGSIZE;
	}
	nlmsg_end(skb, nlh);
	return 0;
}

int mybridge_ndo_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb,
			  struct net_device *dev,
			  struct net_device *filter_dev, int *idx)
{
	struct mybridge_ndo_dump d = { .skb = skb, .cb = cb };
	long pos = *idx;
	int err;

	err = mybridge_fdb_walk(netdev_priv(dev), &pos, cb->args[2],
				mybridge_ndo_fdb_fill, &d);
	*idx = pos;
	return err;
}
