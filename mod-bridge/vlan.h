/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Port VLAN modes (uapi/mybridge.h, "VLANs"): which VLAN a frame coming
 * in belongs to, whether a frame of a VLAN may leave through a port, and
 * with which tag.  Tags live in skb->vlan_tci (the receive path takes
 * them out of the data before the rx_handler runs).
 */
#ifndef _MYBRIDGE_VLAN_H
#define _MYBRIDGE_VLAN_H

#include <linux/if_vlan.h>
#include <linux/netlink.h>

#include <mybridge.h>

struct mybridge_port;

/* Published whole under RCU; a port without one is MYBRIDGE_VLAN_NONE. */
struct mybridge_vlan {
	u8 mode;			/* enum mybridge_vlan_mode */
	u16 pvid;			/* access */
	struct rcu_head rcu;
	DECLARE_BITMAP(trunk, VLAN_N_VID);
};

/*
 * The VLAN of @skb entering a port of set-up @v (NULL: MYBRIDGE_VLAN_NONE,
 * as is the switch device itself) into *@vid; false when the port does
 * not take the frame.  A priority tag is removed.
 */
bool mybridge_vlan_in(const struct mybridge_vlan *v, struct sk_buff *skb,
		      u16 *vid);

/* May a frame of @vid leave through a port of set-up @v? */
bool mybridge_vlan_allowed(const struct mybridge_vlan *v, u16 vid);

/* Tag or untag @skb of @vid for leaving through a port of set-up @v. */
void mybridge_vlan_out(const struct mybridge_vlan *v, struct sk_buff *skb,
		       u16 vid);

/*
 * A new set-up from netlink: @mode with @pvid (access) or the array of
 * @n u16 VLAN IDs @vids (trunk).  NULL for MYBRIDGE_VLAN_NONE; ERR_PTR
 * with an extack message when invalid.
 */
struct mybridge_vlan *mybridge_vlan_new(u8 mode, u16 pvid, const u16 *vids,
					unsigned int n,
					struct netlink_ext_ack *extack);

#endif /* _MYBRIDGE_VLAN_H */
