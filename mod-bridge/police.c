// SPDX-License-Identifier: GPL-2.0
/*
 * The token bucket of port policing (police.h).
 */
#include <kunit/visibility.h>

#include "police.h"

void mybridge_police_init(struct mybridge_police *p, u64 rate, u32 burst,
			  u64 now)
{
	p->rate = rate;
	p->burst = burst;
	psched_ratecfg_precompute(&p->ratecfg,
				  &(struct tc_ratespec){ .linklayer = TC_LINKLAYER_ETHERNET },
				  rate);
	p->burst_ns = psched_l2t_ns(&p->ratecfg, burst);
	spin_lock_init(&p->lock);
	p->tokens = p->burst_ns;
	p->last = now;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_police_init);

bool mybridge_police_conform(struct mybridge_police *p, unsigned int len,
			     u64 now)
{
	s64 cost = psched_l2t_ns(&p->ratecfg, len);
	bool ok;

	spin_lock(&p->lock);
	/* Clocks of two CPUs may disagree a little: never go back. */
	if (now > p->last) {
		p->tokens = min_t(s64, p->tokens + (now - p->last),
				  p->burst_ns);
		p->last = now;
	}
	/*
	 * A frame longer than the bucket (GSO, GRO) passes when the bucket
	 * is full and leaves it in debt, repaid before the next passes.
	 */
	ok = p->tokens >= min(cost, p->burst_ns);
	if (ok)
		p->tokens -= cost;
	spin_unlock(&p->lock);
	return ok;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_police_conform);
