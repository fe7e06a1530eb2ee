// SPDX-License-Identifier: GPL-2.0
/*
 * The flow table (classifier.h): tuple space search as in Open vSwitch.
 * Rules sharing a mask live in one subtable, a hash table keyed by the
 * masked key; a lookup masks the frame's key with each subtable's mask
 * in turn, most promising subtable first, and stops once no remaining
 * subtable can hold a rule of higher priority than the best found.  An
 * exact-match cache per CPU answers repeated keys with one hash and one
 * compare; a generation number, bumped by every change to the rules,
 * invalidates all of it at once.
 */
#include <kunit/visibility.h>
#include <linux/jhash.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "classifier.h"

static const struct rhashtable_params mybridge_rule_params = {
	.head_offset		= offsetof(struct mybridge_rule, node),
	.key_offset		= offsetof(struct mybridge_rule, key),
	.key_len		= sizeof(struct mybridge_flow_key),
	.hashfn			= mybridge_flow_hashfn,
	.automatic_shrinking	= true,
};

static struct mybridge_rule *
mybridge_flow_classify(struct mybridge_flow_table *t,
		       const struct mybridge_flow_key *key)
{
	struct mybridge_subtables *subs = rcu_dereference(t->subtables);
	struct mybridge_rule *best = NULL, *r;
	struct mybridge_flow_key masked;
	struct rhlist_head *list, *pos;
	unsigned int i;

	if (!subs)
		return NULL;
	for (i = 0; i < subs->n; i++) {
		struct mybridge_subtable *st = subs->e[i].st;

		if (best && subs->e[i].max_priority <= best->priority)
			break;
		mybridge_flow_mask(&masked, key, &st->mask);
		list = rhltable_lookup(&st->rules, &masked,
				       mybridge_rule_params);
		rhl_for_each_entry_rcu(r, pos, list, node)
			if (!best || r->priority > best->priority)
				best = r;
	}
	return best;
}

struct mybridge_rule *mybridge_flow_lookup(struct mybridge_flow_table *t,
					   const struct mybridge_flow_key *key,
					   bool *hit)
{
	struct mybridge_flow_cache_entry * __percpu *cache;
	struct mybridge_flow_cache_entry *e;
	struct mybridge_rule *rule;
	u32 gen, hash;

	*hit = false;
	/* Pairs with the release in mybridge_flow_cache_alloc. */
	cache = smp_load_acquire(&t->cache);
	if (!cache)
		return mybridge_flow_classify(t, key);
	/*
	 * Read before classifying: a change meanwhile spoils the entry.
	 * Pairs with mybridge_flow_gen_bump: a current gen means the
	 * current rules.
	 */
	gen = smp_load_acquire(&t->gen);
	hash = mybridge_flow_hash(key);
	e = &(*this_cpu_ptr(cache))[hash & (MYBRIDGE_FLOW_CACHE_SIZE - 1)];
	if (e->gen == gen && e->hash == hash &&
	    mybridge_flow_equal(&e->key, key)) {
		*hit = true;
		return e->rule;
	}
	rule = mybridge_flow_classify(t, key);
	e->key = *key;
	e->hash = hash;
	e->gen = gen;
	e->rule = rule;
	return rule;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_lookup);

void mybridge_flow_used(struct mybridge_rule *rule, unsigned int len)
{
	struct mybridge_rule_stats *s = this_cpu_ptr(rule->stats);

	u64_stats_update_begin(&s->syncp);
	s->packets++;
	s->bytes += len;
	s->used = jiffies;
	u64_stats_update_end(&s->syncp);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_used);

void mybridge_flow_read_stats(struct mybridge_rule *rule, u64 *packets,
			      u64 *bytes, unsigned long *used)
{
	int cpu;

	*packets = 0;
	*bytes = 0;
	*used = 0;
	for_each_possible_cpu(cpu) {
		const struct mybridge_rule_stats *s = per_cpu_ptr(rule->stats,
								  cpu);
		unsigned long u;
		unsigned int start;
		u64 p, b;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			p = s->packets;
			b = s->bytes;
			u = s->used;
		} while (u64_stats_fetch_retry(&s->syncp, start));
		*packets += p;
		*bytes += b;
		if (u && (!*used || time_after(u, *used)))
			*used = u;
	}
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_read_stats);

