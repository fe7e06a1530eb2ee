// SPDX-License-Identifier: GPL-2.0
/*
 * Flow export: the table of flow records, their expiry and sending them
 * to the collector.  Frames update records under RCU (lookup, or insert
 * with GFP_ATOMIC up to MYBRIDGE_EXPORT_MAX_FLOWS); a worker scans the
 * table every second, takes the expired records out and sends them from
 * process context through a kernel UDP socket to the collector.
 */
#include <linux/etherdevice.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "export.h"
#include "fdb.h"

#define MYBRIDGE_EXPORT_MTU	1400	/* bytes of records per message */
#define MYBRIDGE_EXPORT_BATCH	256	/* records sent per pause of a scan */

struct mybridge_export_flow {
	struct rhash_head node;
	struct mybridge_flow_key key;
	u32 out_port;
	atomic64_t packets;
	atomic64_t bytes;
	unsigned long first;		/* jiffies: start of this period */
	unsigned long last;
	struct rcu_head rcu;
};

struct mybridge_export {
	struct mybridge_export_config cfg;
	struct mybridge *br;
	struct socket *sock;
	struct rhashtable flows;
	atomic_t n_flows;
	unsigned long start;		/* jiffies; sysUptime 0 */
	struct delayed_work work;
	u32 sequence;			/* records sent (worker) */
	struct mybridge_export_record *batch;	/* worker */
	atomic64_t records;
	atomic64_t messages;
	atomic64_t dropped;
};

static const struct rhashtable_params mybridge_export_params = {
	.head_offset		= offsetof(struct mybridge_export_flow, node),
	.key_offset		= offsetof(struct mybridge_export_flow, key),
	.key_len		= sizeof(struct mybridge_flow_key),
	.hashfn			= mybridge_flow_hashfn,
	.automatic_shrinking	= true,
};

/* Where the FDB sends @key's destination: a port's ifindex, or 0. */
static u32 mybridge_export_out_port(struct mybridge *br,
				    const struct mybridge_flow_key *key)
{
	struct mybridge_fdb *f;
	struct mybridge_port *p;

	if (is_multicast_ether_addr(key->dl_dst))
		return 0;
	f = mybridge_fdb_lookup(br, key->dl_dst, key->vlan);
	p = f ? READ_ONCE(f->port) : NULL;
	return p ? p->dev->ifindex : 0;
}

void mybridge_export_account(struct mybridge *br, struct mybridge_export *exp,
			     const struct mybridge_flow_key *key,
			     unsigned int len)
{
	struct mybridge_export_flow *f, *old;

	f = rhashtable_lookup(&exp->flows, key, mybridge_export_params);
	if (unlikely(!f)) {
		if (atomic_inc_return(&exp->n_flows) > MYBRIDGE_EXPORT_MAX_FLOWS)
			goto full;
		f = kzalloc(sizeof(*f), GFP_ATOMIC);
		if (!f)
			goto full;
		f->key = *key;
		f->first = jiffies;
		f->last = f->first;
		old = rhashtable_lookup_get_insert_fast(&exp->flows, &f->node,
							mybridge_export_params);
		if (old) {
			/* Another CPU was first, or the table is full. */
			kfree(f);
			if (IS_ERR(old))
				goto full;
			atomic_dec(&exp->n_flows);
			f = old;
		}
	}
	if (!READ_ONCE(f->out_port))
		WRITE_ONCE(f->out_port, mybridge_export_out_port(br, key));
	atomic64_inc(&f->packets);
	atomic64_add(len, &f->bytes);
	WRITE_ONCE(f->last, jiffies);
	return;
full:
	atomic_dec(&exp->n_flows);
	atomic64_inc(&exp->dropped);
}

/* Send one message; the records it carries count as sent or lost. */
static void mybridge_export_send(struct mybridge_export *exp, u8 *buf,
				 unsigned int len, unsigned int records)
{
	struct kvec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = {
		.msg_name = &exp->cfg.collector,
		.msg_namelen = exp->cfg.collector.ss_family == AF_INET6 ?
			       sizeof(struct sockaddr_in6) :
			       sizeof(struct sockaddr_in),
		.msg_flags = MSG_DONTWAIT,
	};

	if (kernel_sendmsg(exp->sock, &msg, &iov, 1, len) < 0) {
		atomic64_add(records, &exp->dropped);
		return;
	}
	exp->sequence += records;
	atomic64_inc(&exp->messages);
	atomic64_add(records, &exp->records);
}

/* Records of one IPFIX template (or IPv4 for NetFlow v5) first. */
static unsigned int mybridge_export_group(struct mybridge_export_record *r,
					  unsigned int n)
{
	u16 tmpl = mybridge_ipfix_template(&r[0]);
	unsigned int i, k = 1;

	for (i = 1; i < n; i++) {
		if (mybridge_ipfix_template(&r[i]) == tmpl) {
			swap(r[i], r[k]);
			k++;
		}
	}
	return k;
}

