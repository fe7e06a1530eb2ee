/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVMX_NETLINK_H
#define _MYVMX_NETLINK_H

#include <linux/skbuff.h>

int myvmx_genl_init(void);
void myvmx_genl_uninit(void);
int myvmx_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq);

#endif /* _MYVMX_NETLINK_H */
