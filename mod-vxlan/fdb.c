// SPDX-License-Identifier: GPL-2.0
/*
 * The myvxlan forwarding database: MAC -> remote VTEPs.
 *
 * An rhashtable keyed by MAC.  Readers (transmit, learning lookups) take
 * no lock, only RCU; writers serialize on fdb_lock, taken with BH off as
 * learning runs in softirq.  Removed entries and remotes are freed after
 * a grace period.
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/neighbour.h>
#include <net/ipv6.h>
#include <net/neighbour.h>
#include <net/netlink.h>

#include "fdb.h"

static const struct rhashtable_params myvxlan_fdb_params = {
	.head_offset = offsetof(struct myvxlan_fdb, node),
	.key_offset = offsetof(struct myvxlan_fdb, mac),
	.key_len = ETH_ALEN,
	.automatic_shrinking = true,
};

/* How often the ageing work looks for expired entries, at most. */
#define MYVXLAN_AGEING_PERIOD	(10 * HZ)

static void myvxlan_remote_free(struct rcu_head *head)
{
	struct myvxlan_remote *rd = container_of(head, struct myvxlan_remote,
						 rcu);

	dst_cache_destroy(&rd->dst_cache);
	kfree(rd);
}

static void myvxlan_fdb_free(struct rcu_head *head)
{
	struct myvxlan_fdb *f = container_of(head, struct myvxlan_fdb, rcu);
	struct myvxlan_remote *rd, *next;

	list_for_each_entry_safe(rd, next, &f->remotes, list) {
		dst_cache_destroy(&rd->dst_cache);
		kfree(rd);
	}
	kfree(f);
}

static struct myvxlan_remote *myvxlan_remote_new(const struct myvxlan_ip *ip,
						 gfp_t gfp)
{
	struct myvxlan_remote *rd = kzalloc(sizeof(*rd), gfp);

	if (!rd)
		return NULL;
	if (dst_cache_init(&rd->dst_cache, gfp)) {
		kfree(rd);
		return NULL;
	}
	rd->ip = *ip;
	return rd;
}

/* Remote @ip of @f, or NULL; fdb_lock held. */
static struct myvxlan_remote *myvxlan_remote_find(struct myvxlan_fdb *f,
						  const struct myvxlan_ip *ip)
{
	struct myvxlan_remote *rd;

	list_for_each_entry(rd, &f->remotes, list)
		if (myvxlan_ip_equal(&rd->ip, ip))
			return rd;
	return NULL;
}

struct myvxlan_fdb *myvxlan_fdb_lookup(struct myvxlan_dev *vx, const u8 *mac)
{
	return rhashtable_lookup(&vx->fdb, mac, myvxlan_fdb_params);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_lookup);

unsigned int myvxlan_fdb_count(struct myvxlan_dev *vx)
{
	return READ_ONCE(vx->fdb_count);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_count);

/* Create an entry with one remote; fdb_lock held. */
static int myvxlan_fdb_create(struct myvxlan_dev *vx, const u8 *mac,
			      const struct myvxlan_ip *ip, u16 state,
			      bool learned, gfp_t gfp)
{
	struct myvxlan_remote *rd;
	struct myvxlan_fdb *f;
	int err;

	if (vx->cfg.limit && vx->fdb_count >= vx->cfg.limit)
		return -ENOSPC;
	f = kzalloc(sizeof(*f), gfp);
	rd = myvxlan_remote_new(ip, gfp);
	if (!f || !rd) {
		kfree(f);
		if (rd)
			myvxlan_remote_free(&rd->rcu);
		return -ENOMEM;
	}
	ether_addr_copy(f->mac, mac);
	f->state = state;
	f->learned = learned;
	f->updated = jiffies;
	f->used = jiffies;
	INIT_LIST_HEAD(&f->remotes);
	list_add(&rd->list, &f->remotes);
	err = rhashtable_insert_fast(&vx->fdb, &f->node, myvxlan_fdb_params);
	if (err) {
		myvxlan_fdb_free(&f->rcu);
		return err;
	}
	vx->fdb_count++;
	return 0;
}

/* Unlink and free @f after a grace period; fdb_lock held. */
static void myvxlan_fdb_destroy(struct myvxlan_dev *vx, struct myvxlan_fdb *f)
{
	rhashtable_remove_fast(&vx->fdb, &f->node, myvxlan_fdb_params);
	vx->fdb_count--;
	call_rcu(&f->rcu, myvxlan_fdb_free);
}