/* One message of the first *@n of @recs (*@n: how many fit). */
static unsigned int mybridge_export_build(struct mybridge_export *exp, u8 *buf,
					  struct mybridge_export_record *recs,
					  unsigned int *n)
{
	u32 uptime = jiffies_to_msecs(jiffies - exp->start);

	if (exp->cfg.format == MYBRIDGE_EXPORT_IPFIX)
		return mybridge_ipfix_build(buf, MYBRIDGE_EXPORT_MTU,
					    exp->br->dev->ifindex,
					    exp->sequence,
					    ktime_get_real_seconds(), recs, n);
	return mybridge_netflow5_build(buf, MYBRIDGE_EXPORT_MTU, exp->sequence,
				       uptime, ktime_get_real_ns(), recs, n);
}

static void mybridge_export_flush(struct mybridge_export *exp,
				  struct mybridge_export_record *recs,
				  unsigned int n)
{
	unsigned int group, done, len, k;
	u8 *buf;

	buf = kmalloc(MYBRIDGE_EXPORT_MTU, GFP_KERNEL);
	if (!buf) {
		atomic64_add(n, &exp->dropped);
		return;
	}
	while (n) {
		group = mybridge_export_group(recs, n);
		if (exp->cfg.format == MYBRIDGE_EXPORT_NETFLOW5 &&
		    recs[0].key.dl_type != htons(ETH_P_IP)) {
			/* NetFlow v5 knows IPv4 only. */
			recs += group;
			n -= group;
			continue;
		}
		for (done = 0; done < group; done += k) {
			k = group - done;
			len = mybridge_export_build(exp, buf, recs + done, &k);
			if (WARN_ON_ONCE(!k))
				break;	/* MYBRIDGE_EXPORT_MTU holds one */
			mybridge_export_send(exp, buf, len, k);
		}
		recs += group;
		n -= group;
	}
	kfree(buf);
}

static void mybridge_export_fill(struct mybridge_export *exp,
				 struct mybridge_export_flow *f,
				 struct mybridge_export_record *r,
				 unsigned long now, u64 now_ms)
{
	unsigned long last = READ_ONCE(f->last);

	/* A frame may have come since @now was read. */
	if (time_after(last, now))
		last = now;

	r->key = f->key;
	r->out_port = READ_ONCE(f->out_port);
	r->packets = atomic64_xchg(&f->packets, 0);
	r->bytes = atomic64_xchg(&f->bytes, 0);
	r->first_ms = now_ms - jiffies_to_msecs(now - f->first);
	r->last_ms = now_ms - jiffies_to_msecs(now - last);
	r->first_uptime = jiffies_to_msecs(f->first - exp->start);
	r->last_uptime = jiffies_to_msecs(last - exp->start);
}

/*
 * Take the records that expired (@all: every one) out of the table and
 * send them.  Idle ones are forgotten; active ones start a new period.
 */
static void mybridge_export_scan(struct mybridge_export *exp, bool all)
{
	unsigned long now = jiffies, idle = exp->cfg.idle * HZ;
	unsigned long active = exp->cfg.active * HZ;
	u64 now_ms = ktime_get_real_ns() / NSEC_PER_MSEC;
	struct mybridge_export_record *recs = exp->batch;
	struct mybridge_export_flow *f;
	struct rhashtable_iter iter;
	unsigned int n = 0;
	bool gone;

	rhashtable_walk_enter(&exp->flows, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f))
			continue;	/* -EAGAIN: a resize; go on */
		gone = all || time_after(now, READ_ONCE(f->last) + idle);
		if (!gone && !time_after(now, f->first + active))
			continue;
		mybridge_export_fill(exp, f, &recs[n], now, now_ms);
		if (recs[n].packets)
			n++;
		if (gone) {
			rhashtable_remove_fast(&exp->flows, &f->node,
					       mybridge_export_params);
			atomic_dec(&exp->n_flows);
			kfree_rcu(f, rcu);
		} else {
			f->first = now;
		}
		if (n == MYBRIDGE_EXPORT_BATCH) {
			/* Sending sleeps: out of RCU, the walk resumes. */
			rhashtable_walk_stop(&iter);
			mybridge_export_flush(exp, recs, n);
			n = 0;
			rhashtable_walk_start(&iter);
		}
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	mybridge_export_flush(exp, recs, n);
}

static void mybridge_export_work(struct work_struct *work)
{
	struct mybridge_export *exp = container_of(to_delayed_work(work),
						   struct mybridge_export,
						   work);

	mybridge_export_scan(exp, false);
	queue_delayed_work(system_power_efficient_wq, &exp->work, HZ);
}

