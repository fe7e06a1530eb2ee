/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The flow table: rules (match, priority, actions) in a tuple-space
 * classifier (one hash table of masked keys per distinct mask, searched
 * in order of the highest priority each holds) behind a per-CPU cache of
 * exact keys.  Writers hold RTNL; lookups run under RCU in softirq.
 */
#ifndef _MYBRIDGE_CLASSIFIER_H
#define _MYBRIDGE_CLASSIFIER_H

#include <linux/rhashtable.h>
#include <linux/u64_stats_sync.h>

#include "flow.h"

struct mybridge_port;

struct mybridge_action {
	u16 type;			/* MYBRIDGE_ACTION_* */
	u16 arg;			/* VID, controller length */
	struct mybridge_port *port;	/* OUTPUT, MIRROR */
};

struct mybridge_actions {
	unsigned int n;
	struct rcu_head rcu;
	struct mybridge_action a[];
};

struct mybridge_rule_stats {
	u64 packets;
	u64 bytes;
	unsigned long used;		/* jiffies; 0: never */
	struct u64_stats_sync syncp;
};

struct mybridge_subtable;

struct mybridge_rule {
	struct rhlist_head node;	/* in its subtable, by masked key */
	struct list_head list;		/* in the table, for dumps and walks */
	struct list_head st_list;	/* in its subtable */
	struct mybridge_flow_key key;	/* already masked */
	struct mybridge_subtable *st;
	struct mybridge_port *in_port;	/* NULL: any */
	u16 priority;
	struct mybridge_actions __rcu *actions;
	struct mybridge_rule_stats __percpu *stats;
	unsigned long created;		/* jiffies */
	struct rcu_head rcu;
};

struct mybridge_subtable {
	struct mybridge_flow_key mask;
	struct rhltable rules;
	struct list_head rule_list;	/* writers only */
	unsigned int n_rules;
	u16 max_priority;		/* writers; readers use the snapshot */
};

/*
 * What lookups search: the subtables in order of decreasing highest
 * priority, with that priority as it was when published (a subtable's
 * own value may already be lower while this snapshot is in use: a stale
 * but higher bound only costs a search, a lower one would skip a rule).
 * Replaced whole.
 */
struct mybridge_subtable_ref {
	struct mybridge_subtable *st;
	u16 max_priority;
};

struct mybridge_subtables {
	unsigned int n;
	struct rcu_head rcu;
	struct mybridge_subtable_ref e[];
};

#define MYBRIDGE_FLOW_CACHE_SIZE 4096	/* entries per CPU, a power of 2 */

struct mybridge_flow_cache_entry {
	struct mybridge_flow_key key;
	u32 hash;
	u32 gen;			/* the table's gen when filled */
	struct mybridge_rule *rule;	/* NULL: no rule matches */
};

struct mybridge_flow_table {
	struct mybridge_subtables __rcu *subtables;
	struct list_head rules;		/* by decreasing priority */
	unsigned int n_rules;
	u32 gen;			/* bumped by every change */
	/* Per CPU: MYBRIDGE_FLOW_CACHE_SIZE entries, from the first rule. */
	struct mybridge_flow_cache_entry * __percpu *cache;
};

void mybridge_flow_table_init(struct mybridge_flow_table *t);
/* Free every rule and the cache; RTNL held, no reader left. */
void mybridge_flow_table_uninit(struct mybridge_flow_table *t);

/*
 * The rule of highest priority matching @key, or NULL; @hit tells
 * whether the cache answered.  Under RCU, BH disabled.
 */
struct mybridge_rule *mybridge_flow_lookup(struct mybridge_flow_table *t,
					   const struct mybridge_flow_key *key,
					   bool *hit);

/* The rule's @mask, @priority and (masked) @key, as given to add. */
struct mybridge_rule *mybridge_flow_find(struct mybridge_flow_table *t,
					 const struct mybridge_flow_key *key,
					 const struct mybridge_flow_key *mask,
					 u16 priority);

/*
 * Insert a rule; @key is masked here.  The table owns @actions once this
 * succeeds (the caller frees them on error).  EEXIST when the match and
 * priority are taken, unless @replace: the actions are then swapped and
 * the counters kept.  RTNL held.
 */
int mybridge_flow_insert(struct mybridge_flow_table *t,
			 const struct mybridge_flow_key *key,
			 const struct mybridge_flow_key *mask, u16 priority,
			 struct mybridge_port *in_port,
			 struct mybridge_actions *actions, bool replace);

void mybridge_flow_remove(struct mybridge_flow_table *t,
			  struct mybridge_rule *rule);

/* Remove every rule (@port NULL), or those naming @port. RTNL held. */
void mybridge_flow_flush(struct mybridge_flow_table *t,
			 struct mybridge_port *port);

/* Account a frame of @len bytes to @rule. */
void mybridge_flow_used(struct mybridge_rule *rule, unsigned int len);

void mybridge_flow_read_stats(struct mybridge_rule *rule, u64 *packets,
			      u64 *bytes, unsigned long *used);

#endif /* _MYBRIDGE_CLASSIFIER_H */
