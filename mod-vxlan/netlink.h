/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_NETLINK_H
#define _MYVXLAN_NETLINK_H

#include <linux/skbuff.h>

int myvxlan_genl_init(void);
void myvxlan_genl_uninit(void);
int myvxlan_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq);

#endif /* _MYVXLAN_NETLINK_H */