/* Point @f at @ip alone; fdb_lock held. */
static int myvxlan_fdb_set_remote(struct myvxlan_fdb *f,
				  const struct myvxlan_ip *ip, gfp_t gfp)
{
	struct myvxlan_remote *old, *rd;

	old = list_first_entry(&f->remotes, struct myvxlan_remote, list);
	if (myvxlan_ip_equal(&old->ip, ip))
		return 0;
	rd = myvxlan_remote_new(ip, gfp);
	if (!rd)
		return -ENOMEM;
	list_replace_rcu(&old->list, &rd->list);
	call_rcu(&old->rcu, myvxlan_remote_free);
	return 0;
}

void myvxlan_fdb_learn(struct myvxlan_dev *vx, const u8 *mac,
		       const struct myvxlan_ip *ip)
{
	struct myvxlan_fdb *f;
	struct myvxlan_remote *rd;

	f = myvxlan_fdb_lookup(vx, mac);
	if (f) {
		/* Static entries are the operator's word: never relearned. */
		if (f->state != NUD_REACHABLE)
			return;
		rd = list_first_or_null_rcu(&f->remotes,
					    struct myvxlan_remote, list);
		if (rd && myvxlan_ip_equal(&rd->ip, ip)) {
			unsigned long now = jiffies;

			if (READ_ONCE(f->updated) != now)
				WRITE_ONCE(f->updated, now);
			return;
		}
	}

	spin_lock_bh(&vx->fdb_lock);
	f = rhashtable_lookup_fast(&vx->fdb, mac, myvxlan_fdb_params);
	if (!f) {
		if (!myvxlan_fdb_create(vx, mac, ip, NUD_REACHABLE, true,
					GFP_ATOMIC))
			myvxlan_count(vx, MYVXLAN_CNT_LEARNED);
	} else if (f->state == NUD_REACHABLE &&
		   !myvxlan_fdb_set_remote(f, ip, GFP_ATOMIC)) {
		/* The MAC moved to another VTEP. */
		WRITE_ONCE(f->updated, jiffies);
	}
	spin_unlock_bh(&vx->fdb_lock);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_learn);

int myvxlan_fdb_add(struct myvxlan_dev *vx, const u8 *mac,
		    const struct myvxlan_ip *ip, u16 state, u16 nlflags,
		    struct netlink_ext_ack *extack)
{
	struct myvxlan_remote *rd;
	struct myvxlan_fdb *f;
	int err = 0;