static struct mybridge_subtables *
mybridge_subtables(struct mybridge_flow_table *t)
{
	return rtnl_dereference(t->subtables);
}

static struct mybridge_subtable *
mybridge_subtable_find(struct mybridge_flow_table *t,
		       const struct mybridge_flow_key *mask)
{
	struct mybridge_subtables *subs = mybridge_subtables(t);
	unsigned int i;

	for (i = 0; subs && i < subs->n; i++)
		if (mybridge_flow_equal(&subs->e[i].st->mask, mask))
			return subs->e[i].st;
	return NULL;
}

struct mybridge_rule *mybridge_flow_find(struct mybridge_flow_table *t,
					 const struct mybridge_flow_key *key,
					 const struct mybridge_flow_key *mask,
					 u16 priority)
{
	struct mybridge_subtable *st = mybridge_subtable_find(t, mask);
	struct mybridge_flow_key masked;
	struct rhlist_head *list, *pos;
	struct mybridge_rule *r, *found = NULL;

	if (!st)
		return NULL;
	mybridge_flow_mask(&masked, key, mask);
	rcu_read_lock();
	list = rhltable_lookup(&st->rules, &masked, mybridge_rule_params);
	rhl_for_each_entry_rcu(r, pos, list, node)
		if (r->priority == priority)
			found = r;
	rcu_read_unlock();
	return found;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_find);

/* Every cache entry is stale from here on. */
static void mybridge_flow_gen_bump(struct mybridge_flow_table *t)
{
	/* Pairs with the acquire in mybridge_flow_lookup. */
	smp_store_release(&t->gen, t->gen + 1);
}

static int mybridge_subtable_cmp(const void *a, const void *b)
{
	const struct mybridge_subtable_ref *x = a, *y = b;

	return (int)y->max_priority - (int)x->max_priority;
}

/*
 * Publish the subtables that hold rules, @add too, in order of priority;
 * the empty ones go on @dead.  Bumps the generation: every cache entry
 * is stale from here on.
 */
static int mybridge_subtables_publish(struct mybridge_flow_table *t,
				      struct mybridge_subtable *add,
				      struct list_head *dead)
{
	struct mybridge_subtables *old = mybridge_subtables(t), *subs;
	unsigned int i, n = (old ? old->n : 0) + !!add;

	subs = kmalloc(struct_size(subs, e, n), GFP_KERNEL);
	if (!subs)
		return -ENOMEM;
	subs->n = 0;
	for (i = 0; old && i < old->n; i++) {
		struct mybridge_subtable *st = old->e[i].st;

		if (st->n_rules)
			subs->e[subs->n++].st = st;
		else
			list_add(&st->rule_list, dead);
	}
	if (add)
		subs->e[subs->n++].st = add;
	for (i = 0; i < subs->n; i++)
		subs->e[i].max_priority = subs->e[i].st->max_priority;
	sort(subs->e, subs->n, sizeof(subs->e[0]), mybridge_subtable_cmp,
	     NULL);
	rcu_assign_pointer(t->subtables, subs);
	mybridge_flow_gen_bump(t);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/* Once no reader can see them: the subtables on @dead go. */
static void mybridge_subtables_reap(struct list_head *dead)
{
	struct mybridge_subtable *st, *next;

	if (list_empty(dead))
		return;
	synchronize_net();
	/* rule_list links the dead subtables: their rules are gone. */
	list_for_each_entry_safe(st, next, dead, rule_list) {
		rhltable_destroy(&st->rules);
		kfree(st);
	}
}

static struct mybridge_subtable *
mybridge_subtable_new(const struct mybridge_flow_key *mask)
{
	struct mybridge_subtable *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return NULL;
	if (rhltable_init(&st->rules, &mybridge_rule_params)) {
		kfree(st);
		return NULL;
	}
	st->mask = *mask;
	INIT_LIST_HEAD(&st->rule_list);
	return st;
}

static int mybridge_flow_cache_alloc(struct mybridge_flow_table *t)
{
	struct mybridge_flow_cache_entry * __percpu *cache;
	int cpu;

	if (t->cache)
		return 0;
	cache = alloc_percpu(struct mybridge_flow_cache_entry *);
	if (!cache)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct mybridge_flow_cache_entry *e;

		e = kvcalloc(MYBRIDGE_FLOW_CACHE_SIZE, sizeof(*e), GFP_KERNEL);
		if (!e)
			goto free;
		*per_cpu_ptr(cache, cpu) = e;
	}
	/* The entries are zeroed before lookups can see them. */
	smp_store_release(&t->cache, cache);
	return 0;
free:
	for_each_possible_cpu(cpu)
		kvfree(*per_cpu_ptr(cache, cpu));
	free_percpu(cache);
	return -ENOMEM;
}

