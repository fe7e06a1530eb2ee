/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_NETLINK_H
#define _MYBRIDGE_NETLINK_H

#include <linux/skbuff.h>

int mybridge_genl_init(void);
void mybridge_genl_uninit(void);
int mybridge_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq);

#endif /* _MYBRIDGE_NETLINK_H */