	spin_lock_bh(&vx->fdb_lock);
	f = rhashtable_lookup_fast(&vx->fdb, mac, myvxlan_fdb_params);
	if (!f) {
		if (!(nlflags & NLM_F_CREATE)) {
			err = -ENOENT;
		} else {
			err = myvxlan_fdb_create(vx, mac, ip, state, false,
						 GFP_ATOMIC);
			if (err == -ENOSPC)
				NL_SET_ERR_MSG(extack,
					       "myvxlan: FDB full (maxaddress)");
		}
		goto out;
	}
	if (nlflags & NLM_F_EXCL) {
		NL_SET_ERR_MSG(extack, "myvxlan: FDB entry exists");
		err = -EEXIST;
		goto out;
	}
	if (nlflags & NLM_F_APPEND) {
		if (myvxlan_remote_find(f, ip)) {
			NL_SET_ERR_MSG(extack, "myvxlan: remote already listed");
			err = -EEXIST;
			goto out;
		}
		rd = myvxlan_remote_new(ip, GFP_ATOMIC);
		if (!rd) {
			err = -ENOMEM;
			goto out;
		}
		list_add_tail_rcu(&rd->list, &f->remotes);
	} else if (nlflags & NLM_F_REPLACE) {
		err = myvxlan_fdb_set_remote(f, ip, GFP_ATOMIC);
	} else {
		err = -EEXIST;
		goto out;
	}
	/* An operator's add makes a learned entry theirs. */
	f->state = state;
	f->learned = false;
	WRITE_ONCE(f->updated, jiffies);
out:
	spin_unlock_bh(&vx->fdb_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_add);

int myvxlan_fdb_del(struct myvxlan_dev *vx, const u8 *mac,
		    const struct myvxlan_ip *ip)
{
	struct myvxlan_remote *rd;
	struct myvxlan_fdb *f;
	int err = 0;

	spin_lock_bh(&vx->fdb_lock);
	f = rhashtable_lookup_fast(&vx->fdb, mac, myvxlan_fdb_params);
	if (!f) {
		err = -ENOENT;
		goto out;
	}
	if (ip) {
		rd = myvxlan_remote_find(f, ip);
		if (!rd) {
			err = -ENOENT;
			goto out;
		}
		if (!list_is_singular(&f->remotes)) {
			list_del_rcu(&rd->list);
			call_rcu(&rd->rcu, myvxlan_remote_free);
			goto out;
		}
	}
	myvxlan_fdb_destroy(vx, f);
out:
	spin_unlock_bh(&vx->fdb_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_del);

/* Remove the entries @match selects, walking the whole table. */
static void myvxlan_fdb_remove_if(struct myvxlan_dev *vx,
				  bool (*match)(struct myvxlan_dev *vx,
						struct myvxlan_fdb *f,
						unsigned long now),
				  unsigned long now)
{
	struct rhashtable_iter iter;
	struct myvxlan_fdb *f;

	rhashtable_walk_enter(&vx->fdb, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f))
			continue;	/* -EAGAIN: a resize; go on */
		if (!match(vx, f, now))
			continue;
		spin_lock_bh(&vx->fdb_lock);
		/* Still in the table: another writer may have won. */
		if (rhashtable_lookup_fast(&vx->fdb, f->mac,
					   myvxlan_fdb_params) == f)
			myvxlan_fdb_destroy(vx, f);
		spin_unlock_bh(&vx->fdb_lock);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

static bool myvxlan_fdb_any(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
			    unsigned long now)
{
	return true;
}

static bool myvxlan_fdb_dynamic(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
				unsigned long now)
{
	return f->state == NUD_REACHABLE;
}

static bool myvxlan_fdb_expired(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
				unsigned long now)
{
	return f->state == NUD_REACHABLE && vx->cfg.ageing &&
	       time_after_eq(now, READ_ONCE(f->updated) +
				  (unsigned long)vx->cfg.ageing * HZ);
}

void myvxlan_fdb_flush(struct myvxlan_dev *vx, bool dynamic_only)
{
	myvxlan_fdb_remove_if(vx, dynamic_only ? myvxlan_fdb_dynamic :
						  myvxlan_fdb_any, 0);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_flush);

void myvxlan_fdb_age(struct myvxlan_dev *vx, unsigned long now)
{
	myvxlan_fdb_remove_if(vx, myvxlan_fdb_expired, now);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_age);

static void myvxlan_fdb_ageing_work(struct work_struct *work)
{
	struct myvxlan_dev *vx = container_of(to_delayed_work(work),
					      struct myvxlan_dev, fdb_ageing);
	unsigned long period;

	myvxlan_fdb_age(vx, jiffies);
	period = MYVXLAN_AGEING_PERIOD;
	if (vx->cfg.ageing)
		period = min_t(unsigned long, period,
			       max_t(unsigned long, vx->cfg.ageing * HZ / 2, HZ));
	queue_delayed_work(system_power_efficient_wq, &vx->fdb_ageing,
			   period);
}

int myvxlan_fdb_init(struct myvxlan_dev *vx)
{
	spin_lock_init(&vx->fdb_lock);
	vx->fdb_count = 0;
	INIT_DELAYED_WORK(&vx->fdb_ageing, myvxlan_fdb_ageing_work);
	return rhashtable_init(&vx->fdb, &myvxlan_fdb_params);
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_init);

static void myvxlan_fdb_free_entry(void *ptr, void *arg)
{
	struct myvxlan_fdb *f = ptr;

	myvxlan_fdb_free(&f->rcu);
}

/* No reader is left when this runs (the device is unregistered). */
void myvxlan_fdb_uninit(struct myvxlan_dev *vx)
{
	cancel_delayed_work_sync(&vx->fdb_ageing);
	/* Entries removed before still wait for their grace period. */
	rcu_barrier();
	rhashtable_free_and_destroy(&vx->fdb, myvxlan_fdb_free_entry, NULL);
	vx->fdb_count = 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvxlan_fdb_uninit);

/* --- ndo_fdb_add/del/dump: the `bridge fdb` interface --- */

static int myvxlan_nda_ip(struct nlattr *tb[], struct myvxlan_ip *ip,
			  struct netlink_ext_ack *extack)
{
	struct nlattr *dst = tb[NDA_DST];

	memset(ip, 0, sizeof(*ip));
	if (tb[NDA_PORT] || tb[NDA_VNI] || tb[NDA_IFINDEX] || tb[NDA_SRC_VNI]) {
		NL_SET_ERR_MSG(extack,
			       "myvxlan: FDB entries take only a dst address");
		return -EOPNOTSUPP;
	}
	if (!dst)
		return -ENOENT;
	if (nla_len(dst) == sizeof(__be32)) {
		ip->family = AF_INET;
		ip->v4 = nla_get_in_addr(dst);
	} else if (nla_len(dst) == sizeof(struct in6_addr) &&
		   IS_ENABLED(CONFIG_IPV6)) {
		ip->family = AF_INET6;
		ip->v6 = nla_get_in6_addr(dst);
	} else {
		NL_SET_ERR_MSG_ATTR(extack, dst,
				    "myvxlan: dst is not an IP address");
		return -EINVAL;
	}
	return 0;
}

int myvxlan_ndo_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
			struct net_device *dev, const unsigned char *addr,
			u16 vid, u16 flags, struct netlink_ext_ack *extack)
{
	struct myvxlan_dev *vx = netdev_priv(dev);
	struct myvxlan_ip ip;
	int err;

	if (!(ndm->ndm_state & (NUD_PERMANENT | NUD_REACHABLE | NUD_NOARP))) {
		NL_SET_ERR_MSG(extack, "myvxlan: FDB state must be permanent, static or dynamic");
		return -EINVAL;
	}
	if (vid) {
		NL_SET_ERR_MSG(extack, "myvxlan: FDB entries have no VLAN");
		return -EINVAL;
	}
	err = myvxlan_nda_ip(tb, &ip, extack);
	if (err == -ENOENT) {
		NL_SET_ERR_MSG(extack, "myvxlan: dst (the remote VTEP) is required");
		return -EINVAL;
	}
	if (err)
		return err;
	if (ip.family != vx->cfg.family) {
		NL_SET_ERR_MSG(extack,
			       "myvxlan: dst is not of the underlay's address family");
		return -EAFNOSUPPORT;
	}
	return myvxlan_fdb_add(vx, addr, &ip,
			       ndm->ndm_state & NUD_REACHABLE ? NUD_REACHABLE :
			       ndm->ndm_state & NUD_PERMANENT ? NUD_PERMANENT :
								NUD_NOARP,
			       flags, extack);
}

int myvxlan_ndo_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
			struct net_device *dev, const unsigned char *addr,
			u16 vid, struct netlink_ext_ack *extack)
{
	struct myvxlan_dev *vx = netdev_priv(dev);
	struct myvxlan_ip ip;
	int err;

	err = myvxlan_nda_ip(tb, &ip, extack);
	if (err && err != -ENOENT)
		return err;
	return myvxlan_fdb_del(vx, addr, err ? NULL : &ip);
}

