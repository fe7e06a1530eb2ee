/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_INTERNAL_H
#define _MYBRIDGE_INTERNAL_H

#include <linux/skbuff.h>
#include <net/genetlink.h>

int mybridge_device_init(void);
void mybridge_device_uninit(void);

int mybridge_genl_init(void);
void mybridge_genl_uninit(void);
int mybridge_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq);

#endif /* _MYBRIDGE_INTERNAL_H */
