/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ingress policing of a port: a token bucket of @burst bytes filled at
 * @rate bytes per second.  Tokens are kept as nanoseconds of transmit
 * time at the rate (as tc's police and tbf do), so that a frame costs
 * psched_l2t_ns() of its length and no division runs per frame.
 */
#ifndef _MYBRIDGE_POLICE_H
#define _MYBRIDGE_POLICE_H

#include <linux/spinlock.h>
#include <net/sch_generic.h>

struct mybridge_police {
	u64 rate;			/* bytes per second, as configured */
	u32 burst;			/* bytes, as configured */
	struct psched_ratecfg ratecfg;
	s64 burst_ns;			/* the bucket's depth */
	spinlock_t lock;
	s64 tokens;			/* ns, at most burst_ns; negative
					 * after a frame longer than it
					 */
	u64 last;			/* ns, when tokens was computed */
	struct rcu_head rcu;
};

/* A full bucket at time @now (ns). */
void mybridge_police_init(struct mybridge_police *p, u64 rate, u32 burst,
			  u64 now);

/* Does a frame of @len bytes at time @now (ns) conform?  Takes tokens. */
bool mybridge_police_conform(struct mybridge_police *p, unsigned int len,
			     u64 now);

#endif /* _MYBRIDGE_POLICE_H */