int myvxlan_fdb_walk(struct myvxlan_dev *vx, long *idx, long skip,
		     int (*fill)(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
				 struct myvxlan_remote *rd, void *arg),
		     void *arg)
{
	struct rhashtable_iter iter;
	struct myvxlan_remote *rd;
	struct myvxlan_fdb *f;
	int err = 0;

	rhashtable_walk_enter(&vx->fdb, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f))
			continue;
		list_for_each_entry_rcu(rd, &f->remotes, list) {
			if (*idx >= skip) {
				err = fill(vx, f, rd, arg);
				if (err)
					goto out;
			}
			(*idx)++;
		}
	}
out:
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return err;
}

struct myvxlan_ndo_dump {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int myvxlan_ndo_fdb_fill(struct myvxlan_dev *vx, struct myvxlan_fdb *f,
				struct myvxlan_remote *rd, void *arg)
{
	struct myvxlan_ndo_dump *d = arg;
	struct sk_buff *skb = d->skb;
	unsigned long now = jiffies;
	struct nda_cacheinfo ci;
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
	ndm->ndm_state = f->state;
	ndm->ndm_ifindex = vx->dev->ifindex;
	ndm->ndm_flags = NTF_SELF;
	ndm->ndm_type = RTN_UNICAST;
	ci.ndm_used = jiffies_to_clock_t(now - READ_ONCE(f->used));
	ci.ndm_confirmed = 0;
	ci.ndm_updated = jiffies_to_clock_t(now - READ_ONCE(f->updated));
	ci.ndm_refcnt = 0;
	if (nla_put(skb, NDA_LLADDR, ETH_ALEN, f->mac) ||
	    (rd->ip.family == AF_INET ?
	     nla_put_in_addr(skb, NDA_DST, rd->ip.v4) :
	     nla_put_in6_addr(skb, NDA_DST, &rd->ip.v6)) ||
	    nla_put(skb, NDA_CACHEINFO, sizeof(ci), &ci)) {
		nlmsg_cancel(skb, nlh);
		return -EMSGSIZE;
	}
	nlmsg_end(skb, nlh);
	return 0;
}

int myvxlan_ndo_fdb_dump(struct sk_buff *skb, struct netlink_callback *cb,
			 struct net_device *dev, struct net_device *filter_dev,
			 int *idx)
{
	struct myvxlan_ndo_dump d = { .skb = skb, .cb = cb };
	long pos = *idx;
	int err;

	err = myvxlan_fdb_walk(netdev_priv(dev), &pos, cb->args[2],
			       myvxlan_ndo_fdb_fill, &d);
	*idx = pos;
	return err;
}
