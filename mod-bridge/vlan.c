// SPDX-License-Identifier: GPL-2.0
/*
 * Port VLAN modes: classification on the way in, filtering and tagging
 * on the way out.
 */
#include <kunit/visibility.h>
#include <linux/slab.h>

#include "vlan.h"

bool mybridge_vlan_in(const struct mybridge_vlan *v, struct sk_buff *skb,
		      u16 *vid)
{
	u16 tagged = 0;

	if (skb_vlan_tag_present(skb)) {
		/* A QinQ outer tag is not a VLAN of this switch. */
		if (skb->vlan_proto != htons(ETH_P_8021Q))
			return false;
		tagged = skb_vlan_tag_get_id(skb);
		if (!tagged)
			__vlan_hwaccel_clear_tag(skb);
	}
	if (!v) {
		*vid = tagged;
		return true;
	}
	switch (v->mode) {
	case MYBRIDGE_VLAN_ACCESS:
		*vid = v->pvid;
		return !tagged;
	case MYBRIDGE_VLAN_TRUNK:
		*vid = tagged;
		return tagged && test_bit(tagged, v->trunk);
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_vlan_in);

bool mybridge_vlan_allowed(const struct mybridge_vlan *v, u16 vid)
{
	if (!v)
		return true;
	if (v->mode == MYBRIDGE_VLAN_ACCESS)
		return vid == v->pvid;
	return vid && test_bit(vid, v->trunk);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_vlan_allowed);

void mybridge_vlan_out(const struct mybridge_vlan *v, struct sk_buff *skb,
		       u16 vid)
{
	if (!vid || (v && v->mode == MYBRIDGE_VLAN_ACCESS))
		__vlan_hwaccel_clear_tag(skb);
	else
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vid);
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_vlan_out);

static bool mybridge_vid_valid(u16 vid)
{
	return vid >= 1 && vid < VLAN_VID_MASK;
}

struct mybridge_vlan *mybridge_vlan_new(u8 mode, u16 pvid, const u16 *vids,
					unsigned int n,
					struct netlink_ext_ack *extack)
{
	struct mybridge_vlan *v;
	unsigned int i;

	switch (mode) {
	case MYBRIDGE_VLAN_NONE:
		return NULL;
	case MYBRIDGE_VLAN_ACCESS:
		if (!mybridge_vid_valid(pvid)) {
			NL_SET_ERR_MSG(extack,
				       "mybridge: an access port needs a VLAN ID from 1 to 4094");
			return ERR_PTR(-EINVAL);
		}
		break;
	case MYBRIDGE_VLAN_TRUNK:
		if (!n) {
			NL_SET_ERR_MSG(extack,
				       "mybridge: a trunk needs at least one VLAN");
			return ERR_PTR(-EINVAL);
		}
		for (i = 0; i < n; i++) {
			if (!mybridge_vid_valid(vids[i])) {
				NL_SET_ERR_MSG(extack,
					       "mybridge: trunk VLAN IDs go from 1 to 4094");
				return ERR_PTR(-EINVAL);
			}
		}
		break;
	default:
		NL_SET_ERR_MSG(extack, "mybridge: unknown VLAN mode");
		return ERR_PTR(-EINVAL);
	}
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return ERR_PTR(-ENOMEM);
	v->mode = mode;
	if (mode == MYBRIDGE_VLAN_ACCESS)
		v->pvid = pvid;
	for (i = 0; mode == MYBRIDGE_VLAN_TRUNK && i < n; i++)
		set_bit(vids[i], v->trunk);
	return v;
}
EXPORT_SYMBOL_IF_KUNIT(mybridge_vlan_new);