static void mybridge_rule_free_rcu(struct rcu_head *head)
{
	struct mybridge_rule *r = container_of(head, struct mybridge_rule,
					       rcu);

	kfree(rcu_dereference_raw(r->actions));
	free_percpu(r->stats);
	kfree(r);
}

static void mybridge_rule_link(struct mybridge_flow_table *t,
			       struct mybridge_rule *rule)
{
	struct mybridge_rule *r;

	/* After the rules of the same priority: dumps show add order. */
	list_for_each_entry(r, &t->rules, list)
		if (r->priority < rule->priority)
			break;
	list_add_tail_rcu(&rule->list, &r->list);
	list_add_tail(&rule->st_list, &rule->st->rule_list);
	rule->st->n_rules++;
	if (rule->priority > rule->st->max_priority)
		rule->st->max_priority = rule->priority;
	t->n_rules++;
}

/*
 * Unlink @r; its subtable's max_priority is brought up to date (lookups
 * go by the published snapshot's).
 */
static void mybridge_rule_unlink_quiet(struct mybridge_flow_table *t,
				       struct mybridge_rule *r)
{
	struct mybridge_subtable *st = r->st;
	struct mybridge_rule *o;
	u16 max = 0;

	rhltable_remove(&st->rules, &r->node, mybridge_rule_params);
	list_del_rcu(&r->list);
	list_del(&r->st_list);
	st->n_rules--;
	t->n_rules--;
	if (r->priority == st->max_priority) {
		list_for_each_entry(o, &st->rule_list, st_list)
			max = max_t(u16, max, o->priority);
		st->max_priority = max;
	}
}

int mybridge_flow_insert(struct mybridge_flow_table *t,
			 const struct mybridge_flow_key *key,
			 const struct mybridge_flow_key *mask, u16 priority,
			 struct mybridge_port *in_port,
			 struct mybridge_actions *actions, bool replace)
{
	struct mybridge_subtable *st, *new_st = NULL;
	struct mybridge_actions *old;
	struct mybridge_rule *r;
	LIST_HEAD(dead);
	int err;