static void mybridge_export_free_flow(void *ptr, void *arg)
{
	kfree(ptr);
}

/* No frame can reach @exp any more: send what it holds, free it. */
static void mybridge_export_stop(struct mybridge_export *exp)
{
	cancel_delayed_work_sync(&exp->work);
	mybridge_export_scan(exp, true);
	rhashtable_free_and_destroy(&exp->flows, mybridge_export_free_flow,
				    NULL);
	sock_release(exp->sock);
	kfree(exp->batch);
	kfree(exp);
}

static struct mybridge_export *
mybridge_export_start(struct mybridge *br,
		      const struct mybridge_export_config *cfg,
		      struct netlink_ext_ack *extack)
{
	int family = cfg->collector.ss_family, err;
	struct mybridge_export *exp;

	exp = kzalloc(sizeof(*exp), GFP_KERNEL);
	if (!exp)
		return ERR_PTR(-ENOMEM);
	exp->cfg = *cfg;
	exp->br = br;
	exp->batch = kmalloc_array(MYBRIDGE_EXPORT_BATCH, sizeof(*exp->batch),
				   GFP_KERNEL);
	err = exp->batch ? rhashtable_init(&exp->flows,
					   &mybridge_export_params) : -ENOMEM;
	if (err)
		goto free;
	/*
	 * Not connected: a collector that is down now and then (ICMP port
	 * unreachable) would make the next send fail with ECONNREFUSED.
	 */
	err = sock_create_kern(dev_net(br->dev), family, SOCK_DGRAM,
			       IPPROTO_UDP, &exp->sock);
	if (err) {
		NL_SET_ERR_MSG(extack, "mybridge: no UDP socket for the export");
		goto destroy;
	}
	exp->start = jiffies;
	INIT_DELAYED_WORK(&exp->work, mybridge_export_work);
	queue_delayed_work(system_power_efficient_wq, &exp->work, HZ);
	return exp;
destroy:
	rhashtable_destroy(&exp->flows);
free:
	kfree(exp->batch);
	kfree(exp);
	return ERR_PTR(err);
}

int mybridge_export_set(struct mybridge *br,
			const struct mybridge_export_config *cfg,
			struct netlink_ext_ack *extack)
{
	struct mybridge_export *old = rtnl_dereference(br->export);
	struct mybridge_export *exp = NULL;

	ASSERT_RTNL();
	if (cfg->format != MYBRIDGE_EXPORT_OFF) {
		exp = mybridge_export_start(br, cfg, extack);
		if (IS_ERR(exp))
			return PTR_ERR(exp);
	}
	rcu_assign_pointer(br->export, exp);
	if (old) {
		/* No frame is still being accounted to it after this. */
		synchronize_net();
		mybridge_export_stop(old);
	}
	return 0;
}

int mybridge_export_put(struct sk_buff *skb, struct mybridge_export *exp)
{
	const struct mybridge_export_config *cfg = &exp->cfg;
	const struct sockaddr_in6 *sin6 = (const void *)&cfg->collector;
	const struct sockaddr_in *sin = (const void *)&cfg->collector;
	bool v6 = cfg->collector.ss_family == AF_INET6;
	struct nlattr *nest = nla_nest_start(skb, MYBRIDGE_ATTR_EXPORT);

	if (!nest ||
	    nla_put_u8(skb, MYBRIDGE_EXPORT_FORMAT, cfg->format) ||
	    (v6 ? nla_put_in6_addr(skb, MYBRIDGE_EXPORT_ADDR, &sin6->sin6_addr) :
	     nla_put_in_addr(skb, MYBRIDGE_EXPORT_ADDR, sin->sin_addr.s_addr)) ||
	    nla_put_u16(skb, MYBRIDGE_EXPORT_PORT,
			ntohs(v6 ? sin6->sin6_port : sin->sin_port)) ||
	    nla_put_u32(skb, MYBRIDGE_EXPORT_ACTIVE, cfg->active) ||
	    nla_put_u32(skb, MYBRIDGE_EXPORT_IDLE, cfg->idle) ||
	    nla_put_u64_64bit(skb, MYBRIDGE_EXPORT_RECORDS,
			      atomic64_read(&exp->records),
			      MYBRIDGE_EXPORT_PAD) ||
	    nla_put_u64_64bit(skb, MYBRIDGE_EXPORT_MESSAGES,
			      atomic64_read(&exp->messages),
			      MYBRIDGE_EXPORT_PAD) ||
	    nla_put_u64_64bit(skb, MYBRIDGE_EXPORT_DROPPED,
			      atomic64_read(&exp->dropped),
			      MYBRIDGE_EXPORT_PAD))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}