	ASSERT_RTNL();
	r = mybridge_flow_find(t, key, mask, priority);
	if (r) {
		if (!replace)
			return -EEXIST;
		old = rcu_replace_pointer(r->actions, actions,
					  lockdep_rtnl_is_held());
		kfree_rcu(old, rcu);
		return 0;
	}
	err = mybridge_flow_cache_alloc(t);
	if (err)
		return err;
	st = mybridge_subtable_find(t, mask);
	if (!st) {
		new_st = mybridge_subtable_new(mask);
		if (!new_st)
			return -ENOMEM;
		st = new_st;
	}
	err = -ENOMEM;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		goto free_st;
	r->stats = netdev_alloc_pcpu_stats(struct mybridge_rule_stats);
	if (!r->stats)
		goto free_rule;
	mybridge_flow_mask(&r->key, key, mask);
	r->st = st;
	r->in_port = in_port;
	r->priority = priority;
	r->created = jiffies;
	RCU_INIT_POINTER(r->actions, actions);
	err = rhltable_insert(&st->rules, &r->node, mybridge_rule_params);
	if (err)
		goto free_stats;
	mybridge_rule_link(t, r);
	err = mybridge_subtables_publish(t, new_st, &dead);
	if (err) {
		/*
		 * Unlinked again.  Lookups may have found it (in a subtable
		 * already published) and cached it: spoil that first.
		 */
		mybridge_rule_unlink_quiet(t, r);
		mybridge_flow_gen_bump(t);
		synchronize_net();
		goto free_stats;
	}
	mybridge_subtables_reap(&dead);
	return 0;

free_stats:
	free_percpu(r->stats);
free_rule:
	kfree(r);
free_st:
	if (new_st) {
		rhltable_destroy(&new_st->rules);
		kfree(new_st);
	}
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_insert);

static void mybridge_rule_unlink(struct mybridge_flow_table *t,
				 struct mybridge_rule *r)
{
	mybridge_rule_unlink_quiet(t, r);
	/*
	 * Before the grace period starts: lookups that begin after it see
	 * the new gen and no longer take @r from their cache.
	 */
	mybridge_flow_gen_bump(t);
	call_rcu(&r->rcu, mybridge_rule_free_rcu);
}

/*
 * After unlinking: publish.  Without memory for a new array the old one
 * stays, minus nothing: its empty subtables are harmless (no rules) and
 * are reaped by the next change.
 */
static void mybridge_flow_removed(struct mybridge_flow_table *t)
{
	LIST_HEAD(dead);

	if (mybridge_subtables_publish(t, NULL, &dead))
		mybridge_flow_gen_bump(t);
	mybridge_subtables_reap(&dead);
}

void mybridge_flow_remove(struct mybridge_flow_table *t,
			  struct mybridge_rule *rule)
{
	ASSERT_RTNL();
	mybridge_rule_unlink(t, rule);
	mybridge_flow_removed(t);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_remove);

static bool mybridge_rule_names(struct mybridge_rule *r,
				struct mybridge_port *port)
{
	struct mybridge_actions *acts = rtnl_dereference(r->actions);
	unsigned int i;

	if (r->in_port == port)
		return true;
	for (i = 0; acts && i < acts->n; i++)
		if (acts->a[i].port == port)
			return true;
	return false;
}

void mybridge_flow_flush(struct mybridge_flow_table *t,
			 struct mybridge_port *port)
{
	struct mybridge_rule *r, *next;
	bool any = false;

	ASSERT_RTNL();
	list_for_each_entry_safe(r, next, &t->rules, list) {
		if (port && !mybridge_rule_names(r, port))
			continue;
		mybridge_rule_unlink(t, r);
		any = true;
	}
	if (any)
		mybridge_flow_removed(t);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_flush);

void mybridge_flow_table_init(struct mybridge_flow_table *t)
{
	INIT_LIST_HEAD(&t->rules);
	/* Zeroed cache entries carry gen 0: never current. */
	t->gen = 1;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_table_init);

/* The switch is gone: no reader is left.  RTNL held. */
void mybridge_flow_table_uninit(struct mybridge_flow_table *t)
{
	struct mybridge_subtables *subs;
	int cpu;

	unsigned int i;

	mybridge_flow_flush(t, NULL);
	subs = rtnl_dereference(t->subtables);
	RCU_INIT_POINTER(t->subtables, NULL);
	/* Empty subtables a failed publish left behind. */
	synchronize_net();
	for (i = 0; subs && i < subs->n; i++) {
		rhltable_destroy(&subs->e[i].st->rules);
		kfree(subs->e[i].st);
	}
	kfree(subs);
	if (t->cache) {
		for_each_possible_cpu(cpu)
			kvfree(*per_cpu_ptr(t->cache, cpu));
		free_percpu(t->cache);
	}
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_flow_table_uninit);
